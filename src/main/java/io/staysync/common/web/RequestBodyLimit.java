package io.staysync.common.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The largest API request body {@link RequestBodyLimitFilter} lets through, bound from
 * {@code staysync.http.*} beside the limits of outbound fetches.
 *
 * @param maxRequestBodyBytes the largest API request body in bytes; a larger one is
 * refused with 413 before it is read
 */
@ConfigurationProperties("staysync.http")
record RequestBodyLimit(@DefaultValue("1048576") long maxRequestBodyBytes) {

	RequestBodyLimit {
		if (maxRequestBodyBytes <= 0) {
			throw new IllegalArgumentException("staysync.http.max-request-body-bytes must be positive");
		}
	}

}
