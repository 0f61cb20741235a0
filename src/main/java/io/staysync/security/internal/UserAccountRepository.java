package io.staysync.security.internal;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

interface UserAccountRepository extends ListCrudRepository<UserAccount, UUID> {

	Optional<UserAccount> findByEmail(String email);

	boolean existsByEmail(String email);

	Page<UserAccount> findAllByOrderByEmailAsc(Pageable pageable);

	@Query("select count(*) from user_accounts where role = 'ADMIN' and enabled = true")
	long countActiveAdmins();

}
