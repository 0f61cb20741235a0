package io.staysync.common;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A failure whose message is written for the client: it is shown verbatim in the problem
 * detail, so it must never carry a secret or an internal identifier the caller cannot
 * see. Extra {@link #properties()} become members of the problem detail.
 */
public abstract class DomainException extends RuntimeException {

	private final Map<String, Object> properties = new LinkedHashMap<>();

	protected DomainException(String message) {
		super(message);
	}

	/** Adds a member to the problem detail, for example the ids of clashing records. */
	public DomainException with(String name, Object value) {
		properties.put(name, value);
		return this;
	}

	public Map<String, Object> properties() {
		return Map.copyOf(properties);
	}

}
