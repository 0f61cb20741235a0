package io.staysync.common.web;

import java.io.IOException;

/** A request body went past the configured limit while it was being read. */
class PayloadTooLargeException extends IOException {

	PayloadTooLargeException(long limit) {
		super("The request body is larger than the limit of " + limit + " bytes.");
	}

}
