package io.staysync.sync;

import io.staysync.common.StoredInLowerCase;

/** Where a sync run stands: running, or ended with every, some or no listing synced. */
public enum SyncStatus implements StoredInLowerCase {

	RUNNING, SUCCESS, PARTIAL, ERROR;

	@Override
	public String toString() {
		return json();
	}

}
