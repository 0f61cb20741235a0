package io.staysync.channels.sandbox.airbnb;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Airbnb sandbox, bound from {@code staysync.sandbox.airbnb.*}: a peer that answers
 * like Airbnb's partner API (OAuth consent and tokens included), for demo mode and tests.
 * It never serves outside demo mode unless {@code enabled} says so, and nothing in
 * production points at it.
 *
 * @param enabled whether it answers outside demo mode (tests)
 * @param clientSecret the client secret it accepts (any client id)
 * @param userId the Airbnb user id of the host who consents
 * @param listings the host's listings, each {@code ID:NAME}
 * @param codeLifetime how long an authorization code may be exchanged (once)
 * @param accessTokenLifetime how long an access token works (Airbnb's: 24 hours)
 * @param webhookUrl where it posts reservation notifications; empty posts them to this
 * instance's own {@code /api/integrations/airbnb/webhook}
 * @param latency how long it waits before every API answer
 * @param throttleEvery every how many API requests it answers {@code throttle-status} (0:
 * never)
 * @param throttleStatus the status of those answers: 429, 405 or 503, all of which Airbnb
 * uses to ask for a slower pace
 * @param retryAfter the Retry-After of throttling and 503 answers
 * @param unavailableEvery every how many API requests it answers 503 (0: never)
 * @param failEvery every how many API requests it answers 500 (0: never)
 * @param truncateEvery every how many API answers it cuts in the middle (0: never)
 * @param trickleEvery in demo mode, every how long a guest books the first listing (now
 * and then moving a stay a day later or cancelling an earlier one); 0 turns it off
 */
@ConfigurationProperties("staysync.sandbox.airbnb")
record AirbnbSandboxSettings(@DefaultValue("false") boolean enabled,
		@DefaultValue("sandbox-secret") String clientSecret, @DefaultValue("1603070") long userId, @DefaultValue( {
				"51234567:Harbour Loft", "51234568:Garden Studio" }) List<String> listings,
		@DefaultValue("10m") Duration codeLifetime, @DefaultValue("24h") Duration accessTokenLifetime,
		@DefaultValue("") String webhookUrl, @DefaultValue("0s") Duration latency, @DefaultValue("0") int throttleEvery,
		@DefaultValue("429") int throttleStatus, @DefaultValue("1s") Duration retryAfter,
		@DefaultValue("0") int unavailableEvery, @DefaultValue("0") int failEvery, @DefaultValue("0") int truncateEvery,
		@DefaultValue("3m") Duration trickleEvery){

}
