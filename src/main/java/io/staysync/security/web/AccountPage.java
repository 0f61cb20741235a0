package io.staysync.security.web;

import java.time.Instant;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.staysync.common.InvalidInputException;
import io.staysync.security.StaysyncUser;
import io.staysync.security.internal.ApiTokenRegistry;
import io.staysync.security.internal.UserDirectory;
import io.staysync.web.ConsoleController;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Every user's own account: who they are, their password (the current one is asked for),
 * their API tokens and this session. A changed password ends the account's other
 * sessions; this one goes on with a new session id.
 */
@ConsoleController
@RequestMapping("/account")
class AccountPage {

	private final UserDirectory users;

	private final ApiTokenRegistry tokens;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

	AccountPage(UserDirectory users, ApiTokenRegistry tokens) {
		this.users = users;
		this.tokens = tokens;
	}

	@GetMapping
	String page(@AuthenticationPrincipal StaysyncUser me, Model model, HttpServletRequest request) {
		model.addAttribute("passwordForm", new PasswordChangeForm());
		return show(me, model, request);
	}

	@PostMapping("/password")
	String changePassword(@AuthenticationPrincipal StaysyncUser me,
			@Validated @ModelAttribute("passwordForm") PasswordChangeForm form, BindingResult result, Model model,
			HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
		if (!result.hasFieldErrors("newPassword") && !form.repeatedCorrectly()) {
			result.rejectValue("repeatPassword", "different", "does not match the new password");
		}
		if (result.hasErrors()) {
			return show(me, model, request);
		}
		StaysyncUser changed;
		try {
			changed = users.changeOwnPassword(me.id(), form.getCurrentPassword(), form.getNewPassword());
		}
		catch (InvalidInputException e) {
			result.rejectValue("currentPassword", "wrong", "is not your current password");
			return show(me, model, request);
		}
		keepThisSession(changed, request, response);
		redirect.addFlashAttribute("flash",
				"Password changed. Your other sessions are signed out; this one stays signed in.");
		return "redirect:/account";
	}

	/**
	 * The session that changed the password gets the account's new stamp, so the session
	 * check lets it through while every other session of the account ends; a new session
	 * id as well, as after a sign-in.
	 */
	private void keepThisSession(StaysyncUser changed, HttpServletRequest request, HttpServletResponse response) {
		SecurityContext context = holder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(changed, null, changed.getAuthorities()));
		holder.setContext(context);
		request.changeSessionId();
		contexts.saveContext(context, request, response);
	}

	private String show(StaysyncUser me, Model model, HttpServletRequest request) {
		HttpSession session = request.getSession();
		model.addAttribute("account", users.get(me.id()));
		model.addAttribute("tokens", tokens.listOf(me));
		model.addAttribute("sessionStarted", Instant.ofEpochMilli(session.getCreationTime()));
		model.addAttribute("sessionLastUsed", Instant.ofEpochMilli(session.getLastAccessedTime()));
		return "security/account";
	}

}
