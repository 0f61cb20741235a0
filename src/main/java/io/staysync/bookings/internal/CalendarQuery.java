package io.staysync.bookings.internal;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;
import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;
import io.staysync.common.NotFoundException;
import io.staysync.properties.PropertyCatalog;
import io.staysync.properties.PropertyRef;

/**
 * The calendar of a page of properties over a range of nights, built from one query for
 * the properties and one streamed query for the bookings that hold nights in the range
 * (confirmed ones, and tentative ones while {@code staysync.bookings.hold-tentative} is
 * on). Each row is painted straight into a per-property night grid; no booking objects
 * are kept.
 */
@Service
public class CalendarQuery {

	/** Enough for a year and a bit; the response grows with properties × nights. */
	public static final int MAX_NIGHTS = 400;

	private final JdbcClient jdbc;

	private final PropertyCatalog properties;

	private final BookingSettings settings;

	CalendarQuery(JdbcClient jdbc, PropertyCatalog properties, BookingSettings settings) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	public Page<NightGrid> calendar(LocalDate from, LocalDate to, UUID propertyId, Pageable pageable) {
		checkRange(from, to);
		Page<PropertyRef> page = propertyId == null ? properties.page(pageable)
				: new PageImpl<>(List
					.of(properties.find(propertyId).orElseThrow(() -> NotFoundException.of("Property", propertyId))),
						pageable, 1);
		Map<UUID, NightGrid> grids = page.getContent()
			.stream()
			.collect(Collectors.toMap(PropertyRef::id, property -> new NightGrid(property, from, to)));
		if (!grids.isEmpty()) {
			paint(grids, from, to);
		}
		return page.map(property -> grids.get(property.id()));
	}

	private void paint(Map<UUID, NightGrid> grids, LocalDate from, LocalDate to) {
		jdbc.sql("""
				select id, property_id, kind, source, status, check_in, check_out from bookings
				where status in (:holding) and property_id in (:ids) and check_in < :to and check_out > :from
				order by check_in, id""")
			.param("holding", settings.holdingStatuses())
			.param("ids", grids.keySet())
			.param("from", from)
			.param("to", to)
			.query(row -> {
				grids.get(row.getObject("property_id", UUID.class))
					.paint(row.getObject("id", UUID.class), BookingKind.valueOf(row.getString("kind")),
							BookingSource.valueOf(row.getString("source")),
							BookingStatus.valueOf(row.getString("status")), row.getObject("check_in", LocalDate.class),
							row.getObject("check_out", LocalDate.class));
			});
	}

	private static void checkRange(LocalDate from, LocalDate to) {
		List<FieldProblem> problems = new ArrayList<>();
		if (from == null) {
			problems.add(new FieldProblem("from", "is required (YYYY-MM-DD)"));
		}
		if (to == null) {
			problems.add(new FieldProblem("to", "is required (YYYY-MM-DD, the day after the last night)"));
		}
		if (from != null && to != null && !to.isAfter(from)) {
			problems.add(new FieldProblem("to", "must be after from"));
		}
		if (from != null && to != null && ChronoUnit.DAYS.between(from, to) > MAX_NIGHTS) {
			problems.add(new FieldProblem("to", "the range may cover at most " + MAX_NIGHTS + " nights"));
		}
		if (!problems.isEmpty()) {
			throw InvalidInputException.of(problems);
		}
	}

}
