package io.staysync.integrations.web;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import io.staysync.channels.ChannelConnector;
import io.staysync.channels.ChannelConnectors;
import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.Integration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.WaitingReservations;
import io.staysync.web.ConsoleController;

/**
 * The part of a card of a channel that delivers reservations until they are acknowledged
 * (Booking.com's API): how it is pulled, and the reservations it holds back because a
 * room of theirs is on a listing nobody mapped, each with what to map and a "Map" action
 * that opens the mapping dialog with that listing filled in. Loaded into the card by
 * htmx, so it follows the card's own refreshes.
 */
@ConsoleController
class WaitingPanel {

	private final IntegrationManagement integrations;

	private final WaitingReservations waiting;

	private final ChannelConnectors connectors;

	WaitingPanel(IntegrationManagement integrations, WaitingReservations waiting, ChannelConnectors connectors) {
		this.integrations = integrations;
		this.waiting = waiting;
		this.connectors = connectors;
	}

	@GetMapping("/integrations/{type}/waiting")
	String waiting(@PathVariable String type, Model model) {
		ChannelType channel = ChannelType.fromPath(type);
		Optional<Integration> integration = integrations.find(channel);
		Optional<Duration> pace = integration.flatMap(configured -> connectors.find(channel, configured.mode()))
			.filter(ChannelConnector::pullsMessages)
			.flatMap(ChannelConnector::pollInterval);
		if (integration.isEmpty() || pace.isEmpty()) {
			return "integrations/attention :: nothing";
		}
		List<WaitingReservations.Waiting> held = waiting.list(integration.get().id());
		model.addAttribute("type", channel.path());
		model.addAttribute("label", IntegrationPages.Card.label(channel));
		model.addAttribute("paceSeconds", pace.get().toSeconds());
		model.addAttribute("active", integration.get().active());
		model.addAttribute("waiting", held);
		return "integrations/waiting :: panel";
	}

}
