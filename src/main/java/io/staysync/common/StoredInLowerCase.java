package io.staysync.common;

import java.util.Locale;

/**
 * An enum whose constants are stored as their names in lower case ({@code not_configured},
 * {@code booking_com}), the words the API shows too. Spring Data JDBC converts these in
 * one place ({@link JdbcMappingConfiguration}); SQL written by hand binds {@link #stored()}
 * instead of repeating the words as literals. Only enums implement it.
 */
public interface StoredInLowerCase {

	/** The value in the database column. */
	default String stored() {
		return ((Enum<?>) this).name().toLowerCase(Locale.ROOT);
	}

}
