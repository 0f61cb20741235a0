package io.staysync.web;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.staysync.security.StaysyncUser;

/** Sign-in page and the console's start page. */
@Controller
class ConsoleController {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String home(@AuthenticationPrincipal StaysyncUser user, Model model) {
		model.addAttribute("user", user);
		return "home";
	}

}
