package io.staysync.security.internal;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.staysync.security.vault.RotationReport;

/**
 * {@code java -jar staysync.jar rotate-keys}: re-encrypts every stored secret under the
 * primary key, prints how many, and exits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class KeyRotationCommand implements ApplicationRunner {

	static final String COMMAND = "rotate-keys";

	private final KeyRotation rotation;

	private final ConfigurableApplicationContext context;

	KeyRotationCommand(KeyRotation rotation, ConfigurableApplicationContext context) {
		this.rotation = rotation;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().contains(COMMAND)) {
			return;
		}
		RotationReport report = rotation.rotate();
		System.out.printf("rotate-keys: re-encrypted %d secrets under primary key %d %s%n", report.total(),
				report.primaryKeyId(), report.resealed());
		System.exit(SpringApplication.exit(context, () -> 0));
	}

}
