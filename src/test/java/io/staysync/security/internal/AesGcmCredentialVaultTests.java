package io.staysync.security.internal;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.security.vault.SecretContext;
import io.staysync.security.vault.VaultException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AesGcmCredentialVaultTests {

	static final String SECRET = "sk_live_51HxSecretValue";

	final String key1 = randomKey();

	final String key2 = randomKey();

	final SecretContext context = new SecretContext("integrations", UUID.randomUUID(), "api_key");

	final AesGcmCredentialVault vault = vault("primary: 1; 1: " + key1);

	@Test
	void sealedSecretsOpenAgainAndNeverShowThePlaintext() {
		String sealed = vault.seal(SECRET, context);

		assertThat(sealed).doesNotContain(SECRET);
		assertThat(new String(Base64.getDecoder().decode(sealed), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain(SECRET);
		assertThat(vault.open(sealed, context)).isEqualTo(SECRET);
		assertThat(vault.seal("", context)).satisfies(empty -> assertThat(vault.open(empty, context)).isEmpty());
		assertThat(vault.open(vault.seal("ünïcødé ✓", context), context)).isEqualTo("ünïcødé ✓");
	}

	@Test
	void everySealUsesAFreshIv() {
		String first = vault.seal(SECRET, context);
		String second = vault.seal(SECRET, context);

		assertThat(first).isNotEqualTo(second);
		byte[] a = Base64.getDecoder().decode(first);
		byte[] b = Base64.getDecoder().decode(second);
		assertThat(java.util.Arrays.copyOfRange(a, 5, 17)).isNotEqualTo(java.util.Arrays.copyOfRange(b, 5, 17));
		assertThat(a[0]).isEqualTo(AesGcmCredentialVault.VERSION);
	}

	@Test
	void aTamperedByteAnywhereFailsAuthentication() {
		byte[] sealed = Base64.getDecoder().decode(vault.seal(SECRET, context));
		for (int i = 5; i < sealed.length; i++) {
			byte[] tampered = sealed.clone();
			tampered[i] ^= 0x01;
			String text = Base64.getEncoder().encodeToString(tampered);
			assertThatThrownBy(() -> vault.open(text, context)).isInstanceOf(VaultException.class)
				.hasMessageContaining("failed authentication")
				.hasMessageNotContaining(SECRET);
		}
	}

	@Test
	void aCiphertextCopiedToAnotherRowOrFieldDoesNotDecrypt() {
		String sealed = vault.seal(SECRET, context);

		assertThatThrownBy(() -> vault.open(sealed, new SecretContext("integrations", UUID.randomUUID(), "api_key")))
			.isInstanceOf(VaultException.class)
			.hasMessageContaining("another row or field");
		assertThatThrownBy(() -> vault.open(sealed, new SecretContext("integrations", context.rowId(), "api_secret")))
			.isInstanceOf(VaultException.class);
		assertThatThrownBy(() -> vault.open(sealed, new SecretContext("listing_mappings", context.rowId(), "api_key")))
			.isInstanceOf(VaultException.class);
	}

	@Test
	void anUnknownKeyIdOrAMangledValueIsReportedClearly() {
		String sealed = vault.seal(SECRET, context);
		byte[] bytes = Base64.getDecoder().decode(sealed);
		bytes[4] = 9;
		String unknownKey = Base64.getEncoder().encodeToString(bytes);

		assertThatThrownBy(() -> vault.open(unknownKey, context)).isInstanceOf(VaultException.class)
			.hasMessageContaining("key 9, which is not in the keyring");
		assertThatThrownBy(() -> vault.open("not base64!", context)).hasMessageContaining("not a sealed secret");
		assertThatThrownBy(() -> vault.open("AQAAAAE=", context)).hasMessageContaining("truncated");
		bytes[0] = 7;
		String future = Base64.getEncoder().encodeToString(bytes);
		assertThatThrownBy(() -> vault.open(future, context)).hasMessageContaining("unknown format version 7");
	}

	@Test
	void oldKeysStillDecryptAndRotationLetsThemBeRemoved() {
		String underKey1 = vault.seal(SECRET, context);

		AesGcmCredentialVault key2Primary = vault("primary: 2; 1: " + key1 + "; 2: " + key2);
		assertThat(key2Primary.open(underKey1, context)).isEqualTo(SECRET);
		assertThat(key2Primary.isSealedWithPrimaryKey(underKey1)).isFalse();

		String underKey2 = key2Primary.reseal(underKey1, context);
		assertThat(key2Primary.isSealedWithPrimaryKey(underKey2)).isTrue();
		assertThat(key2Primary.reseal(underKey2, context)).isSameAs(underKey2);

		AesGcmCredentialVault key1Removed = vault("primary: 2; 2: " + key2);
		assertThat(key1Removed.open(underKey2, context)).isEqualTo(SECRET);
		assertThatThrownBy(() -> key1Removed.open(underKey1, context)).isInstanceOf(VaultException.class)
			.hasMessageContaining("key 1");
	}

	@Test
	void keyringsThatCannotBeUsedAreRefusedWithTheReason() {
		assertThatThrownBy(() -> Keyring.parse("", "test")).hasMessageContaining("holds no key");
		assertThatThrownBy(() -> Keyring.parse("1: " + key1, "test")).hasMessageContaining("no 'primary: id'");
		assertThatThrownBy(() -> Keyring.parse("primary: 2; 1: " + key1, "test"))
			.hasMessageContaining("primary key 2 is not in it");
		assertThatThrownBy(() -> Keyring.parse("primary: 1; 1: c2hvcnQ=", "test"))
			.hasMessageContaining("needs exactly 32");
		assertThatThrownBy(() -> Keyring.parse("primary: 1; 1: %%%", "test")).hasMessageContaining("not valid base64");
		assertThatThrownBy(() -> Keyring.parse("primary: 1; 1: " + key1 + "; 1: " + key2, "test"))
			.hasMessageContaining("listed twice");
		assertThatThrownBy(() -> Keyring.parse("primary: x; 1: " + key1, "test")).hasMessageContaining("positive");
		assertThatThrownBy(() -> Keyring.parse("primary 1", "test")).hasMessageContaining("not of the form");
		assertThat(Keyring.parse("# comment\nprimary: 1\n1: " + key1 + "\n", "test").toString()).doesNotContain(key1);
	}

	static AesGcmCredentialVault vault(String keyring) {
		return new AesGcmCredentialVault(Keyring.parse(keyring, "test"));
	}

	static String randomKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

}
