package io.staysync.security.rest;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.security.internal.KeyRotation;
import io.staysync.security.vault.RotationReport;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

/** Re-encrypts every stored secret under the keyring's primary key (ADMIN). */
@RestController
class KeyRotationController {

	private final KeyRotation rotation;

	KeyRotationController(KeyRotation rotation) {
		this.rotation = rotation;
	}

	@Operation(summary = "Re-encrypts every stored secret with the primary key")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN")
	@PostMapping("/api/admin/keys/rotate")
	@PreAuthorize("hasRole('ADMIN')")
	RotationReport rotate() {
		return rotation.rotate();
	}

}
