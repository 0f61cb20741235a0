package io.staysync.security.vault;

import java.util.Map;

/**
 * What a key rotation did: how many secrets each store re-encrypted under the primary
 * key.
 */
public record RotationReport(int primaryKeyId, Map<String, Integer> resealed, int total) {
}
