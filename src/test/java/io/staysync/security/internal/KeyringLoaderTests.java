package io.staysync.security.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeyringLoaderTests {

	@TempDir
	Path dir;

	@Test
	void theEmbeddedDatabaseGetsAGeneratedKeyFileOnceAndKeepsIt() throws Exception {
		Path file = dir.resolve("data/staysync.keyring");
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:./data/x")
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
		MockEnvironment environment = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db/x")
			.withProperty("staysync.keyring-file", file.toString())
			.withProperty("staysync.keyring", "primary: 1; 1: " + AesGcmCredentialVaultTests.randomKey());

		assertThat(KeyringLoader.load(environment).primaryId()).isEqualTo(7);
		assertThatThrownBy(() -> KeyringLoader.load(new MockEnvironment().withProperty("staysync.keyring-file",
				dir.resolve("missing").toString())))
			.isInstanceOf(KeyringException.class)
			.hasMessageContaining("cannot be read");
	}

}
