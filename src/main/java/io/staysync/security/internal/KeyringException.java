package io.staysync.security.internal;

/** The keyring is missing or unusable; start-up stops with this message. */
class KeyringException extends RuntimeException {

	KeyringException(String message) {
		super(message);
	}

}
