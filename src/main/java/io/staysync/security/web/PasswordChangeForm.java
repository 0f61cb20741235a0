package io.staysync.security.web;

import io.staysync.security.rest.ValidPassword;
import jakarta.validation.constraints.NotBlank;

/** A user's change of their own password: the current one, and the new one twice. */
public class PasswordChangeForm {

	@NotBlank(message = "enter your current password")
	private String currentPassword;

	@NotBlank(message = "enter a new password")
	@ValidPassword(message = "must be at least 12 characters (and at most 72 bytes)")
	private String newPassword;

	private String repeatPassword;

	boolean repeatedCorrectly() {
		return newPassword != null && newPassword.equals(repeatPassword);
	}

	public String getCurrentPassword() {
		return currentPassword;
	}

	public void setCurrentPassword(String currentPassword) {
		this.currentPassword = currentPassword;
	}

	public String getNewPassword() {
		return newPassword;
	}

	public void setNewPassword(String newPassword) {
		this.newPassword = newPassword;
	}

	public String getRepeatPassword() {
		return repeatPassword;
	}

	public void setRepeatPassword(String repeatPassword) {
		this.repeatPassword = repeatPassword;
	}

}
