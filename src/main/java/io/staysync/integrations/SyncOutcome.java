package io.staysync.integrations;

import io.staysync.common.StoredInLowerCase;

/** How an integration's last sync ended: every, some or no listing synced. */
public enum SyncOutcome implements StoredInLowerCase {

	SUCCESS, PARTIAL, ERROR;

	@Override
	public String toString() {
		return json();
	}

}
