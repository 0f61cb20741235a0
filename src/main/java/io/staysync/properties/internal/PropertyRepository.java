package io.staysync.properties.internal;

import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.ListCrudRepository;

interface PropertyRepository extends ListCrudRepository<Property, UUID> {

	Page<Property> findAllByOrderByNameAscIdAsc(Pageable pageable);

	Page<Property> findByNameContainingIgnoreCaseOrderByNameAscIdAsc(String text, Pageable pageable);

}
