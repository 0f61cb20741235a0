package io.staysync.security.rest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.security.internal.KeyRotation;
import io.staysync.security.vault.RotationReport;

/** Re-encrypts every stored secret under the keyring's primary key (ADMIN). */
@RestController
class KeyRotationController {

	private final KeyRotation rotation;

	KeyRotationController(KeyRotation rotation) {
		this.rotation = rotation;
	}

	@PostMapping("/api/admin/keys/rotate")
	@PreAuthorize("hasRole('ADMIN')")
	RotationReport rotate() {
		return rotation.rotate();
	}

}
