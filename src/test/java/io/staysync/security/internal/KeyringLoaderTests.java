package io.staysync.security.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class KeyringLoaderTests {

	@TempDir
	Path dir;

	@Test
	void theEmbeddedDatabaseGetsAGeneratedKeyFileOnceAndKeepsIt() throws Exception {
		Path file = dir.resolve("data/staysync.keyring");
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:h2:file:./data/x")
			.withProperty("staysync.keyring-generated-file", file.toString());

		Keyring first = KeyringLoader.load(environment);
		Keyring second = KeyringLoader.load(environment);

		assertThat(file).exists();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(first.primary().getEncoded()).isEqualTo(second.primary().getEncoded());
	}

	@Test
	void postgresOrTheProdProfileWithoutAKeyringStopStartUp() {
		MockEnvironment postgres = new MockEnvironment().withProperty("spring.datasource.url",
				"jdbc:postgresql://db/staysync");
		MockEnvironment prod = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x");
		prod.setActiveProfiles("prod");

		assertThatThrownBy(() -> KeyringLoader.load(postgres)).isInstanceOf(KeyringException.class)
			.hasMessageContaining("No keyring is configured");
		assertThatThrownBy(() -> KeyringLoader.load(prod)).isInstanceOf(KeyringException.class);
		assertThat(new KeyringFailureAnalyzer().analyze(new KeyringException("No keyring")).getAction())
			.contains("STAYSYNC_KEYRING_FILE", "STAYSYNC_KEYRING");
	}

	@Test
	void aKeyringFileWinsOverTheEnvironmentVariable() throws Exception {
		String fileKey = AesGcmCredentialVaultTests.randomKey();
		Path file = dir.resolve("ring");
		Files.writeString(file, "primary: 7\n7: " + fileKey + "\n");
		MockEnvironment environment = new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db/x")
			.withProperty("staysync.keyring-file", file.toString())
			.withProperty("staysync.keyring", "primary: 1; 1: " + AesGcmCredentialVaultTests.randomKey());

		assertThat(KeyringLoader.load(environment).primaryId()).isEqualTo(7);
		assertThatThrownBy(() -> KeyringLoader
			.load(new MockEnvironment().withProperty("staysync.keyring-file", dir.resolve("missing").toString())))
			.isInstanceOf(KeyringException.class)
			.hasMessageContaining("cannot be read");
	}

	@Test
	void aGeneratedKeyringLivesApartFromTheDatabaseUnlessOneWasGeneratedBesideItBefore() throws Exception {
		Path home = dir.resolve("home");
		Path work = dir.resolve("work");

		Path generated = KeyringLoader.generatedFile(null, home, work);
		assertThat(generated).isEqualTo(home.resolve(".staysync/staysync.keyring"));
		assertThat(generated.startsWith(work.resolve("data"))).isFalse();

		Files.createDirectories(work.resolve("data"));
		Files.writeString(work.resolve("data/staysync.keyring"),
				"primary: 1\n1: " + AesGcmCredentialVaultTests.randomKey());
		assertThat(KeyringLoader.generatedFile(null, home, work)).isEqualTo(work.resolve("data/staysync.keyring"));
		assertThat(KeyringLoader.generatedFile("/etc/staysync/keyring", home, work))
			.isEqualTo(Path.of("/etc/staysync/keyring"));
	}

	@Test
	void aGeneratedKeyringAndItsNewDirectoryAreOwnerOnlyAndAReadableOneIsWarnedAbout(CapturedOutput output)
			throws Exception {
		Path file = dir.resolve("fresh/keys/staysync.keyring");
		KeyringLoader.load(new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:mem:x")
			.withProperty(KeyringLoader.GENERATED_FILE, file.toString()));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())))
			.isEqualTo("rwx------");
		assertThat(output).doesNotContain("may be read by other users");

		Path readable = dir.resolve("readable.keyring");
		Files.writeString(readable, "primary: 1\n1: " + AesGcmCredentialVaultTests.randomKey());
		Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rw-r--r--"));
		KeyringLoader.load(new MockEnvironment().withProperty("staysync.keyring-file", readable.toString()));
		assertThat(output).contains("may be read by other users", "chmod 600");
	}

}
