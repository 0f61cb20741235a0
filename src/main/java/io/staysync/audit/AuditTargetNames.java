package io.staysync.audit;

import java.util.Collection;
import java.util.Map;

/**
 * Gives the audit log's targets ({@code property:<id>}, {@code user:<id>}) the names a
 * person knows them by. Each module that records targets of its own implements it; the
 * audit module asks every implementation and shows the id where none answers (the target
 * was deleted since).
 */
public interface AuditTargetNames {

	/**
	 * Names for those of {@code targets} that this module knows and that still exist,
	 * keyed by target; the others are left out.
	 */
	Map<String, String> namesOf(Collection<String> targets);

}
