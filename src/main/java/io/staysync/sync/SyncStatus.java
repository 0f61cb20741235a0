package io.staysync.sync;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

import io.staysync.common.StoredInLowerCase;

/** Where a sync run stands: running, or ended with every, some or no listing synced. */
public enum SyncStatus implements StoredInLowerCase {

	RUNNING, SUCCESS, PARTIAL, ERROR;

	@JsonValue
	public String json() {
		return name().toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return json();
	}

}
