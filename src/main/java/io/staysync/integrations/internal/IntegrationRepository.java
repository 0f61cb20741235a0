package io.staysync.integrations.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.ListCrudRepository;

import io.staysync.channels.ChannelType;

interface IntegrationRepository extends ListCrudRepository<Integration, UUID> {

	Optional<Integration> findByType(ChannelType type);

}
