package io.staysync.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox.Faults;
import io.staysync.soak.SoakState.Acknowledgement;

/**
 * The soak: three Staysync instances (the packaged jar, a JVM each) on a PostgreSQL of
 * its own, the Booking.com sandbox and a few thousand iCal feeds changing reservations
 * all along with faults switched on; one instance killed with {@code kill -9} and started
 * again, the database restarted once; then faults off, quiet, and the
 * {@link InvariantChecker} over Staysync's database and the peers' ground truth. Loopback
 * only, bounded in time and traffic; ports {@code basePort .. basePort+20}.
 */
public final class Soak {

	static final String ADMIN = "soak@staysync.test";

	static final String PASSWORD = "Soak-Passw0rd-long-enough";

	/**
	 * Booking.com's faults while the traffic lasts: 100 ms before every answer, every 9th
	 * request 429 with Retry-After 2 s, every 13th 500, every 6th pull cut in the middle,
	 * every reservation listed twice.
	 */
	static final Faults BOOKING_COM_FAULTS = new Faults(Duration.ofMillis(100), 9, Duration.ofSeconds(2), 13, 6, true);

	/**
	 * The longest an instance may take to answer healthy: about 30 s on a quiet 2-core
	 * machine, minutes when it is shared and oversubscribed.
	 */
	static final Duration STARTUP = Duration.ofMinutes(5);

	static final String KEYRING = "primary: 1; 1: q9Ng0p1nZ8Y0hbb1mKkz2q3uVq1C0uR1x9zX1e5J8n0=";

	/**
	 * How a soak runs.
	 *
	 * @param duration how long the traffic and the faults last (setting up and settling
	 * come on top)
	 * @param feeds iCal feeds, one property each
	 * @param rooms of those properties, how many are also Booking.com room types
	 * @param changesPerSecond reservation changes made per second across the channels
	 * @param basePort the first of the 20 ports used
	 * @param jar the packaged Staysync
	 * @param logs where the instances' logs go
	 * @param seed of the guests' random choices
	 */
	public record Options(Duration duration, int feeds, int rooms, double changesPerSecond, int basePort, Path jar,
			Path logs, long seed) {
	}

	/** The outcome: every violation found, and the figures. */
	public record Report(List<String> violations, List<String> figures) {

		public boolean passed() {
			return violations.isEmpty();
		}

		public void print() {
			System.out.println();
			System.out.println("Soak figures");
			figures.forEach(line -> System.out.println("  " + line));
			System.out.println(
					violations.isEmpty() ? "No violation: every invariant holds." : violations.size() + " violations:");
			violations.forEach(line -> System.out.println("  " + line));
		}

	}

	private final Options options;

	private final List<String> log = new ArrayList<>();

	private final AtomicLong acknowledgementsUnchecked = new AtomicLong();

	private final List<Acknowledgement> acknowledgements = java.util.Collections.synchronizedList(new ArrayList<>());

	private Soak(Options options) {
		this.options = options;
	}

	public static Report run(Options options) throws Exception {
		return new Soak(options).run();
	}

	private Report run() throws Exception {
		Files.createDirectories(options.logs());
		int port = options.basePort();
		List<StaysyncProcess> instances = new ArrayList<>();
		ExecutorService background = Executors.newCachedThreadPool();
		try (PrivatePostgres postgres = PrivatePostgres.start(port + 1);
				ChannelPeers peers = new ChannelPeers(port + 2);
				FeedPeer feeds = new FeedPeer(port + 3);
				WebhookReceiver receiver = new WebhookReceiver(port + 4);
				Observer observer = new Observer(postgres.jdbcUrl())) {
			try {
				for (int i = 0; i < 3; i++) {
					instances.add(new StaysyncProcess("staysync-" + (char) ('a' + i), options.jar(),
							options.logs().resolve("staysync-" + (char) ('a' + i) + ".log"), port + 11 + i,
							arguments(postgres, peers)));
				}
				startAll(instances, background);
				note("3 instances healthy");
				StaysyncApi api = new StaysyncApi(instances.get(0).baseUrl(), ADMIN, PASSWORD);
				Traffic traffic = setUp(api, peers, feeds, receiver);
				BookingComSandbox bookingCom = peers.bookingCom();
				bookingCom.watchAcknowledgements(ack -> checkAcknowledgement(ack, traffic, observer));
				Instant started = Instant.now();
				faultsOn(peers, feeds, receiver);
				drive(traffic, instances, postgres, peers, feeds, background);
				Instant trafficEnded = Instant.now();
				faultsOff(peers, feeds, receiver);
				note("traffic and faults stopped after " + Duration.between(started, trafficEnded).toSeconds() + " s");
				settle(api, postgres);
				return check(postgres, peers, feeds, receiver, traffic, observer,
						Duration.between(started, trafficEnded));
			}
			finally {
				for (StaysyncProcess instance : instances) {
					instance.close();
				}
			}
		}
		finally {
			background.shutdownNow();
		}
	}

