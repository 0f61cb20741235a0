package io.staysync.security;

import java.util.UUID;

/** Small helpers for tests that create users. */
public final class SecurityTestSupport {

	private SecurityTestSupport() {
	}

	/** A unique, valid email address. */
	public static String unique(String name) {
		return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
	}

}
