package io.staysync.common.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.HttpEntity;
import org.springframework.util.unit.DataSize;

/**
 * Reads a response body up to a limit and a deadline. A declared length above the limit
 * fails before the first byte; an undeclared (chunked or compressed) one fails as soon as
 * it passes the limit, and a body that trickles in fails when the deadline passes,
 * however steadily bytes keep arriving. The caller then drops the connection rather than
 * draining it.
 */
final class BoundedBody {

	private static final int BUFFER = 16 * 1024;

	private BoundedBody() {
	}

	static byte[] read(HttpEntity entity, DataSize limit, Deadline deadline, String host)
			throws IOException, FetchException {
		if (entity == null) {
			return new byte[0];
		}
		long max = limit.toBytes();
		long declared = entity.getContentLength();
		if (declared > max) {
			throw FetchFailures.tooLarge(host, limit);
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream(declared > 0 ? (int) declared : BUFFER);
		InputStream in = entity.getContent();
		byte[] buffer = new byte[BUFFER];
		for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
			if (body.size() + (long) n > max) {
				throw FetchFailures.tooLarge(host, limit);
			}
			body.write(buffer, 0, n);
			if (deadline.passed()) {
				throw FetchFailures.deadline(host, deadline.total());
			}
		}
		return body.toByteArray();
	}

	/**
	 * The first {@code max} bytes of an error answer, for a partner API whose error body
	 * says what was wrong; whatever fails while reading it leaves what was read.
	 */
	static byte[] head(HttpEntity entity, int max, Deadline deadline) {
		if (entity == null) {
			return new byte[0];
		}
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		try {
			InputStream in = entity.getContent();
			byte[] buffer = new byte[Math.min(BUFFER, max)];
			for (int n = in.read(buffer); n != -1 && body.size() < max && !deadline.passed(); n = in.read(buffer)) {
				body.write(buffer, 0, Math.min(n, max - body.size()));
			}
		}
		catch (IOException brokenOff) {
			// what arrived is all there is
		}
		return body.toByteArray();
	}

}
