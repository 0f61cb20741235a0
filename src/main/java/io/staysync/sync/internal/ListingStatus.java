package io.staysync.sync.internal;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.staysync.common.StoredInLowerCase;

/** What a run did for one listing: synced, found its feed unchanged, or failed. */
public enum ListingStatus implements StoredInLowerCase {

	SUCCESS, NOT_MODIFIED, ERROR;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return json();
	}

}
