package io.staysync.security.internal;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a keyring problem at start-up into a short message saying what to set. */
public class KeyringFailureAnalyzer extends AbstractFailureAnalyzer<KeyringException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, KeyringException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Set STAYSYNC_KEYRING_FILE to a file holding the keyring, or STAYSYNC_KEYRING to its text "
						+ "(entries separated by ';'), for example:\n"
						+ "  STAYSYNC_KEYRING=\"primary: 1; 1: $(openssl rand -base64 32)\"\n"
						+ "See the README, section 'Keyring'.",
				cause);
	}

}
