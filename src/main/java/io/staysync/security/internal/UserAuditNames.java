package io.staysync.security.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.audit.AuditTargetNames;

/** Names the audit log's users by their email. */
@Component
class UserAuditNames implements AuditTargetNames {

	private static final String USER = "user:";

	private static final Pattern ID = Pattern.compile("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}");

	private final UserAccountRepository users;

	UserAuditNames(UserAccountRepository users) {
		this.users = users;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> namesOf(Collection<String> targets) {
		List<UUID> ids = targets.stream()
			.filter(target -> target.startsWith(USER))
			.map(target -> target.substring(USER.length()))
			.filter(id -> ID.matcher(id).matches())
			.map(UUID::fromString)
			.toList();
		Map<String, String> names = new HashMap<>();
		if (!ids.isEmpty()) {
			users.findAllById(ids).forEach(user -> names.put(USER + user.id(), user.email()));
		}
		return names;
	}

}
