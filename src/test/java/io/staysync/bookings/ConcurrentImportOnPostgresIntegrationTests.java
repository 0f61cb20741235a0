package io.staysync.bookings;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.staysync.bookings.ImportOutcome.Result;
import io.staysync.test.ApiIntegrationTest;
import io.staysync.test.OnPostgres;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two threads apply the same channel record at the same moment, many times over: each
 * record must end as one row, one {@code CREATED} and one {@code UNCHANGED}, and neither
 * caller may see an error.
 */
@OnPostgres
class ConcurrentImportOnPostgresIntegrationTests extends ApiIntegrationTest {

	@Autowired
	BookingImport imports;

	@Test
	void concurrentUpsertsOfOneRecordEndAsOneRowWithoutErrors() throws Exception {
		UUID property = UUID.fromString(createProperty("Contended", "Europe/Berlin", 4));
		UUID otherProperty = UUID.fromString(createProperty("Contended too", "Europe/Berlin", 4));
		UUID integration = UUID.randomUUID();
		ExecutorService threads = Executors.newFixedThreadPool(2);
		try {
			for (int i = 0; i < 25; i++) {
				int round = i;
				String key = "HMRACE" + round;
				// Half of the rounds race on two different properties, which do not share
				// a calendar lock.
				UUID second = round % 2 == 0 ? property : otherProperty;
				CyclicBarrier start = new CyclicBarrier(2);
				Future<ImportOutcome> a = threads.submit(() -> {
					start.await(5, TimeUnit.SECONDS);
					return imports.apply(record(integration, key, property, round));
				});
				Future<ImportOutcome> b = threads.submit(() -> {
					start.await(5, TimeUnit.SECONDS);
					return imports.apply(record(integration, key, second, round));
				});
				List<Result> results = new ArrayList<>(
						List.of(a.get(10, TimeUnit.SECONDS).result(), b.get(10, TimeUnit.SECONDS).result()));

				assertThat(results).as("round %d", round).contains(Result.CREATED);
				assertThat(results).as("round %d", round).doesNotHaveDuplicates();
				assertThat(jdbc.sql("select count(*) from bookings where external_id = :k")
					.param("k", key)
					.query(Long.class)
					.single()).as("round %d", round).isEqualTo(1);
			}
		}
		finally {
			threads.shutdownNow();
		}
	}

	private static ChannelBooking record(UUID integration, String key, UUID property, int round) {
		LocalDate checkIn = LocalDate.of(2027, 1, 1).plusDays(round * 3L);
		return new ChannelBooking(integration, BookingSource.AIRBNB, key, "L1", property, BookingKind.RESERVATION,
				BookingStatus.CONFIRMED, checkIn, checkIn.plusDays(2), "Racer", 2, 0, new BigDecimal("10"), "EUR",
				null);
	}

}
