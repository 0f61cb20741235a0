package io.staysync.properties.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditLog;
import io.staysync.common.ConflictException;
import io.staysync.common.NotFoundException;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyDeletionGuard;
import io.staysync.properties.PropertyRef;

/** Creates, changes and deletes properties, each change audited. */
@Service
public class PropertyManagement implements PropertyCatalog {

	private final PropertyRepository properties;

	private final List<PropertyDeletionGuard> guards;

	private final AuditLog audit;

	private final Clock clock;

	PropertyManagement(PropertyRepository properties, List<PropertyDeletionGuard> guards, AuditLog audit, Clock clock) {
		this.properties = properties;
		this.guards = guards;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PropertyRef> find(UUID id) {
		return properties.findById(id).map(Property::toRef);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PropertyRef> findAll(Collection<UUID> ids) {
		return properties.findAllById(ids).stream().map(Property::toRef).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<PropertyRef> findNamed(String text, int limit) {
		return properties.findByNameContainingIgnoreCaseOrderByNameAscIdAsc(text, PageRequest.of(0, limit))
			.map(Property::toRef)
			.getContent();
	}

	@Override
	@Transactional(readOnly = true)
	public Page<PropertyRef> page(Pageable pageable) {
		return list(pageable).map(Property::toRef);
	}

	@Transactional(readOnly = true)
	public Page<Property> list(Pageable pageable) {
		return properties.findAllByOrderByNameAscIdAsc(pageable);
	}

	@Transactional(readOnly = true)
	public Property get(UUID id) {
		return properties.findById(id).orElseThrow(() -> NotFoundException.of("Property", id));
	}

	@Transactional
	public Property create(PropertyDetails details) {
		PropertyRules.check(details);
		Property property = properties.save(Property.create(details, clock.instant()));
		audit.record("property.created", "property:" + property.id(), describe(property));
		return property;
	}

	@Transactional
	public Property update(UUID id, long expectedVersion, PropertyDetails details) {
		PropertyRules.check(details);
		Property property = get(id);
		if (property.version() != expectedVersion) {
			throw new ConflictException("The property was changed by someone else (version " + property.version()
					+ ", yours " + expectedVersion + "). Reload it and apply your change again.");
		}
		property.apply(details, clock.instant());
		property = properties.save(property);
		audit.record("property.updated", "property:" + id, describe(property));
		return property;
	}

	@Transactional
	public void delete(UUID id) {
		Property property = get(id);
		for (PropertyDeletionGuard guard : guards) {
			guard.reasonToKeep(id).ifPresent(reason -> {
				throw new ConflictException(reason);
			});
		}
		properties.delete(property);
		audit.record("property.deleted", "property:" + id, Map.of("name", property.name()));
	}

	private static Map<String, Object> describe(Property property) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("name", property.name());
		details.put("timeZone", property.timeZone());
		details.put("maxGuests", property.maxGuests());
		details.put("checkInTime", property.checkInTime().toString());
		details.put("checkOutTime", property.checkOutTime().toString());
		return details;
	}

}
