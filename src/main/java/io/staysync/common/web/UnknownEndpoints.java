package io.staysync.common.web;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.HttpRequestHandler;
import org.springframework.web.servlet.handler.SimpleUrlHandlerMapping;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Every API address no controller answers, whatever the method: a 404 problem detail
 * "There is no such endpoint" naming the method and the path, instead of the framework's
 * "No static resource api/…" (and instead of the static resource handler's 405 or bare
 * 200 to other methods than GET). Consulted only after the controllers' own mappings: a
 * known path asked with a method it does not take still answers 405 from them.
 */
@Component
class UnknownEndpoints extends SimpleUrlHandlerMapping {

	/** After every controller mapping, before the static resources (order MAX - 1). */
	static final int ORDER = Integer.MAX_VALUE - 2;

	/** The longest path quoted back; a longer one is cut, saying so. */
	static final int MAX_QUOTED_PATH = 200;

	UnknownEndpoints(ProblemWriter problems) {
		super(Map.of("/api/**", new Answer(problems)), ORDER);
	}

	/**
	 * The request line as it may be quoted in an answer: the path as it was sent (still
	 * percent-encoded), without control characters, cut to a readable length.
	 */
	static String quoted(String method, String path) {
		String clean = (method + " " + path).replaceAll("\\p{Cntrl}", "?");
		return clean.length() <= MAX_QUOTED_PATH ? clean : clean.substring(0, MAX_QUOTED_PATH) + "… (cut)";
	}

	private record Answer(ProblemWriter problems) implements HttpRequestHandler {

		@Override
		public void handleRequest(HttpServletRequest request, HttpServletResponse response) throws IOException {
			String path = request.getRequestURI();
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such endpoint: "
					+ quoted(request.getMethod(), path) + ". The API's endpoints are listed at /v3/api-docs.");
			problem.setTitle("No such endpoint");
			problem.setInstance(instance(path));
			problems.write(request, response, problem);
		}

		private static URI instance(String path) {
			try {
				return URI.create(path.length() <= MAX_QUOTED_PATH ? path : "/api");
			}
			catch (IllegalArgumentException unusable) {
				return URI.create("/api");
			}
		}

	}

}
