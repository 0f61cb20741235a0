/**
 * The admin console: Thymeleaf pages with htmx and Bootstrap, signed in by form login.
 * This module holds the sign-in page, the dashboard and the plumbing every module's
 * console pages share: {@link io.staysync.web.ConsoleController} (HTML error pages
 * instead of problem details), {@link io.staysync.web.OnceOnlySubmissions} (a form sent
 * twice creates nothing twice), {@link io.staysync.web.FormProblems} (domain refusals
 * shown on form fields) and {@link io.staysync.web.Htmx}. Each module renders its own
 * pages from its {@code web} sub-package with these; the console never reaches into
 * another module's internals.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Web console", allowedDependencies = { "common" })
package io.staysync.web;