	private List<String> arguments(PrivatePostgres postgres, ChannelPeers peers) {
		String bookingCom = peers.bookingComBase();
		return List.of("--spring.datasource.url=" + postgres.jdbcUrl(), "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--spring.datasource.hikari.maximum-pool-size=6",
				"--spring.datasource.hikari.connection-timeout=5000", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--staysync.keyring=" + KEYRING, "--staysync.admin.email=" + ADMIN,
				"--staysync.admin.password=" + PASSWORD, "--staysync.http.allow-private-addresses=true",
				"--staysync.channels.booking-com.token-url=" + bookingCom + "/token-based-authentication/exchange",
				"--staysync.channels.booking-com.reservations-url=" + bookingCom,
				"--staysync.channels.booking-com.availability-url=" + bookingCom,
				"--staysync.channels.booking-com.poll-interval=20s",
				"--staysync.channels.booking-com.pause-after-acknowledgement=1s", "--staysync.availability.debounce=1s",
				"--staysync.availability.drain-interval=1s", "--staysync.availability.retry-base=1s",
				"--staysync.availability.retry-cap=10s", "--staysync.availability.max-attempts=15",
				"--staysync.webhooks.outbound.retry-base=2s", "--staysync.webhooks.outbound.retry-cap=10s",
				// a killed instance's claimed deliveries wait out their claim (batch x
				// (timeout + 2 s)
				// + 1 min): 85 s here, over before the traffic ends
				"--staysync.webhooks.outbound.batch-size=5", "--staysync.webhooks.outbound.timeout=3s",
				"--staysync.scheduler.polling-interval=2s", "--staysync.sync.per-host-concurrency=8",
				"--staysync.sync.chunk-poll-interval=2s", "--staysync.events.resubmit-interval=20s",
				"--staysync.events.resubmit-older-than=30s");
	}

	private static void startAll(List<StaysyncProcess> instances, ExecutorService background) throws Exception {
		List<Future<?>> started = new ArrayList<>();
		for (StaysyncProcess instance : instances) {
			instance.start();
			started.add(background.submit(() -> {
				instance.awaitHealthy(STARTUP);
				return null;
			}));
		}
		for (Future<?> each : started) {
			each.get();
		}
	}

	private Traffic setUp(StaysyncApi api, ChannelPeers peers, FeedPeer feeds, WebhookReceiver receiver)
			throws Exception {
		List<String> properties = new ArrayList<>();
		for (int p = 0; p < options.feeds(); p++) {
			properties.add(api.createProperty("Soak " + p));
		}
		Set<String> roomTypes = new java.util.LinkedHashSet<>();
		for (int room = 0; room < options.rooms(); room++) {
			roomTypes.add(Traffic.roomCode(room));
		}
		peers.bookingCom().hotel(Traffic.HOTEL, roomTypes);
		LocalDate firstNight = LocalDate.now(ZoneId.of("Europe/Amsterdam")).plusDays(14);
		Traffic traffic = new Traffic(options.seed(), peers.bookingCom(), feeds, properties, options.rooms(),
				firstNight, 120);
		traffic.seed();
		api.subscribe(receiver.url());
		api.configure("ical", "{\"isActive\":true,\"mode\":\"ical\",\"settings\":{\"syncIntervalMinutes\":1}}");
		api.configure("booking_com", "{\"apiKey\":\"soak-machine-account\",\"apiSecret\":\"sandbox-secret\","
				+ "\"isActive\":true,\"mode\":\"api\",\"settings\":{\"syncIntervalMinutes\":1}}");
		List<String[]> icalMappings = new ArrayList<>();
		for (int feed = 0; feed < options.feeds(); feed++) {
			icalMappings.add(new String[] { "soak-feed-" + feed, properties.get(feed), feeds.url(feed) });
		}
		api.map("ical", icalMappings);
		List<String[]> roomMappings = new ArrayList<>();
		for (int room = 0; room < options.rooms(); room++) {
			roomMappings.add(new String[] { Traffic.HOTEL + "-" + Traffic.roomCode(room), properties.get(room), null });
		}
		api.map("booking_com", roomMappings);
		note(options.feeds() + " properties, " + options.feeds() + " feeds, " + options.rooms()
				+ " Booking.com room types mapped; webhook receiver subscribed");
		return traffic;
	}

