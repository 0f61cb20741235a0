package io.staysync.webhooks.web;

import java.util.List;
import java.util.UUID;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.staysync.common.ConflictException;
import io.staysync.common.InvalidInputException;
import io.staysync.webhooks.outbound.DeliveryLog;
import io.staysync.webhooks.outbound.EventType;
import io.staysync.webhooks.outbound.SubscriptionManagement;
import io.staysync.webhooks.outbound.SubscriptionManagement.WithSecret;
import io.staysync.webhooks.outbound.SubscriptionRequest;
import io.staysync.webhooks.outbound.WebhookSubscription;
import io.staysync.web.ConsoleController;
import io.staysync.web.OnceOnlySubmissions;
import io.staysync.web.OnceOnlySubmissions.Submission;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The console's outbound webhooks (ADMIN only): subscriptions with their create, rotate,
 * switch on/off and delete actions, a subscription's delivery log with resend and "send
 * test event", and the dashboard panel naming subscriptions that were switched off or
 * keep failing. A new or rotated secret is rendered in the answer to that one post, never
 * put in the session or shown again.
 */
@ConsoleController
@PreAuthorize("hasRole('ADMIN')")
class WebhookPages {

	static final int PAGE_SIZE = 25;

	private final SubscriptionManagement subscriptions;

	private final DeliveryLog deliveries;

	private final OnceOnlySubmissions submissions;

	WebhookPages(SubscriptionManagement subscriptions, DeliveryLog deliveries, OnceOnlySubmissions submissions) {
		this.subscriptions = subscriptions;
		this.deliveries = deliveries;
		this.submissions = submissions;
	}

	@GetMapping("/webhooks")
	String list(Model model) {
		model.addAttribute("subscriptions", subscriptions.list().stream().map(SubscriptionRow::of).toList());
		model.addAttribute("eventTypes", subscribable());
		return "webhooks/list";
	}

	@PostMapping("/webhooks")
	String create(@RequestParam(defaultValue = "") String targetUrl,
			@RequestParam(required = false) List<String> eventTypes, @RequestParam(required = false) String description,
			HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (submissions.check(request) != Submission.FIRST) {
			redirect.addFlashAttribute("warning", "This form was already sent or has expired; check the list below.");
			return "redirect:/webhooks";
		}
		try {
			WithSecret created = subscriptions.create(
					new SubscriptionRequest(targetUrl, eventTypes == null ? List.of() : eventTypes, description, true));
			return revealed(created, "Subscription created.", model);
		}
		catch (InvalidInputException invalid) {
			model.addAttribute("problem", invalid.getMessage());
			model.addAttribute("typedUrl", targetUrl);
			model.addAttribute("typedDescription", description);
			model.addAttribute("typedTypes", eventTypes == null ? List.of() : eventTypes);
			return list(model);
		}
	}

	@PostMapping("/webhooks/{id}/rotate")
	String rotate(@PathVariable UUID id, HttpServletRequest request, Model model, RedirectAttributes redirect) {
		if (submissions.check(request) != Submission.FIRST) {
			redirect.addFlashAttribute("warning", "This form was already sent or has expired; nothing more was done.");
			return "redirect:/webhooks";
		}
		return revealed(subscriptions.rotate(id),
				"New secret generated; the previous one keeps signing beside it until the overlap ends.", model);
	}

	@PostMapping("/webhooks/{id}/active")
	String toggle(@PathVariable UUID id, @RequestParam boolean active, RedirectAttributes redirect) {
		WebhookSubscription updated = subscriptions.update(id, new SubscriptionRequest(null, null, null, active));
		redirect.addFlashAttribute("flash",
				"Deliveries to " + updated.targetUrl().getHost() + (active ? " switched on." : " switched off."));
		return "redirect:/webhooks";
	}

	@PostMapping("/webhooks/{id}/delete")
	String delete(@PathVariable UUID id, RedirectAttributes redirect) {
		WebhookSubscription subscription = subscriptions.get(id);
		subscriptions.delete(id);
		redirect.addFlashAttribute("flash", "Subscription to " + subscription.targetUrl().getHost() + " deleted.");
		return "redirect:/webhooks";
	}

	@GetMapping("/webhooks/{id}")
	String log(@PathVariable UUID id, @RequestParam(defaultValue = "0") int page, Model model) {
		model.addAttribute("subscription", SubscriptionRow.of(subscriptions.get(id)));
		model.addAttribute("page", deliveries.page(id, page, PAGE_SIZE));
		return "webhooks/log";
	}

	@PostMapping("/webhooks/{id}/test")
	String test(@PathVariable UUID id, RedirectAttributes redirect) {
		deliveries.sendTest(id);
		redirect.addFlashAttribute("flash", "A test event is on its way; its outcome appears below in a moment.");
		return "redirect:/webhooks/" + id;
	}

	@PostMapping("/webhooks/{id}/deliveries/{deliveryId}/resend")
	String resend(@PathVariable UUID id, @PathVariable UUID deliveryId, RedirectAttributes redirect) {
		try {
			deliveries.resend(id, deliveryId);
			redirect.addFlashAttribute("flash", "The delivery is sent again, with the same webhook-id.");
		}
		catch (ConflictException refused) {
			redirect.addFlashAttribute("warning", refused.getMessage());
		}
		return "redirect:/webhooks/" + id;
	}

	/** The dashboard's panel. */
	@GetMapping("/webhooks/attention")
	String attention(Model model) {
		List<WebhookSubscription> all = subscriptions.list();
		model.addAttribute("subscribed", !all.isEmpty());
		model.addAttribute("items",
				all.stream()
					.filter(s -> s.disabledReason() != null && !s.active() || s.active() && s.failingSince() != null)
					.map(SubscriptionRow::of)
					.toList());
		return "webhooks/attention :: panel";
	}

	private String revealed(WithSecret withSecret, String message, Model model) {
		model.addAttribute("flash", message);
		model.addAttribute("secret", withSecret.secret());
		model.addAttribute("secretFor", withSecret.subscription().id());
		return list(model);
	}

	private static List<String> subscribable() {
		return java.util.Arrays.stream(EventType.values())
			.filter(type -> type != EventType.TEST)
			.map(EventType::wireName)
			.toList();
	}

}
