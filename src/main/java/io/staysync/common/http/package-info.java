/**
 * Fetching user-supplied URLs (iCal feeds, later outbound webhooks) without letting a
 * user reach Staysync's own network: {@link io.staysync.common.http.GuardedHttpClient}
 * checks the scheme, the credentials and every address a host name resolves to, follows
 * redirects itself, and bounds time and size. Callers get a
 * {@link io.staysync.common.http.FetchResponse} or a
 * {@link io.staysync.common.http.FetchException} whose message can be shown to a property
 * manager. See {@code docs/adr/0006-guarded-http-client.md}.
 */
package io.staysync.common.http;
