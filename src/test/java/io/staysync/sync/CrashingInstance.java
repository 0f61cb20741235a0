package io.staysync.sync;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;

import io.staysync.StaysyncApplication;
import io.staysync.channels.ChannelType;
import io.staysync.sync.internal.RecentSyncs;
import io.staysync.sync.internal.SyncLauncher;

/**
 * A Staysync instance in a JVM of its own, started by
 * {@link CrashBetweenCommitAndAcknowledgementOnPostgresIntegrationTests} with the
 * database and the Booking.com endpoints as arguments: it starts one Booking.com sync and
 * dies with {@link HaltBeforeAcknowledgement#HALTED} when the run acknowledges. A run
 * that ends without acknowledging anything exits with {@link #NOT_HALTED} instead, and
 * one that never ends with {@link #STUCK}, so the test can say what went wrong.
 */
final class CrashingInstance {

	static final int NOT_HALTED = 3;

	static final int STUCK = 4;

	private CrashingInstance() {
	}

	public static void main(String[] args) throws InterruptedException, IOException {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(StaysyncApplication.class,
				HaltBeforeAcknowledgement.class)
			.profiles("test")
			.initializers(application -> application.getBeanFactory()
				.registerSingleton("leaveOutTestConfigurations", new LeaveOutTestConfigurations()))
			.run(args);
		UUID run = context.getBean(SyncLauncher.class)
			.start(ChannelType.BOOKING_COM, SyncTrigger.MANUAL, null)
			.run()
			.id();
		System.out.println("Started sync run " + run);
		RecentSyncs history = context.getBean(RecentSyncs.class);
		Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
		while (Instant.now().isBefore(deadline)) {
			if (history.get(run).completedAt() != null) {
				System.out.println("The run ended without acknowledging: " + history.get(run));
				System.exit(NOT_HALTED);
			}
			Thread.sleep(100);
		}
		System.exit(STUCK);
	}

	/**
	 * Outside a test context nothing leaves out the test classes' nested
	 * {@code @TestConfiguration}s (scripted connectors, failing controllers): this does,
	 * as Spring Boot's test support does for its own contexts.
	 */
	static final class LeaveOutTestConfigurations extends TypeExcludeFilter {

		@Override
		public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
			return reader.getAnnotationMetadata().getAnnotations().isPresent(TestComponent.class);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof LeaveOutTestConfigurations;
		}

		@Override
		public int hashCode() {
			return LeaveOutTestConfigurations.class.hashCode();
		}

	}

}
