package io.staysync.web;

import org.springframework.web.bind.annotation.GetMapping;

/**
 * Sign-in and the dashboard. The dashboard answers "is anything wrong?" with panels that
 * the modules owning the facts render (integrations, conflicts), loaded by htmx.
 */
@ConsoleController
class StartPages {

	@GetMapping("/login")
	String login() {
		return "login";
	}

	@GetMapping("/")
	String dashboard() {
		return "dashboard";
	}

}
