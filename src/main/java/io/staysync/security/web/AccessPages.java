package io.staysync.security.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.staysync.common.ConflictException;
import io.staysync.web.ConsoleController;
import io.staysync.web.OnceOnlySubmissions;
import io.staysync.security.Role;
import io.staysync.security.StaysyncUser;
import io.staysync.security.internal.ApiTokenRegistry;
import io.staysync.security.internal.UserDirectory;
import io.staysync.security.rest.ValidPassword;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Users (ADMIN) and the signed-in user's own API tokens. A new token is shown on the page
 * that created it and never again; only its prefix stays visible.
 */
@ConsoleController
@RequestMapping("/users")
class AccessPages {

	private final UserDirectory users;

	private final ApiTokenRegistry tokens;

	private final OnceOnlySubmissions submissions;

	AccessPages(UserDirectory users, ApiTokenRegistry tokens, OnceOnlySubmissions submissions) {
		this.users = users;
		this.tokens = tokens;
		this.submissions = submissions;
	}

	@GetMapping
	String page(@AuthenticationPrincipal StaysyncUser me, Model model) {
		model.addAttribute("userForm", new NewUserForm());
		model.addAttribute("tokenForm", new NewTokenForm());
		return show(me, model);
	}

	@PostMapping
	@PreAuthorize("hasRole('ADMIN')")
	String createUser(@AuthenticationPrincipal StaysyncUser me, @Validated @ModelAttribute("userForm") NewUserForm form,
			BindingResult result, Model model, HttpServletRequest request, RedirectAttributes redirect) {
		model.addAttribute("tokenForm", new NewTokenForm());
		if (result.hasErrors()) {
			return show(me, model);
		}
		Optional<String> refusal = submissions.refusal(request, result, redirect, "/users", () -> show(me, model));
		if (refusal.isPresent()) {
			return refusal.get();
		}
		try {
			users.create(
					new UserDirectory.NewUser(form.getEmail(), form.getDisplayName(), form.password(), form.getRole()));
		}
		catch (ConflictException e) {
			result.rejectValue("email", "taken", e.getMessage());
			return show(me, model);
		}
		redirect.addFlashAttribute("flash", "User " + form.getEmail() + " created with role " + form.getRole() + ".");
		return "redirect:/users";
	}

	@PostMapping("/{id}")
	@PreAuthorize("hasRole('ADMIN')")
	String changeUser(@PathVariable UUID id, @RequestParam Role role,
			@RequestParam(defaultValue = "false") boolean enabled, @RequestParam(required = false) String password,
			RedirectAttributes redirect) {
		String newPassword = password == null || password.isEmpty() ? null : password;
		if (newPassword != null && !new ValidPassword.Validator().isValid(newPassword, null)) {
			redirect.addFlashAttribute("warning",
					"Nothing saved: a new password must be at least 12 characters and at most" + " 72 bytes.");
			return "redirect:/users";
		}
		try {
			users.update(id, new UserDirectory.UserChange(null, role, enabled, newPassword));
			redirect.addFlashAttribute("flash",
					newPassword == null ? "User saved." : "User saved with the new password.");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("warning", e.getMessage());
		}
		return "redirect:/users";
	}

	@PostMapping("/tokens")
	String createToken(@AuthenticationPrincipal StaysyncUser me,
			@Validated @ModelAttribute("tokenForm") NewTokenForm form, BindingResult result, Model model,
			HttpServletRequest request, RedirectAttributes redirect) {
		model.addAttribute("userForm", new NewUserForm());
		if (result.hasErrors()) {
			return show(me, model);
		}
		Optional<String> refusal = submissions.refusal(request, result, redirect, "/users", () -> show(me, model));
		if (refusal.isPresent()) {
			return refusal.get();
		}
		ApiTokenRegistry.IssuedToken issued = tokens.issue(me, form.getName().strip(), form.getExpiresInDays());
		model.addAttribute("issuedToken", issued.value());
		model.addAttribute("issuedName", issued.token().name());
		model.addAttribute("tokenForm", new NewTokenForm());
		return show(me, model);
	}

	@PostMapping("/tokens/{id}/revoke")
	String revokeToken(@AuthenticationPrincipal StaysyncUser me, @PathVariable UUID id, RedirectAttributes redirect) {
		tokens.revoke(me, id);
		redirect.addFlashAttribute("flash", "Token revoked; requests that use it are refused from now on.");
		return "redirect:/users";
	}

	private String show(StaysyncUser me, Model model) {
		if (me.role() == Role.ADMIN) {
			model.addAttribute("users", users.list(PageRequest.of(0, 200)));
		}
		model.addAttribute("tokens", tokens.listOf(me));
		model.addAttribute("roles", Role.values());
		return "security/access";
	}

}
