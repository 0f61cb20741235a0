package io.staysync.integrations.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

interface IntegrationRepository extends ListCrudRepository<Integration, UUID> {

	Optional<Integration> findByType(String type);

}
