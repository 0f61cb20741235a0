package io.staysync.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Looks users up by email for form login and HTTP Basic; a throttled one comes back locked. */
@Component
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository users;

	private final LoginThrottle throttle;

	AccountUserDetailsService(UserAccountRepository users, LoginThrottle throttle) {
		this.users = users;
		this.throttle = throttle;
	}

	@Override
	@Transactional(readOnly = true)
	public UserDetails loadUserByUsername(String username) {
		return users.findByEmail(UserAccount.normalizeEmail(username))
			.map(UserAccount::toPrincipal)
			.map(user -> throttle.lockedUntil(user.email()).isPresent() ? user.locked() : user)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
