package io.staysync.security.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.staysync.security.vault.CredentialVault;

/**
 * The keyring and the vault built on it; start-up stops here when no keyring can be had.
 */
@Configuration(proxyBeanMethods = false)
class VaultConfiguration {

	@Bean
	Keyring keyring(Environment environment) {
		return KeyringLoader.load(environment);
	}

	@Bean
	CredentialVault credentialVault(Keyring keyring) {
		return new AesGcmCredentialVault(keyring);
	}

}
