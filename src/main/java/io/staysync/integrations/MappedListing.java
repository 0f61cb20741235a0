package io.staysync.integrations;

/**
 * A channel listing mapped for an integration, and since when: what the sync engine is
 * expected to keep fresh from then on.
 */
public record MappedListing(String externalListingId, java.time.Instant mappedAt) {
}
