package io.staysync.integrations.rest;

import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import io.staysync.common.web.LargerRequestBodies;
import io.staysync.integrations.internal.MappingSettings;
import jakarta.servlet.http.HttpServletRequest;

/**
 * A CSV import of mappings is larger than any other API request: it may be as large as
 * {@code staysync.mappings.import-max-bytes}, counted as it is read.
 */
@Component
class MappingImportBodies implements LargerRequestBodies {

	private static final Pattern IMPORT = Pattern.compile("/api/integrations/[^/]+/mappings/import/?");

	private final long maxBytes;

	MappingImportBodies(MappingSettings settings) {
		this.maxBytes = settings.importMaxBytes();
	}

	@Override
	public boolean covers(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "POST".equals(request.getMethod()) && IMPORT.matcher(path).matches();
	}

	@Override
	public long maxBytes() {
		return maxBytes;
	}

}
