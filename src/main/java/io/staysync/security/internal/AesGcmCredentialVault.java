package io.staysync.security.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

import io.staysync.security.vault.CredentialVault;
import io.staysync.security.vault.SecretContext;
import io.staysync.security.vault.VaultException;

/**
 * AES-256-GCM with a fresh random 12-byte IV per encryption and a 128-bit tag. A sealed
 * secret is base64 of {@code version(1) | keyId(4) | iv(12) | ciphertext+tag}; the header
 * and the {@link SecretContext} are authenticated as associated data. Hand-written on the
 * JCA because Spring Security's {@code AesGcmBytesEncryptor} has neither associated data
 * nor key ids (ADR 0005).
 */
class AesGcmCredentialVault implements CredentialVault {

	static final byte VERSION = 1;

	private static final int HEADER = 5;

	private static final int IV = 12;

	private static final int TAG_BITS = 128;

	private final SecureRandom random = new SecureRandom();

	private final Keyring keyring;

	AesGcmCredentialVault(Keyring keyring) {
		this.keyring = keyring;
	}

	@Override
	public String seal(String plaintext, SecretContext context) {
		byte[] header = ByteBuffer.allocate(HEADER).put(VERSION).putInt(keyring.primaryId()).array();
		byte[] iv = new byte[IV];
		random.nextBytes(iv);
		try {
			Cipher cipher = cipher(Cipher.ENCRYPT_MODE, keyring.primary(), iv, header, context);
			byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder()
				.encodeToString(
						ByteBuffer.allocate(HEADER + IV + sealed.length).put(header).put(iv).put(sealed).array());
		}
		catch (GeneralSecurityException failed) {
			throw new IllegalStateException("AES-GCM encryption failed: " + failed.getClass().getSimpleName());
		}
	}

	@Override
	public String open(String sealed, SecretContext context) {
		ByteBuffer blob = decode(sealed, context);
		byte[] header = new byte[HEADER];
		blob.get(header);
		int keyId = ByteBuffer.wrap(header, 1, 4).getInt();
		SecretKey key = keyring.key(keyId)
			.orElseThrow(() -> new VaultException("The " + describe(context) + " was encrypted with key " + keyId
					+ ", which is not in the keyring. Add that key back to decrypt it."));
		byte[] iv = new byte[IV];
		blob.get(iv);
		byte[] body = new byte[blob.remaining()];
		blob.get(body);
		try {
			return new String(cipher(Cipher.DECRYPT_MODE, key, iv, header, context).doFinal(body),
					StandardCharsets.UTF_8);
		}
		catch (AEADBadTagException tampered) {
			throw new VaultException("The " + describe(context) + " failed authentication: it was altered, or it "
					+ "belongs to another row or field.");
		}
		catch (GeneralSecurityException failed) {
			throw new VaultException(
					"The " + describe(context) + " cannot be decrypted (" + failed.getClass().getSimpleName() + ").");
		}
	}

	@Override
	public boolean isSealedWithPrimaryKey(String sealed) {
		try {
			byte[] bytes = Base64.getDecoder().decode(sealed);
			return bytes.length > HEADER && bytes[0] == VERSION
					&& ByteBuffer.wrap(bytes, 1, 4).getInt() == keyring.primaryId();
		}
		catch (IllegalArgumentException notBase64) {
			return false;
		}
	}

	private static ByteBuffer decode(String sealed, SecretContext context) {
		byte[] bytes;
		try {
			bytes = Base64.getDecoder().decode(sealed);
		}
		catch (IllegalArgumentException notBase64) {
			throw new VaultException("The " + describe(context) + " is not a sealed secret.");
		}
		if (bytes.length < HEADER + IV + TAG_BITS / 8) {
			throw new VaultException("The " + describe(context) + " is truncated.");
		}
		if (bytes[0] != VERSION) {
			throw new VaultException("The " + describe(context) + " has an unknown format version " + bytes[0] + ".");
		}
		return ByteBuffer.wrap(bytes);
	}

	private static Cipher cipher(int mode, SecretKey key, byte[] iv, byte[] header, SecretContext context)
			throws GeneralSecurityException {
		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
		cipher.updateAAD(header);
		cipher.updateAAD(context.associatedData());
		return cipher;
	}

	private static String describe(SecretContext context) {
		return "secret " + context.field() + " of " + context.table() + " " + context.rowId();
	}

}
