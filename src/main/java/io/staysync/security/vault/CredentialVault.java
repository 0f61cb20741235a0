package io.staysync.security.vault;

/**
 * Encrypts and decrypts secrets. A sealed secret is text (base64) that carries a format
 * version and the id of the key that sealed it; it can be stored in any text column.
 */
public interface CredentialVault {

	String seal(String plaintext, SecretContext context);

	/**
	 * @throws VaultException when the secret cannot be authenticated and decrypted
	 */
	String open(String sealed, SecretContext context);

	/** Whether a sealed secret is already under the current primary key. */
	boolean isSealedWithPrimaryKey(String sealed);

	/** Decrypts and seals again under the primary key (unchanged if it already is). */
	default String reseal(String sealed, SecretContext context) {
		return isSealedWithPrimaryKey(sealed) ? sealed : seal(open(sealed, context), context);
	}

}
