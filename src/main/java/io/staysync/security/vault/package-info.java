/**
 * The credential vault, the named interface of the security module that other modules use
 * to keep channel secrets: AES-256-GCM with a keyring, each ciphertext bound to its
 * table, row and field. Modules that store secrets implement
 * {@link io.staysync.security.vault.SecretStore} so that key rotation can re-encrypt
 * them.
 */
@org.springframework.modulith.NamedInterface("vault")
package io.staysync.security.vault;
