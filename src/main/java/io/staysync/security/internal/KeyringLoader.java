package io.staysync.security.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import io.staysync.common.RunMode;

/**
 * Finds the keyring: {@code STAYSYNC_KEYRING_FILE}, else {@code STAYSYNC_KEYRING}, else, on
 * the embedded database only, a key file under {@code ./data} generated on the first start.
 * With the {@code prod} profile or any other database, a missing keyring stops start-up: a
 * generated key next to a production database would be lost with the next deployment.
 */
final class KeyringLoader {

	private static final Logger log = LoggerFactory.getLogger(KeyringLoader.class);

	private KeyringLoader() {
	}

	static Keyring load(Environment environment) {
		String file = environment.getProperty("staysync.keyring-file", "");
		if (!file.isBlank()) {
			return fromFile(Path.of(file));
		}
		String text = environment.getProperty("staysync.keyring", "");
		if (!text.isBlank()) {
			return Keyring.parse(text, "STAYSYNC_KEYRING");
		}
		if (environment.acceptsProfiles(Profiles.of("prod")) || !RunMode.of(environment).embeddedDatabase()) {
			throw new KeyringException("No keyring is configured, and Staysync does not generate one outside the "
					+ "embedded database (profile 'prod' or a database other than H2).");
		}
		Path generated = Path.of(environment.getProperty("staysync.keyring-generated-file", "./data/staysync.keyring"));
		if (!Files.exists(generated)) {
			generate(generated);
		}
		return fromFile(generated);
	}

	private static Keyring fromFile(Path path) {
		try {
			return Keyring.parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
		}
		catch (IOException unreadable) {
			throw new KeyringException("The keyring file " + path + " cannot be read (" + unreadable.getClass().getSimpleName() + ").");
		}
	}

	private static void generate(Path path) {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		try {
			Files.createDirectories(path.toAbsolutePath().getParent());
			Files.writeString(path, Keyring.format(1, key), StandardCharsets.UTF_8);
			try {
				Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
			}
			catch (UnsupportedOperationException notPosix) {
				log.debug("Cannot restrict the permissions of {} on this file system", path);
			}
		}
		catch (IOException failed) {
			throw new KeyringException("A keyring could not be generated at " + path + " ("
					+ failed.getClass().getSimpleName() + ").");
		}
		log.warn("Generated a new keyring at {} for the embedded database. Keep it with the database: without it "
				+ "no stored credential can be decrypted. In production set STAYSYNC_KEYRING_FILE.",
				path.toAbsolutePath());
	}

}
