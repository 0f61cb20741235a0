package io.staysync.soak;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import io.staysync.channels.sandbox.bookingcom.BookingComSandbox;
import io.staysync.soak.SoakState.Acknowledgement;
import io.staysync.soak.SoakState.Delivery;
import io.staysync.soak.SoakState.NightView;
import io.staysync.soak.SoakState.Reservation;
import io.staysync.soak.SoakState.Run;
import io.staysync.soak.SoakState.Stored;

/**
 * Reads the end state of a soak: Staysync's database, from a connection of its own, and
 * what the peers know.
 */
final class SoakSnapshot {

	private SoakSnapshot() {
	}

	static SoakState read(PrivatePostgres postgres, BookingComSandbox bookingCom, Traffic traffic,
			List<Acknowledgement> acknowledgements, WebhookReceiver receiver) throws SQLException {
		List<Reservation> truth = traffic.finalTruth();
		List<Stored> stored = new ArrayList<>();
		List<Run> runs = new ArrayList<>();
		List<Delivery> deliveries = new ArrayList<>();
		try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("select source, external_id, property_id, check_in,"
					+ " check_out, status from bookings where external_id is not null")) {
				while (rows.next()) {
					stored.add(new Stored(Observer.channel(rows.getString(1)), rows.getString(2), rows.getString(3),
							rows.getObject(4, LocalDate.class), rows.getObject(5, LocalDate.class), rows.getString(6)));
				}
			}
			try (ResultSet rows = statement.executeQuery("select r.id, lower(i.type), r.started_at, r.completed_at,"
					+ " r.status from sync_runs r join integrations i on i.id = r.integration_id")) {
				while (rows.next()) {
					runs.add(new Run(rows.getString(1), rows.getString(2), rows.getTimestamp(3).toInstant(),
							rows.getTimestamp(4) == null ? null : rows.getTimestamp(4).toInstant(), rows.getString(5)));
				}
			}
			try (ResultSet rows = statement
				.executeQuery("select message_id, event_type, status from webhook_deliveries")) {
				while (rows.next()) {
					deliveries.add(new Delivery(rows.getString(1), rows.getString(2), rows.getString(3)));
				}
			}
		}
		return new SoakState(truth, stored, List.copyOf(acknowledgements), views(bookingCom, traffic, truth), runs,
				deliveries, receiver.received());
	}

	/**
	 * Booking.com's view of each night of each room type mapped: closed when the latest
	 * availability pushed for it says so, or when one of its own reservations holds it (a
	 * channel never sells a night it sold itself).
	 */
	private static List<NightView> views(BookingComSandbox bookingCom, Traffic traffic, List<Reservation> truth) {
		List<NightView> views = new ArrayList<>();
		LocalDate last = traffic.firstNight().plusDays(traffic.horizonDays() + 5);
		for (int room = 0; room < traffic.rooms(); room++) {
			String property = traffic.property(room);
			List<Reservation> own = truth.stream()
				.filter(reservation -> reservation.channel().equals(Traffic.BOOKING_COM)
						&& reservation.propertyId().equals(property))
				.toList();
			for (LocalDate night = traffic.firstNight(); night.isBefore(last); night = night.plusDays(1)) {
				LocalDate day = night;
				boolean closed = bookingCom.closed(Traffic.HOTEL, Traffic.roomCode(room), night).orElse(false)
						|| own.stream().anyMatch(reservation -> reservation.holds(day));
				views.add(new NightView(Traffic.BOOKING_COM, property, night, closed));
			}
		}
		return views;
	}

}
