package io.staysync.properties;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

/** Read access to properties for other modules. */
public interface PropertyCatalog {

	Optional<PropertyRef> find(UUID id);

	/** The properties of these ids that exist, in no particular order. */
	List<PropertyRef> findAll(Collection<UUID> ids);

	/**
	 * The properties whose name contains {@code text}, ignoring case, ordered by name; at
	 * most {@code limit} of them.
	 */
	List<PropertyRef> findNamed(String text, int limit);

	/** Every property, ordered by name. */
	Page<PropertyRef> page(Pageable pageable);

}
