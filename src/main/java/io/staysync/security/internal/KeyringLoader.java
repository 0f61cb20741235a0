package io.staysync.security.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

import io.staysync.common.RunMode;

/**
 * Finds the keyring: {@code STAYSYNC_KEYRING_FILE}, else {@code STAYSYNC_KEYRING}, else,
 * on the embedded database only, a key file generated on the first start, by default in
 * {@code ~/.staysync/}, apart from the database under {@code ./data}: one copy of the
 * data directory should not hold both the ciphertexts and their key. With the
 * {@code prod} profile or any other database, a missing keyring stops start-up: a
 * generated key next to a production database would be lost with the next deployment.
 *
 * <p>
 * A generated file is owner-only from its first byte; a keyring file that others may read
 * is warned about at every start.
 */
final class KeyringLoader {

	private static final Logger log = LoggerFactory.getLogger(KeyringLoader.class);

	static final String GENERATED_FILE = "staysync.keyring-generated-file";

	/**
	 * Where keyrings were generated before: beside the database. Still read when it is
	 * there.
	 */
	static final Path FORMER_GENERATED = Path.of("data", "staysync.keyring");

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

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
		Path generated = generatedFile(environment.getProperty(GENERATED_FILE),
				Path.of(System.getProperty("user.home")), Path.of(""));
		if (!Files.exists(generated)) {
			generate(generated);
		}
		return fromFile(generated);
	}

	/**
	 * The generated keyring: the configured file, else one generated before beside the
	 * database (moving it would lose every stored credential), else
	 * {@code ~/.staysync/staysync.keyring}.
	 */
	static Path generatedFile(String configured, Path home, Path workingDirectory) {
		if (configured != null && !configured.isBlank()) {
			return Path.of(configured);
		}
		Path former = workingDirectory.resolve(FORMER_GENERATED);
		if (Files.exists(former)) {
			log.warn("Using the keyring generated beside the database at {}. A copy of the data directory then holds "
					+ "both the encrypted credentials and their key: move the file elsewhere and set "
					+ "STAYSYNC_KEYRING_FILE to it.", former.toAbsolutePath());
			return former;
		}
		return home.resolve(".staysync").resolve("staysync.keyring");
	}

	private static Keyring fromFile(Path path) {
		warnWhenOthersMayRead(path);
		try {
			return Keyring.parse(Files.readString(path, StandardCharsets.UTF_8), path.toString());
		}
		catch (IOException unreadable) {
			throw new KeyringException(
					"The keyring file " + path + " cannot be read (" + unreadable.getClass().getSimpleName() + ").");
		}
	}

	static boolean othersMayRead(Path path) {
		try {
			Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
			return permissions.contains(PosixFilePermission.GROUP_READ)
					|| permissions.contains(PosixFilePermission.OTHERS_READ);
		}
		catch (IOException | UnsupportedOperationException unknown) {
			return false;
		}
	}

	private static void warnWhenOthersMayRead(Path path) {
		if (othersMayRead(path)) {
			log.warn("The keyring file {} may be read by other users of this machine; restrict it to the owner "
					+ "(chmod 600 {}).", path.toAbsolutePath(), path.toAbsolutePath());
		}
	}

	private static void generate(Path path) {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
		try {
			Path directory = path.toAbsolutePath().getParent();
			if (posix && !Files.exists(directory)) {
				Files.createDirectories(directory,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			Files.createDirectories(directory);
			// Created owner-only, not restricted after writing: no moment in which others
			// may read it.
			FileAttribute<?>[] attributes = posix
					? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY) }
					: new FileAttribute<?>[0];
			try (SeekableByteChannel channel = Files.newByteChannel(path,
					EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
				channel.write(ByteBuffer.wrap(Keyring.format(1, key).getBytes(StandardCharsets.UTF_8)));
			}
		}
		catch (IOException failed) {
			throw new KeyringException(
					"A keyring could not be generated at " + path + " (" + failed.getClass().getSimpleName() + ").");
		}
		log.warn(
				"Generated a new keyring at {} for the embedded database. Back it up apart from the database: "
						+ "without it no stored credential can be decrypted. In production set STAYSYNC_KEYRING_FILE.",
				path.toAbsolutePath());
	}

}
