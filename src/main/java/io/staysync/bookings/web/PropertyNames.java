package io.staysync.bookings.web;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;

import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/** Names for the property ids a page shows, and the choices of a property dropdown. */
@Component
class PropertyNames {

	/** A dropdown of more than this many properties is cut; the search box narrows it. */
	static final int CHOICES = 1000;

	private final PropertyCatalog catalog;

	PropertyNames(PropertyCatalog catalog) {
		this.catalog = catalog;
	}

	Map<UUID, String> of(Collection<UUID> ids) {
		return catalog.findAll(ids).stream().collect(Collectors.toMap(PropertyRef::id, PropertyRef::name));
	}

	List<PropertyRef> choices() {
		return catalog.page(PageRequest.of(0, CHOICES)).getContent();
	}

	Map<UUID, PropertyRef> byId(Collection<UUID> ids) {
		return catalog.findAll(ids).stream().collect(Collectors.toMap(PropertyRef::id, Function.identity()));
	}

}
