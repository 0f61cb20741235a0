package io.staysync.soak;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import io.staysync.StaysyncApplication;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;

/**
 * The Booking.com peer of the soak: Staysync's own Booking.com sandbox served by an
 * application of its own in the soak's JVM (embedded database, no scheduled work), which
 * the instances reach over loopback HTTP like the real Connectivity API. The soak drives
 * it directly: it queues reservations, switches faults and reads what was acknowledged
 * and pushed. A filter in front of it counts the faults it answered.
 */
final class ChannelPeers implements AutoCloseable {

	private static final Pattern RESERVATION = Pattern.compile("ResID_Value=\"([^\"]+)\"");

	private final ConfigurableApplicationContext context;

	final AtomicLong throttled = new AtomicLong();

	final AtomicLong failed = new AtomicLong();

	final AtomicLong truncated = new AtomicLong();

	final AtomicLong duplicated = new AtomicLong();

	ChannelPeers(int port) {
		context = new SpringApplicationBuilder(StaysyncApplication.class).web(WebApplicationType.SERVLET)
			.profiles("test")
			.initializers(created -> created.getBeanFactory().registerSingleton("soakFaultCounter", new FaultCounter()))
			.run("--server.port=" + port, "--server.address=127.0.0.1", "--logging.level.root=WARN",
					"--spring.main.banner-mode=off", "--staysync.scheduler.enabled=false",
					"--staysync.sandbox.booking-com.enabled=true",
					"--staysync.webhooks.outbound.sending-enabled=false");
	}

	BookingComSandbox bookingCom() {
		return context.getBean(BookingComSandbox.class);
	}

	String bookingComBase() {
		return "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port") + "/sandbox/booking-com";
	}

	@Override
	public void close() {
		context.close();
	}

	/** Counts the faults the sandbox answered, from the answers themselves. */
	private final class FaultCounter extends OncePerRequestFilter {

		@Override
		protected boolean shouldNotFilter(HttpServletRequest request) {
			return !request.getRequestURI().startsWith("/sandbox/");
		}

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
			try {
				chain.doFilter(request, answer);
				int status = answer.getStatus();
				if (status == 429) {
					throttled.incrementAndGet();
				}
				else if (status >= 500) {
					failed.incrementAndGet();
				}
				else if (status == 200 && "GET".equals(request.getMethod())) {
					String body = new String(answer.getContentAsByteArray(), StandardCharsets.UTF_8);
					if (!body.contains("RUID")) {
						truncated.incrementAndGet();
					}
					java.util.Set<String> ids = new java.util.HashSet<>();
					int listed = 0;
					Matcher matcher = RESERVATION.matcher(body);
					while (matcher.find()) {
						ids.add(matcher.group(1));
						listed++;
					}
					duplicated.addAndGet(listed - ids.size());
				}
			}
			finally {
				answer.copyBodyToResponse();
			}
		}

	}

}
