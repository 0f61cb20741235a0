package io.staysync.security.internal;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/**
 * Looks users up by email for password sign-in. Not a bean of its own: only
 * {@link ThrottledPasswordAuthentication} may ask, after the throttle and with the name
 * already normalised.
 */
class AccountUserDetailsService implements UserDetailsService {

	private final UserAccountRepository users;

	AccountUserDetailsService(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		return users.findByEmail(username)
			.map(UserAccount::toPrincipal)
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
	}

}