	private void faultsOn(ChannelPeers peers, FeedPeer feeds, WebhookReceiver receiver) {
		peers.bookingCom().faults(BOOKING_COM_FAULTS);
		feeds.latency(Duration.ofMillis(20));
		receiver.failEvery(10);
	}

	private void faultsOff(ChannelPeers peers, FeedPeer feeds, WebhookReceiver receiver) {
		peers.bookingCom().faults(Faults.none());
		feeds.noFaults();
		receiver.failEvery(0);
	}

	/**
	 * The traffic, with its incidents at fixed points: a quarter in, one instance killed
	 * and started again; halfway, a burst of 500s from Booking.com; at 60 %, the database
	 * restarted. Every 15 s a few feeds start failing or answering cut bodies.
	 */
	private void drive(Traffic traffic, List<StaysyncProcess> instances, PrivatePostgres postgres, ChannelPeers peers,
			FeedPeer feeds, ExecutorService background) throws Exception {
		long durationMillis = options.duration().toMillis();
		long start = System.currentTimeMillis();
		long stepMillis = Math.max(10, (long) (1000 / options.changesPerSecond()));
		Random random = new Random(options.seed() + 1);
		boolean killed = false;
		boolean burst = false;
		boolean restarted = false;
		Future<?> restarting = null;
		long nextFeedFaults = 0;
		while (true) {
			long elapsed = System.currentTimeMillis() - start;
			if (elapsed >= durationMillis) {
				break;
			}
			traffic.step();
			if (!killed && elapsed >= durationMillis / 4) {
				killed = true;
				StaysyncProcess victim = instances.get(1);
				victim.killHard();
				note("kill -9 " + victim.name() + " at " + elapsed / 1000 + " s");
				victim.start();
				restarting = background.submit(() -> {
					victim.awaitHealthy(STARTUP);
					note(victim.name() + " healthy again at " + (System.currentTimeMillis() - start) / 1000 + " s");
					return null;
				});
			}
			if (!burst && elapsed >= durationMillis / 2) {
				burst = true;
				Faults usual = BOOKING_COM_FAULTS;
				peers.bookingCom().faults(new Faults(usual.latency(), 0, usual.retryAfter(), 1, 0, true));
				note("Booking.com answers 500 to everything for 8 s from " + elapsed / 1000 + " s");
				background.submit(() -> {
					Thread.sleep(8000);
					peers.bookingCom().faults(usual);
					return null;
				});
			}
			if (!restarted && elapsed >= durationMillis * 6 / 10) {
				restarted = true;
				long before = System.currentTimeMillis();
				postgres.restart();
				note("PostgreSQL restarted at " + elapsed / 1000 + " s (" + (System.currentTimeMillis() - before)
						+ " ms)");
			}
			if (elapsed >= nextFeedFaults) {
				nextFeedFaults = elapsed + 15_000;
				feeds.failing(pick(random, options.feeds(), options.feeds() / 30 + 1));
				feeds.truncated(pick(random, options.feeds(), options.feeds() / 30 + 1));
			}
			Thread.sleep(stepMillis);
		}
		if (restarting != null) {
			restarting.get();
		}
	}

	private static Set<Integer> pick(Random random, int of, int count) {
		Set<Integer> picked = new HashSet<>();
		while (picked.size() < Math.min(of, count)) {
			picked.add(random.nextInt(of));
		}
		return picked;
	}

