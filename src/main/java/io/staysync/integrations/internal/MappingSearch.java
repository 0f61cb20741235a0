package io.staysync.integrations.internal;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jdbc.core.JdbcAggregateOperations;
import org.springframework.data.relational.core.query.Criteria;
import org.springframework.data.relational.core.query.Query;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.channels.ChannelType;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/**
 * A page of an integration's mappings, for integrations with tens of thousands of them.
 * The search text matches anywhere in the listing id, the feed's host or the property's
 * name, ignoring case, or the property's id exactly; pages are ordered by listing id
 * (then mapping id), so that a page holds the same rows however often it is read.
 */
@Service
public class MappingSearch {

	/** A search for a property name matches at most this many properties. */
	static final int MAX_NAMED_PROPERTIES = 1000;

	private final IntegrationRepository integrations;

	private final JdbcAggregateOperations jdbc;

	private final PropertyCatalog properties;

	MappingSearch(IntegrationRepository integrations, JdbcAggregateOperations jdbc, PropertyCatalog properties) {
		this.integrations = integrations;
		this.jdbc = jdbc;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	public Page<ListingMapping> page(ChannelType type, String search, int page, int size) {
		PageRequest request = PageRequest.of(page, size,
				Sort.by(Sort.Order.asc("externalListingId"), Sort.Order.asc("id")));
		return integrations.findByType(type).map(integration -> {
			Criteria criteria = Criteria.where("integrationId").is(integration.id()).and(matching(search));
			long total = jdbc.count(Query.query(criteria), ListingMapping.class);
			List<ListingMapping> content = jdbc.findAll(Query.query(criteria).with(request), ListingMapping.class);
			return (Page<ListingMapping>) new PageImpl<>(content, request, total);
		}).orElseGet(() -> Page.empty(request));
	}

	private Criteria matching(String search) {
		String text = search == null ? "" : search.strip();
		if (text.isEmpty()) {
			return Criteria.empty();
		}
		String contains = "%" + escaped(text) + "%";
		Criteria matches = Criteria.where("externalListingId")
			.like(contains)
			.ignoreCase(true)
			.or(Criteria.where("importUrlHost").like(contains).ignoreCase(true));
		List<UUID> named = properties.findNamed(text, MAX_NAMED_PROPERTIES).stream().map(PropertyRef::id).toList();
		if (!named.isEmpty()) {
			matches = matches.or(Criteria.where("propertyId").in(named));
		}
		UUID exact = uuid(text);
		if (exact != null) {
			matches = matches.or(Criteria.where("propertyId").is(exact));
		}
		return matches;
	}

	/** {@code %} and {@code _} typed in a search mean themselves. */
	private static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static UUID uuid(String text) {
		try {
			return text.length() == 36 ? UUID.fromString(text.toLowerCase(Locale.ROOT)) : null;
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

}
