package io.staysync.security.vault;

/** A module's stored secrets, as key rotation sees them. */
public interface SecretStore {

	/**
	 * What the secrets are, for the rotation report (for example {@code integrations}).
	 */
	String name();

	/**
	 * Re-encrypts every secret not yet sealed with the primary key.
	 * @return how many secrets were re-encrypted
	 */
	int resealAll(CredentialVault vault);

}
