/**
 * Shared kernel: the exceptions every module throws for the outcomes a client must see
 * (not found, conflict, unprocessable), the page shape of every list answer, and the one
 * advice that turns errors into RFC 9457 problem details. Open to every module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Common",
		type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.staysync.common;
