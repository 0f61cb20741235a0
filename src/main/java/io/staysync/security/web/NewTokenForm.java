package io.staysync.security.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A new API token of the signed-in user. */
public class NewTokenForm {

	@NotBlank(message = "name the token after what will use it, e.g. \"PMS import\"")
	@Size(max = 100)
	private String name;

	@Min(1)
	@Max(3650)
	private Integer expiresInDays = 90;

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public Integer getExpiresInDays() {
		return expiresInDays;
	}

	public void setExpiresInDays(Integer expiresInDays) {
		this.expiresInDays = expiresInDays;
	}

}
