package io.staysync.channels.sandbox.bookingcom;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The Booking.com sandbox, bound from {@code staysync.sandbox.booking-com.*}: a peer that
 * answers like Booking.com's Connectivity API, for demo mode and tests. It never serves
 * outside demo mode unless {@code enabled} says so, and nothing in production points at
 * it.
 *
 * @param enabled whether it answers outside demo mode (tests)
 * @param clientSecret the client secret it accepts (any client id)
 * @param hotels the hotels it knows, each {@code HOTELCODE:ROOMTYPE,ROOMTYPE}
 * @param latency how long it waits before every answer
 * @param throttleEvery every how many reservation or availability requests it answers 429
 * (0: never)
 * @param retryAfter the Retry-After of those 429 answers
 * @param failEvery every how many such requests it answers 500 (0: never)
 * @param truncateEvery every how many pulls it cuts its answer in the middle (0: never)
 * @param duplicateDeliveries whether every pulled reservation is listed twice
 * @param trickleEvery in demo mode, every how long a guest books the first room type of
 * the first hotel (now and then cancelling an earlier stay); 0 turns it off
 */
@ConfigurationProperties("staysync.sandbox.booking-com")
record SandboxSettings(@DefaultValue("false") boolean enabled, @DefaultValue("sandbox-secret") String clientSecret,
		@DefaultValue("4410021:77120001,77120002") List<String> hotels, @DefaultValue("0s") Duration latency,
		@DefaultValue("0") int throttleEvery, @DefaultValue("1s") Duration retryAfter, @DefaultValue("0") int failEvery,
		@DefaultValue("0") int truncateEvery, @DefaultValue("false") boolean duplicateDeliveries,
		@DefaultValue("2m") Duration trickleEvery) {

}
