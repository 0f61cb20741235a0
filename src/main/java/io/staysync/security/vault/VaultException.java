package io.staysync.security.vault;

/**
 * A secret could not be decrypted: tampered, copied from another row or field, or sealed
 * with a key that is not in the keyring. The message names the cause, never the secret.
 */
public class VaultException extends RuntimeException {

	public VaultException(String message) {
		super(message);
	}

}
