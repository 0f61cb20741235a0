package io.staysync.security.rest;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.common.ForbiddenException;
import io.staysync.security.StaysyncUser;
import io.staysync.security.internal.ApiToken;
import io.staysync.security.internal.ApiTokenRegistry;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * API tokens of the signed-in user. A token acts with its owner's role. The token value
 * is in the creation response only. Tokens cannot mint tokens: creating one needs the
 * password (HTTP Basic or the console), so a leaked token cannot make itself permanent.
 */
@RestController
@RequestMapping("/api/auth/tokens")
class ApiTokenController {

	private final ApiTokenRegistry tokens;

	ApiTokenController(ApiTokenRegistry tokens) {
		this.tokens = tokens;
	}

	@Operation(summary = "Your API tokens (never their values)")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@GetMapping
	List<TokenView> list(@AuthenticationPrincipal StaysyncUser user) {
		return tokens.listOf(user).stream().map(TokenView::of).toList();
	}

	@Operation(summary = "Creates an API token for you; its value is shown only in this answer")
	@ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403",
			description = "Signed in without the role: a password sign-in (a token cannot create tokens)")
	@PostMapping
	ResponseEntity<CreatedToken> create(@AuthenticationPrincipal StaysyncUser user, Authentication authentication,
			@Valid @RequestBody CreateToken request) {
		if (ApiTokenRegistry.isApiToken(authentication)) {
			throw new ForbiddenException(
					"An API token cannot create API tokens; use your password (HTTP Basic or the console).");
		}
		ApiTokenRegistry.IssuedToken issued = tokens.issue(user, request.name(), request.expiresInDays());
		return ResponseEntity.created(URI.create("/api/auth/tokens/" + issued.token().id()))
			.body(CreatedToken.of(issued));
	}

	@Operation(summary = "Revokes one of your API tokens")
	@ApiResponse(responseCode = "204", description = "Done; no body")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "404", description = "None of your tokens has this id")
	@DeleteMapping("/{id}")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal StaysyncUser user, @PathVariable UUID id) {
		tokens.revoke(user, id);
		return ResponseEntity.noContent().build();
	}

	record CreateToken(@NotBlank @Size(max = 100) String name, @Min(1) @Max(3650) Integer expiresInDays) {
	}

	record TokenView(UUID id, String name, String prefix, Instant createdAt, Instant expiresAt, Instant lastUsedAt,
			Instant revokedAt) {

		static TokenView of(ApiToken token) {
			return new TokenView(token.id(), token.name(), token.tokenPrefix(), token.createdAt(), token.expiresAt(),
					token.lastUsedAt(), token.revokedAt());
		}

	}

	/** The one response that carries the token itself. */
	record CreatedToken(UUID id, String name, String token, String prefix, Instant createdAt, Instant expiresAt) {

		static CreatedToken of(ApiTokenRegistry.IssuedToken issued) {
			ApiToken token = issued.token();
			return new CreatedToken(token.id(), token.name(), issued.value(), token.tokenPrefix(), token.createdAt(),
					token.expiresAt());
		}

		@Override
		public String toString() {
			return "CreatedToken[" + id + "]";
		}

	}

}
