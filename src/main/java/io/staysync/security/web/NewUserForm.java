package io.staysync.security.web;

import io.staysync.security.Role;
import io.staysync.security.rest.ValidPassword;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A new console user; the same rules as the API's. */
public class NewUserForm {

	@NotBlank
	@Email
	@Size(max = 320)
	private String email;

	@Size(max = 200)
	private String displayName;

	@NotBlank
	@ValidPassword
	private String password;

	@NotNull
	private Role role = Role.VIEWER;

	public String getEmail() {
		return email;
	}

	public void setEmail(String email) {
		this.email = email;
	}

	public String getDisplayName() {
		return displayName;
	}

	public void setDisplayName(String displayName) {
		this.displayName = displayName;
	}

	public String getPassword() {
		return null;
	}

	public void setPassword(String password) {
		this.password = password;
	}

	String password() {
		return password;
	}

	public Role getRole() {
		return role;
	}

	public void setRole(Role role) {
		this.role = role;
	}

}
