package io.staysync.security.internal;

import java.security.SecureRandom;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

import io.staysync.common.ConflictException;
import io.staysync.security.Role;

/**
 * On a first start (no user at all) creates an administrator, from
 * {@code STAYSYNC_ADMIN_EMAIL} / {@code STAYSYNC_ADMIN_PASSWORD}, or with a generated
 * password that is printed to the log this once and never stored in clear.
 */
@Component
class FirstAdministrator implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdministrator.class);

	private final UserAccountRepository users;

	private final UserDirectory directory;

	private final Settings settings;

	FirstAdministrator(UserAccountRepository users, UserDirectory directory, Settings settings) {
		this.users = users;
		this.directory = directory;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (users.count() > 0) {
			return;
		}
		boolean generated = settings.password() == null || settings.password().isBlank();
		String password = generated ? generatePassword() : settings.password();
		try {
			directory.create(new UserDirectory.NewUser(settings.email(), "Administrator", password, Role.ADMIN));
		}
		catch (ConflictException | DuplicateKeyException anotherInstanceWasFaster) {
			return;
		}
		if (generated) {
			log.warn(
					"""

							Created the first administrator {} with the generated password: {}
							It is shown only this once. Sign in and change it, or set STAYSYNC_ADMIN_PASSWORD before the first start.
							""",
					settings.email(), password);
		}
		else {
			log.info("Created the first administrator {} from STAYSYNC_ADMIN_EMAIL / STAYSYNC_ADMIN_PASSWORD",
					settings.email());
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[18];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	@ConfigurationProperties("staysync.admin")
	record Settings(String email, String password) {

		Settings {
			email = email == null || email.isBlank() ? "admin@staysync.local" : email;
		}

		@Override
		public String toString() {
			return "Settings[email=" + email + "]";
		}

	}

}
