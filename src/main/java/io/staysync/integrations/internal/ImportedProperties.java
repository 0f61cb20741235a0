package io.staysync.integrations.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/**
 * The properties a CSV import may name, read once per import: a cell is a property's id,
 * or its exact name when exactly one property has that name.
 */
@Component
class ImportedProperties {

	private static final int PAGE = 1000;

	private final PropertyCatalog catalog;

	ImportedProperties(PropertyCatalog catalog) {
		this.catalog = catalog;
	}

	Lookup lookup() {
		Map<UUID, PropertyRef> byId = new HashMap<>();
		Map<String, List<UUID>> byName = new HashMap<>();
		Page<PropertyRef> page = catalog.page(PageRequest.of(0, PAGE));
		while (true) {
			for (PropertyRef property : page) {
				byId.put(property.id(), property);
				byName.computeIfAbsent(property.name().strip(), k -> new ArrayList<>()).add(property.id());
			}
			if (!page.hasNext()) {
				break;
			}
			page = catalog.page(page.nextPageable());
		}
		return new Lookup(byId, byName);
	}

	/** The properties by id and by name. */
	record Lookup(Map<UUID, PropertyRef> byId, Map<String, List<UUID>> byName) {

		Resolved resolve(String cell) {
			String text = cell == null ? "" : cell.strip();
			if (text.isEmpty()) {
				return Resolved.problem("the property is empty");
			}
			UUID id = uuid(text);
			if (id != null) {
				return byId.containsKey(id) ? new Resolved(id, null) : Resolved.problem("no property has the id " + id);
			}
			List<UUID> named = byName.getOrDefault(text, List.of());
			if (named.size() == 1) {
				return new Resolved(named.get(0), null);
			}
			String shown = text.length() <= 100 ? text : text.substring(0, 99) + "…";
			return Resolved.problem(named.isEmpty() ? "no property is named '" + shown + "'"
					: named.size() + " properties are named '" + shown + "'; use the property's id");
		}

		private static UUID uuid(String text) {
			if (text.length() != 36) {
				return null;
			}
			try {
				return UUID.fromString(text);
			}
			catch (IllegalArgumentException notAnId) {
				return null;
			}
		}

	}

	/** The property a cell names, or why it names none. */
	record Resolved(UUID id, String problem) {

		static Resolved problem(String problem) {
			return new Resolved(null, problem);
		}

	}

}
