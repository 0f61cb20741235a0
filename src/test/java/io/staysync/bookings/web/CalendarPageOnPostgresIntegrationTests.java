package io.staysync.bookings.web;

import io.staysync.test.OnPostgres;

/** The same tests as {@link CalendarPageIntegrationTests}, on PostgreSQL. */
@OnPostgres
class CalendarPageOnPostgresIntegrationTests extends CalendarPageIntegrationTests {

}
