package io.staysync.common;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An enum whose constants are written as their names in lower case
 * ({@code not_configured}, {@code booking_com}): the same word in the database column and
 * in the API's JSON. Spring Data JDBC converts these in one place
 * ({@link JdbcMappingConfiguration}); SQL written by hand binds {@link #stored()} instead
 * of repeating the words as literals. Only enums implement it, and each overrides
 * {@code toString()} with {@link #json()} so pages and messages show the same word.
 */
public interface StoredInLowerCase {

	/** The value in the database column. */
	default String stored() {
		return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
	}

	/** The value in JSON (and in pages): the stored word. */
	@JsonValue
	default String json() {
		return stored();
	}

}
