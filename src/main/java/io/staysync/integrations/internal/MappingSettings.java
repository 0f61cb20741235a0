package io.staysync.integrations.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many listing mappings one request may carry, bound from
 * {@code staysync.mappings.*}. An integration holds any number; these bound what one
 * request makes the instance read and write at once.
 *
 * @param maxPerRequest the most mappings a request that replaces the whole set
 * ({@code PUT …/mappings}) may carry; larger sets are mapped one listing at a time or
 * imported from CSV
 * @param importMaxRows the most data rows a CSV import may carry; a larger file is
 * refused whole, before anything is stored
 * @param importMaxBytes the largest CSV import in bytes (the body, or the uploaded file);
 * a larger one is refused whole with 413
 */
@ConfigurationProperties("staysync.mappings")
public record MappingSettings(@DefaultValue("5000") int maxPerRequest, @DefaultValue("50000") int importMaxRows,
		@DefaultValue("10485760") long importMaxBytes) {

	public MappingSettings {
		if (maxPerRequest < 1 || importMaxRows < 1 || importMaxBytes < 1) {
			throw new IllegalArgumentException(
					"staysync.mappings.max-per-request, import-max-rows and import-max-bytes must be positive");
		}
	}

}
