package io.staysync.common.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * A route that takes request bodies larger than the API's general limit (a file upload),
 * with a limit of its own; the module owning the route declares it as a bean. The general
 * limit stays the guard of every other route.
 */
public interface LargerRequestBodies {

	/** Whether this allowance is for that request. */
	boolean covers(HttpServletRequest request);

	/** The largest body the route takes, in bytes. */
	long maxBytes();

}
