package io.staysync.integrations.web;

import java.net.URI;
import java.util.List;

import org.springframework.core.env.Environment;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.staysync.channels.ChannelMode;
import io.staysync.channels.ChannelType;
import io.staysync.common.DomainException;
import io.staysync.common.NotFoundException;
import io.staysync.common.RunMode;
import io.staysync.integrations.internal.IntegrationConfiguration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.ListingMapping;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.integrations.internal.OAuthConnections;
import io.staysync.integrations.internal.OAuthRefused;
import io.staysync.integrations.internal.OAuthRedirects;
import io.staysync.web.ConsoleController;
import io.staysync.web.Htmx;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The console's side of connecting a channel account by OAuth. "Connect" posts here and
 * htmx sends the browser on to the channel's consent page ({@code HX-Redirect}: a
 * navigation, which the console's {@code form-action 'self'} policy would refuse to a
 * form's redirect); the channel sends it back to the callback, which needs the same
 * signed-in administrator and ends on the integrations page with what happened.
 */
@ConsoleController
class OAuthPages {

	/**
	 * The client the sandbox accepts; no secret, it answers only in demo mode and tests.
	 */
	static final String SANDBOX_CLIENT_ID = "staysync-sandbox-client";

	/** The sandbox's first listing unless its settings say otherwise. */
	static final String SANDBOX_LISTING = "51234567";

	private final OAuthConnections connections;

	private final OAuthRedirects redirects;

	private final IntegrationManagement integrations;

	private final MappingManagement mappings;

	private final Environment environment;

	private final boolean demo;

	OAuthPages(OAuthConnections connections, OAuthRedirects redirects, IntegrationManagement integrations,
			MappingManagement mappings, Environment environment, RunMode runMode) {
		this.mappings = mappings;
		this.connections = connections;
		this.redirects = redirects;
		this.integrations = integrations;
		this.environment = environment;
		this.demo = runMode.demo();
	}

	@PostMapping("/integrations/{type}/oauth/start")
	@PreAuthorize("hasRole('ADMIN')")
	String start(@PathVariable String type, Authentication user, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		ChannelType channel = ChannelType.fromPath(type);
		try {
			URI consent = connections.start(channel, user.getName(), redirects.callback(channel, request));
			return toConsent(consent, request, response);
		}
		catch (DomainException cannot) {
			return refused(cannot.getMessage(), request, model, redirect);
		}
	}

	/**
	 * Demo mode: the Airbnb integration in API mode with the client the sandbox accepts,
	 * then on to the sandbox's consent page, in one click.
	 */
	@PostMapping("/integrations/{type}/oauth/sandbox")
	@PreAuthorize("hasRole('ADMIN')")
	String sandbox(@PathVariable String type, Authentication user, HttpServletRequest request,
			HttpServletResponse response, Model model, RedirectAttributes redirect) {
		ChannelType channel = ChannelType.fromPath(type);
		if (!demo || channel != ChannelType.AIRBNB) {
			throw new NotFoundException("The Airbnb sandbox is only offered in demo mode.");
		}
		integrations.configure(channel,
				new IntegrationConfiguration(
						environment.getProperty("staysync.sandbox.airbnb.client-id", SANDBOX_CLIENT_ID),
						environment.getProperty("staysync.sandbox.airbnb.client-secret", "sandbox-secret"), null, null,
						true, ChannelMode.API, null));
		mapSandboxListing();
		return start(type, user, request, response, model, redirect);
	}

	/**
	 * The demo's Airbnb listing is an iCal feed of the sandbox; in API mode the sandbox's
	 * first listing ({@code staysync.sandbox.airbnb.listings}) takes its place, on the
	 * same property, so that the first sync after connecting reads reservations.
	 */
	private void mapSandboxListing() {
		String first = environment.getProperty("staysync.sandbox.airbnb.listings[0]",
				environment.getProperty("staysync.sandbox.airbnb.listings", SANDBOX_LISTING));
		String listing = first.split("[:,]")[0].strip();
		List<ListingMapping> current = mappings.list(ChannelType.AIRBNB);
		if (current.isEmpty() || current.stream().anyMatch(mapped -> mapped.externalListingId().equals(listing))) {
			return;
		}
		mappings.replace(ChannelType.AIRBNB,
				List.of(new MappingManagement.MappingRequest(listing, current.get(0).propertyId(), null)));
	}

	@GetMapping("/integrations/{type}/oauth/callback")
	String callback(@PathVariable String type, @RequestParam(required = false) String code,
			@RequestParam(required = false) String state, @RequestParam(required = false) String error,
			Authentication user, RedirectAttributes redirect) {
		ChannelType channel = ChannelType.fromPath(type);
		try {
			String account = connections.complete(channel, user.getName(),
					new OAuthConnections.Callback(code, state, error));
			redirect.addFlashAttribute("flash",
					label(channel) + " is connected" + (account == null ? "." : ": account " + account + ".")
							+ " Map its listings to your properties" + " to sync them.");
		}
		catch (OAuthRefused refused) {
			redirect.addFlashAttribute("warning", refused.getMessage());
		}
		catch (DomainException cannot) {
			redirect.addFlashAttribute("warning", cannot.getMessage() + " Nothing was connected.");
		}
		return "redirect:/integrations";
	}

	private static String toConsent(URI consent, HttpServletRequest request, HttpServletResponse response) {
		if (Htmx.isHtmx(request)) {
			response.setHeader("HX-Redirect", consent.toString());
			return "integrations/page :: empty";
		}
		return "redirect:" + consent;
	}

	private static String refused(String message, HttpServletRequest request, Model model,
			RedirectAttributes redirect) {
		if (Htmx.isHtmx(request)) {
			model.addAttribute("problem", message);
			return "integrations/page :: oauth-problem";
		}
		redirect.addFlashAttribute("warning", message);
		return "redirect:/integrations";
	}

	private static String label(ChannelType type) {
		return IntegrationPages.Card.label(type);
	}

}
