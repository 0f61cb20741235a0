package io.staysync.integrations;

import io.staysync.common.StoredInLowerCase;

/**
 * Where an integration stands: never configured; configured but not yet shown to work;
 * its last test or sync worked; or its last test or sync failed (with a message saying
 * why).
 */
public enum IntegrationStatus implements StoredInLowerCase {

	NOT_CONFIGURED, CONFIGURED, CONNECTED, ERROR;

	@Override
	public String toString() {
		return json();
	}

}
