/**
 * Airbnb in API mode (the partner API of approved "API-connected software"): the OAuth 2
 * authorization of a host's account, reservations read per mapped listing and one by one
 * by confirmation code, the account's listings, and availability pushed with
 * {@code calendar_operations}. Airbnb's JSON never leaves this package; the rest of
 * Staysync sees channel bookings, tokens and outcomes.
 */
package io.staysync.channels.airbnb;
