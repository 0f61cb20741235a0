package io.staysync.channels;

/**
 * A listing of the connected channel account, as the channel names it: what a manager
 * picks from when mapping listings to properties.
 */
public record AccountListing(String externalListingId, String name) {
}
