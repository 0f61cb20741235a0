/**
 * The admin console: Thymeleaf pages with htmx and Bootstrap, signed in by form login.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web console", allowedDependencies = { "security", "common" })
package io.staysync.web;
