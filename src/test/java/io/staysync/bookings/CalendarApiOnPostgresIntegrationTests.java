package io.staysync.bookings;

import io.staysync.test.OnPostgres;

/** The same tests as {@link CalendarApiIntegrationTests}, on PostgreSQL. */
@OnPostgres
class CalendarApiOnPostgresIntegrationTests extends CalendarApiIntegrationTests {

}