	/**
	 * Quiet: no run left from the incidents, then two syncs of each channel by hand (a
	 * feed's missing event is cancelled at its second miss), then until no push and no
	 * webhook is waiting. Bounded: whatever is still waiting then is a violation.
	 */
	private void settle(StaysyncApi api, PrivatePostgres postgres) throws Exception {
		long settleStart = System.currentTimeMillis();
		awaitNoRunning(postgres, Duration.ofSeconds(120));
		for (int round = 0; round < 2; round++) {
			for (String type : List.of("ical", "booking_com")) {
				Instant asked = Instant.now();
				String run = api.sync(type);
				awaitRunEnded(postgres, run, Duration.ofSeconds(120));
				if (runStarted(postgres, run).isBefore(asked)) {
					run = api.sync(type);
					awaitRunEnded(postgres, run, Duration.ofSeconds(120));
				}
				note("settling sync of " + type + ": " + outcome(postgres, run));
			}
		}
		long deadline = System.currentTimeMillis() + 90_000;
		int quiet = 0;
		while (System.currentTimeMillis() < deadline && quiet < 3) {
			quiet = waiting(postgres) == 0 ? quiet + 1 : 0;
			Thread.sleep(1000);
		}
		note("settled in " + (System.currentTimeMillis() - settleStart) / 1000 + " s");
	}

	private static void awaitNoRunning(PrivatePostgres postgres, Duration timeout) throws Exception {
		long deadline = System.currentTimeMillis() + timeout.toMillis();
		while (System.currentTimeMillis() < deadline
				&& count(postgres, "select count(*) from sync_runs where status = 'running'") > 0) {
			Thread.sleep(1000);
		}
	}

	private static void awaitRunEnded(PrivatePostgres postgres, String run, Duration timeout) throws Exception {
		long deadline = System.currentTimeMillis() + timeout.toMillis();
		while (System.currentTimeMillis() < deadline && count(postgres,
				"select count(*) from sync_runs where completed_at is null and id = '" + run + "'") > 0) {
			Thread.sleep(500);
		}
	}

	private static Instant runStarted(PrivatePostgres postgres, String run) throws SQLException {
		try (Connection connection = postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select started_at from sync_runs where id = '" + run + "'")) {
			return rows.next() ? rows.getTimestamp(1).toInstant() : Instant.EPOCH;
		}
	}

	private static String outcome(PrivatePostgres postgres, String run) throws SQLException {
		try (Connection connection = postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("select status, bookings_created, bookings_updated,"
						+ " bookings_cancelled, error_message from sync_runs where id = '" + run + "'")) {
			if (!rows.next()) {
				return "not found";
			}
			String error = rows.getString(5);
			return rows.getString(1) + " (" + rows.getInt(2) + " created, " + rows.getInt(3) + " updated, "
					+ rows.getInt(4) + " cancelled" + (error == null ? "" : ", " + error) + ")";
		}
	}

	/** Pushes, deliveries, runs and event publications still waiting. */
	private static long waiting(PrivatePostgres postgres) throws SQLException {
		return count(postgres,
				"select (select count(*) from availability_pushes where state = 'pending')"
						+ " + (select count(*) from webhook_deliveries where status = 'pending')"
						+ " + (select count(*) from event_publication where completion_date is null)"
						+ " + (select count(*) from sync_runs where status = 'running')");
	}

	static long count(PrivatePostgres postgres, String sql) throws SQLException {
		try (Connection connection = postgres.connect();
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(sql)) {
			rows.next();
			return rows.getLong(1);
		}
	}

	/**
	 * As Booking.com takes an acknowledgement (before it answers): the reservation must
	 * already be committed in the acknowledged state or a later one.
	 */
	private void checkAcknowledgement(BookingComSandbox.Acknowledgement ack, Traffic traffic, Observer observer) {
		String key = Traffic.bookingComKey(ack.resId());
		List<Traffic.Change> changes = traffic.changes(key);
		int acked = -1;
		for (int i = 0; i < changes.size(); i++) {
			if (changes.get(i).newQueue() == ack.isNew() && changes.get(i).queueVersion() == ack.version()) {
				acked = i;
			}
		}
		Observer.Seen now = observer.committedNow(key);
		Boolean committed = null;
		if (now == null) {
			acknowledgementsUnchecked.incrementAndGet();
		}
		else {
			committed = false;
			for (int i = Math.max(0, acked); i < changes.size() && acked >= 0; i++) {
				committed |= matches(now, changes.get(i));
			}
		}
		acknowledgements.add(new Acknowledgement(ack.resId() + (ack.isNew() ? " (new)" : " (modified)"), ack.version(),
				ack.at(), committed));
	}

	static boolean matches(Observer.Seen seen, Traffic.Change change) {
		if (change.cancelled()) {
			return "CANCELLED".equals(seen.status());
		}
		return !"CANCELLED".equals(seen.status()) && !"ABSENT".equals(seen.status())
				&& change.checkIn().equals(seen.checkIn()) && change.checkOut().equals(seen.checkOut());
	}

