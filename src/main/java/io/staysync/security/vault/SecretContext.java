package io.staysync.security.vault;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Where a secret lives. It is authenticated with the ciphertext, so a ciphertext copied
 * to another row or field does not decrypt.
 */
public record SecretContext(String table, UUID rowId, String field) {

	public SecretContext {
		if (table == null || rowId == null || field == null) {
			throw new IllegalArgumentException("A secret needs its table, row id and field");
		}
	}

	/** Length-prefixed, so that no two contexts encode to the same bytes. */
	public byte[] associatedData() {
		byte[] t = table.getBytes(StandardCharsets.UTF_8);
		byte[] r = rowId.toString().getBytes(StandardCharsets.UTF_8);
		byte[] f = field.getBytes(StandardCharsets.UTF_8);
		return ByteBuffer.allocate(12 + t.length + r.length + f.length)
			.putInt(t.length)
			.put(t)
			.putInt(r.length)
			.put(r)
			.putInt(f.length)
			.put(f)
			.array();
	}

}
