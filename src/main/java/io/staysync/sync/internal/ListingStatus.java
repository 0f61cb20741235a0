package io.staysync.sync.internal;

import io.staysync.common.StoredInLowerCase;

/** What a run did for one listing: synced, found its feed unchanged, or failed. */
public enum ListingStatus implements StoredInLowerCase {

	SUCCESS, NOT_MODIFIED, ERROR;

	@Override
	public String toString() {
		return json();
	}

}
