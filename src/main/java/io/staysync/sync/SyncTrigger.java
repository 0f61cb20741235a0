package io.staysync.sync;

import io.staysync.common.StoredInLowerCase;

/** What started a sync run. */
public enum SyncTrigger implements StoredInLowerCase {

	MANUAL, SCHEDULED, WEBHOOK;

	@Override
	public String toString() {
		return json();
	}

}
