/**
 * Properties: the rentable units (name, IANA time zone, check-in and check-out times,
 * capacity, address) that channel listings map to. Other modules read them through
 * {@link io.staysync.properties.PropertyCatalog} and may veto a deletion through
 * {@link io.staysync.properties.PropertyDeletionGuard}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Properties",
		allowedDependencies = { "audit", "common", "web" })
package io.staysync.properties;
