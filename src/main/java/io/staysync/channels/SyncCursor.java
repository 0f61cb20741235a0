package io.staysync.channels;

/**
 * Where the previous fetch of a listing left off: for iCal feeds the validators of a
 * conditional GET, and a digest of the body last applied so that a server without
 * validators answering the same bytes again costs no parsing. Stored by the sync engine
 * only once a listing was applied, opaque to it.
 *
 * @param etag the peer's ETag, or {@code null}
 * @param lastModified the peer's Last-Modified, or {@code null}
 * @param contentHash what the connector chose to recognise an unchanged answer by (the
 * iCal connector: a SHA-256 of the body and of the day its horizon starts), or
 * {@code null}
 */
public record SyncCursor(String etag, String lastModified, String contentHash) {

	public SyncCursor(String etag, String lastModified) {
		this(etag, lastModified, null);
	}

	public static SyncCursor none() {
		return new SyncCursor(null, null, null);
	}

}
