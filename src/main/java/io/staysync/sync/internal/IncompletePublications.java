package io.staysync.sync.internal;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Hands event publications that no listener completed (a listener failed, or its instance
 * stopped) to their listener again. Replaces Modulith's republish-on-restart, which every
 * instance of a cluster would do at once and which waits for a restart: this runs as one
 * cluster-wide db-scheduler task, and only for publications older than a threshold, so a
 * publication still being processed normally is left alone. Listeners must therefore be
 * idempotent: a publication may be delivered more than once.
 */
@Component
class IncompletePublications {

	private static final Logger log = LoggerFactory.getLogger(IncompletePublications.class);

	private final IncompleteEventPublications publications;

	private final Duration olderThan;

	IncompletePublications(IncompleteEventPublications publications, EventSettings settings) {
		this.publications = publications;
		this.olderThan = settings.resubmitOlderThan();
	}

	void resubmit() {
		log.debug("Resubmitting event publications incomplete for more than {}", olderThan);
		publications.resubmitIncompletePublicationsOlderThan(olderThan);
	}

}
