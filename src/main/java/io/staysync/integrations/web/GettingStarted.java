package io.staysync.integrations.web;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.springframework.data.domain.PageRequest;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import io.staysync.channels.ChannelType;
import io.staysync.integrations.internal.Integration;
import io.staysync.integrations.internal.IntegrationManagement;
import io.staysync.integrations.internal.MappingManagement;
import io.staysync.properties.PropertyCatalog;
import io.staysync.web.ConsoleController;

/**
 * The dashboard's getting-started checklist: the steps between a fresh install and
 * calendars that stay in sync, each ticked from what is stored, until all are done; then
 * it renders nothing and the dashboard shows only what needs attention. The export link
 * counts as pasted once a channel has read it.
 */
@ConsoleController
class GettingStarted {

	private final PropertyCatalog properties;

	private final IntegrationManagement integrations;

	private final MappingManagement mappings;

	GettingStarted(PropertyCatalog properties, IntegrationManagement integrations, MappingManagement mappings) {
		this.properties = properties;
		this.integrations = integrations;
		this.mappings = mappings;
	}

	@GetMapping("/integrations/getting-started")
	String checklist(Model model) {
		List<Integration> configured = Arrays.stream(ChannelType.values())
			.map(type -> integrations.find(type).orElse(null))
			.filter(Objects::nonNull)
			.toList();
		List<Step> steps = List.of(
				new Step("property", "Add a property", "/properties/new",
						properties.page(PageRequest.of(0, 1)).getTotalElements() > 0),
				new Step("channel", "Connect a channel", "/integrations", !configured.isEmpty()),
				new Step("mapping", "Map a channel listing to the property", "/integrations", mappings.countAll() > 0),
				new Step("export", "Paste the export link into the channel", "/integrations",
						mappings.countExportsRead() > 0),
				new Step("sync", "Run the first sync", "/integrations",
						configured.stream().anyMatch(i -> i.lastSyncAt() != null)));
		model.addAttribute("steps", steps);
		model.addAttribute("done", steps.stream().filter(Step::done).count());
		return steps.stream().allMatch(Step::done) ? "integrations/attention :: nothing"
				: "integrations/attention :: checklist";
	}

	/** One step; {@code key} names it for the page and its tests. */
	record Step(String key, String title, String href, boolean done) {
	}

}
