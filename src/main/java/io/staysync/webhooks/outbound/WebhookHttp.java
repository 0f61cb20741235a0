package io.staysync.webhooks.outbound;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.util.unit.DataSize;

import io.staysync.common.RunMode;
import io.staysync.common.http.GuardedHttpClient;
import io.staysync.common.http.GuardedHttpSettings;

/**
 * The guarded client that calls webhook targets: the address rules of
 * {@code staysync.http.*} (so a target is checked at save and at every delivery the same
 * way), but the whole delivery bounded by {@code staysync.webhooks.outbound.timeout}, a
 * small answer limit (a receiver's answer is only logged) and redirects never followed.
 */
@Configuration(proxyBeanMethods = false)
class WebhookHttp {

	static final String CLIENT = "webhookHttpClient";

	/** The most of a receiver's answer read; a longer answer fails the attempt. */
	static final DataSize ANSWER_LIMIT = DataSize.ofKilobytes(256);

	@Bean(name = CLIENT, defaultCandidate = false)
	@Qualifier(CLIENT)
	GuardedHttpClient webhookHttpClient(GuardedHttpSettings http, OutboundWebhookSettings settings, Clock clock,
			RunMode runMode, Environment environment) {
		return new GuardedHttpClient(forDeliveries(http, settings.timeout()), clock, runMode, environment);
	}

	static GuardedHttpSettings forDeliveries(GuardedHttpSettings http, Duration timeout) {
		Duration connect = http.connectTimeout().compareTo(timeout) < 0 ? http.connectTimeout() : timeout;
		return new GuardedHttpSettings(connect, timeout, timeout, ANSWER_LIMIT, 0, http.allowPrivateAddresses());
	}

}
