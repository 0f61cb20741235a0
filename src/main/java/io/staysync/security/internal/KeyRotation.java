package io.staysync.security.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.security.vault.CredentialVault;
import io.staysync.security.vault.RotationReport;
import io.staysync.security.vault.SecretStore;

/**
 * Re-encrypts every stored secret under the primary key, in one transaction: afterwards
 * the old keys can be removed from the keyring.
 */
@Service
public class KeyRotation {

	private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);

	private final List<SecretStore> stores;

	private final CredentialVault vault;

	private final Keyring keyring;

	private final AuditLog audit;

	KeyRotation(List<SecretStore> stores, CredentialVault vault, Keyring keyring, AuditLog audit) {
		this.stores = stores;
		this.vault = vault;
		this.keyring = keyring;
		this.audit = audit;
	}

	@Transactional
	public RotationReport rotate() {
		Map<String, Integer> resealed = new LinkedHashMap<>();
		for (SecretStore store : stores) {
			resealed.merge(store.name(), store.resealAll(vault), Integer::sum);
		}
		int total = resealed.values().stream().mapToInt(Integer::intValue).sum();
		audit.record("keys.rotated", "keyring", Map.of("primaryKeyId", keyring.primaryId(), "resealed", total));
		log.info("Key rotation: re-encrypted {} secrets under primary key {}", total, keyring.primaryId());
		return new RotationReport(keyring.primaryId(), resealed, total);
	}

}
