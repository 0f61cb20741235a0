package io.staysync.integrations;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.staysync.common.StoredInLowerCase;

/** How an integration's last sync ended: every, some or no listing synced. */
public enum SyncOutcome implements StoredInLowerCase {

	SUCCESS, PARTIAL, ERROR;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return json();
	}

}
