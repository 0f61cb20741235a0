package io.staysync.sync;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.staysync.common.StoredInLowerCase;

/** What started a sync run. */
public enum SyncTrigger implements StoredInLowerCase {

	MANUAL, SCHEDULED, WEBHOOK;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return json();
	}

}