	private Report check(PrivatePostgres postgres, ChannelPeers peers, FeedPeer feeds, WebhookReceiver receiver,
			Traffic traffic, Observer observer, Duration trafficTime) throws Exception {
		SoakState state = SoakSnapshot.read(postgres, peers.bookingCom(), traffic, acknowledgements, receiver);
		List<String> violations = new InvariantChecker().check(state);
		if (Boolean.getBoolean("soak.diagnose")) {
			diagnose(postgres, violations);
		}
		List<String> figures = new ArrayList<>(log);
		figures.addAll(SoakFigures.of(traffic, observer, state, peers, feeds, receiver, trafficTime,
				acknowledgementsUnchecked.get()));
		figures.add("iCal stays removed from a feed left with none, kept on purpose (an empty feed cancels nothing): "
				+ new InvariantChecker().keptFromEmptyFeeds(state));
		figures.add(String.format("machine: %d cores, load average %.2f at the end",
				Runtime.getRuntime().availableProcessors(),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
		return new Report(violations, figures);
	}

	/**
	 * What Staysync holds about each iCal booking in a violation (-Dsoak.diagnose=true).
	 */
	private static void diagnose(PrivatePostgres postgres, List<String> violations) throws java.sql.SQLException {
		try (java.sql.Connection connection = postgres.connect()) {
			Set<String> diagnosedProperties = new java.util.HashSet<>();
			for (String violation : violations) {
				java.util.regex.Matcher uid = java.util.regex.Pattern.compile("ical reservation (\\S+)")
					.matcher(violation);
				java.util.regex.Matcher property = java.util.regex.Pattern.compile("of property (\\S+)")
					.matcher(violation);
				if (property.find() && diagnosedProperties.add(property.group(1))) {
					System.out.println("[diagnose] " + violation);
					query(connection, """
							select state, range_from, range_to, changes, pending_since, due_at, attempts, last_error,
							       last_attempt_at from availability_pushes where cast(property_id as varchar) = ?""",
							property.group(1));
					query(connection, """
							select source, external_id, status, check_in, check_out, updated_at from bookings
							where cast(property_id as varchar) = ? order by check_in""", property.group(1));
				}
				if (!uid.find()) {
					continue;
				}
				System.out.println("[diagnose] " + violation);
				query(connection, """
						select b.status, b.external_listing_id, b.check_in, b.updated_at, m.misses, m.first_missed_at,
						       c.etag, c.content_hash
						from bookings b left join booking_misses m on m.booking_id = b.id
						left join sync_cursors c on c.integration_id = b.integration_id
						     and c.external_listing_id = b.external_listing_id
						where b.external_id = ?""", uid.group(1));
				query(connection, """
						select r.started_at, l.status, l.bookings_created, l.bookings_updated, l.bookings_cancelled,
						       l.unchanged, l.message
						from sync_run_listings l join sync_runs r on r.id = l.sync_run_id
						where l.external_listing_id = (select external_listing_id from bookings where external_id = ?)
						order by r.started_at desc limit 6""", uid.group(1));
			}
		}
	}

	private static void query(java.sql.Connection connection, String sql, String parameter)
			throws java.sql.SQLException {
		try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
			statement.setString(1, parameter);
			try (java.sql.ResultSet rows = statement.executeQuery()) {
				int columns = rows.getMetaData().getColumnCount();
				while (rows.next()) {
					StringBuilder line = new StringBuilder("[diagnose]   ");
					for (int i = 1; i <= columns; i++) {
						line.append(rows.getMetaData().getColumnName(i))
							.append('=')
							.append(rows.getString(i))
							.append(' ');
					}
					System.out.println(line);
				}
			}
		}
	}

	private synchronized void note(String line) {
		String stamped = Instant.now().toString().substring(11, 19) + " " + line;
		log.add(stamped);
		System.out.println("[soak] " + stamped);
	}

	static Options fromSystemProperties() {
		return new Options(Duration.parse(System.getProperty("soak.duration", "PT10M")),
				Integer.getInteger("soak.feeds", 2000), Integer.getInteger("soak.rooms", 40),
				Double.parseDouble(System.getProperty("soak.changes-per-second", "3")),
				Integer.getInteger("soak.base-port", 18100),
				Path.of(System.getProperty("soak.jar", "target/staysync.jar")),
				Path.of(System.getProperty("soak.logs", "target/soak")), Long.getLong("soak.seed", 17L));
	}

}
