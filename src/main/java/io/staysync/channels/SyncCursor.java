package io.staysync.channels;

/**
 * Where the previous fetch of a listing left off: for iCal feeds the validators of a
 * conditional GET. Stored by the sync engine, opaque to it.
 */
public record SyncCursor(String etag, String lastModified) {

	public static SyncCursor none() {
		return new SyncCursor(null, null);
	}

}
