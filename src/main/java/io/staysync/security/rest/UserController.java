package io.staysync.security.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.common.PageResponse;
import io.staysync.security.Role;
import io.staysync.security.internal.UserAccount;
import io.staysync.security.internal.UserDirectory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** Users of this installation (ADMIN only). */
@RestController
@RequestMapping("/api/users")
@PreAuthorize("hasRole('ADMIN')")
class UserController {

	private final UserDirectory users;

	UserController(UserDirectory users) {
		this.users = users;
	}

	@Operation(summary = "The users, by email")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN")
	@GetMapping
	PageResponse<UserView> list(@RequestParam(defaultValue = "0") @Min(0) int page,
			@RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
		return PageResponse.of(users.list(PageRequest.of(page, size)), UserView::of);
	}

	@Operation(summary = "One user")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN")
	@ApiResponse(responseCode = "404", description = "No user with this id")
	@GetMapping("/{id}")
	UserView get(@PathVariable UUID id) {
		return UserView.of(users.get(id));
	}

	@Operation(summary = "Creates a user")
	@ApiResponse(responseCode = "201", description = "Created; Location names the new resource")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN")
	@ApiResponse(responseCode = "409", description = "A user with this email exists")
	@PostMapping
	ResponseEntity<UserView> create(@Valid @RequestBody CreateUser request) {
		UserAccount user = users.create(
				new UserDirectory.NewUser(request.email(), request.displayName(), request.password(), request.role()));
		return ResponseEntity.created(URI.create("/api/users/" + user.id())).body(UserView.of(user));
	}

	@Operation(summary = "Changes a user's name, role, status or password")
	@ApiResponse(responseCode = "200", description = "OK")
	@ApiResponse(responseCode = "400", description = "Invalid input; the problem names each field")
	@ApiResponse(responseCode = "401", description = "Not signed in: no valid API token or password")
	@ApiResponse(responseCode = "403", description = "Signed in without the role: ADMIN")
	@ApiResponse(responseCode = "404", description = "No user with this id")
	@ApiResponse(responseCode = "409", description = "This would leave no enabled administrator")
	@PatchMapping("/{id}")
	UserView update(@PathVariable UUID id, @Valid @RequestBody UpdateUser request) {
		return UserView.of(users.update(id, new UserDirectory.UserChange(request.displayName(), request.role(),
				request.enabled(), request.password())));
	}

	record CreateUser(@NotBlank @Email @Size(max = 320) String email, @Size(max = 200) String displayName,
			@NotNull @ValidPassword String password, @NotNull Role role) {

		@Override
		public String toString() {
			return "CreateUser[" + email + ", " + role + "]";
		}

	}

	record UpdateUser(@Size(min = 1, max = 200) String displayName, Role role, Boolean enabled,
			@ValidPassword String password) {

		@Override
		public String toString() {
			return "UpdateUser[" + displayName + ", " + role + ", " + enabled + "]";
		}

	}

	record UserView(UUID id, String email, String displayName, Role role, boolean enabled, Instant createdAt,
			Instant updatedAt) {

		static UserView of(UserAccount user) {
			return new UserView(user.id(), user.email(), user.displayName(), user.role(), user.enabled(),
					user.createdAt(), user.updatedAt());
		}

	}

}
