package io.staysync.bench;

import io.staysync.soak.SoakCommand;

/**
 * The long soak, on demand: three Staysync instances from the packaged jar on a
 * PostgreSQL of their own, the Booking.com sandbox and a few thousand iCal feeds with
 * faults on, one instance killed with {@code kill -9}, the database restarted; then the
 * invariant checker. Exits 1 on any violation. Package first ({@code ./mvnw -q package
 * -DskipTests}); ports 18100-18120 on 127.0.0.1:
 *
 * <pre>
 * ./mvnw -q -Pbench test-compile exec:java -Dbench.main=io.staysync.bench.Soak -Dsoak.duration=PT10M [-Dsoak.feeds=2000 -Dsoak.rooms=40 -Dsoak.changes-per-second=3 -Dsoak.seed=17]
 * </pre>
 */
public final class Soak {

	private Soak() {
	}

	public static void main(String[] args) throws Exception {
		System.exit(SoakCommand.run());
	}

}
