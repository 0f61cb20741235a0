package io.staysync.channels.sandbox.bookingcom;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.staysync.channels.sandbox.bookingcom.BookingComSandbox.Faults;
import io.staysync.channels.sandbox.bookingcom.BookingComSandbox.TooManyTokens;
import io.staysync.channels.sandbox.bookingcom.SandboxQueue.Message;

/**
 * Booking.com's Connectivity API as the sandbox answers it, on Booking.com's own paths
 * under {@value #BASE}: the token exchange, both reservation queues with their
 * acknowledgements, and {@code OTA_HotelAvailNotif} with Booking.com's error codes. Every
 * answer ends with an RUID comment. 404 outside demo mode and tests.
 */
@RestController
class SandboxBookingComController {

	static final String BASE = "/sandbox/booking-com";

	static final String NAMESPACE = "http://www.opentravel.org/OTA/2003/05";

	/** Booking.com counts "the past" in CET and accepts one day back. */
	private static final ZoneId CET = ZoneId.of("CET");

	private static final MediaType XML = MediaType.APPLICATION_XML;

	private final BookingComSandbox sandbox;

	private final Clock clock;

	private final XMLInputFactory xmlFactory;

	SandboxBookingComController(BookingComSandbox sandbox, Clock clock) {
		this.sandbox = sandbox;
		this.clock = clock;
		this.xmlFactory = XMLInputFactory.newFactory();
		this.xmlFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		this.xmlFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
	}

	@PostMapping(BASE + "/token-based-authentication/exchange")
	ResponseEntity<Map<String, String>> exchange(@RequestBody(required = false) Map<String, String> body) {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		try {
			String jwt = body == null ? null : sandbox.exchange(body.get("client_id"), body.get("client_secret"));
			if (jwt == null) {
				return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Map.of("error", "invalid_client"));
			}
			return ResponseEntity.ok(Map.of("jwt", jwt, "ruid", ruid()));
		}
		catch (TooManyTokens tooMany) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(Math.max(1, tooMany.retryAfter().toSeconds())))
				.body(Map.of("error", "too_many_tokens"));
		}
	}

	@GetMapping(BASE + "/hotels/ota/{queue}")
	ResponseEntity<String> pull(@PathVariable String queue,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestParam(name = "hotel_ids", required = false) String hotelIds) throws InterruptedException {
		ResponseEntity<String> refused = refuse(queue, authorization);
		if (refused != null) {
			return refused;
		}
		boolean isNew = queue.equals("OTA_HotelResNotif");
		List<String> hotels = hotelIds == null ? List.of()
				: Arrays.stream(hotelIds.split(",")).map(String::trim).toList();
		List<Message> delivered = sandbox.queue(isNew).deliver(hotels);
		Faults faults = sandbox.currentFaults();
		StringBuilder items = new StringBuilder();
		for (Message message : delivered) {
			items.append(message.xml());
			if (faults.duplicateDeliveries()) {
				items.append(message.xml());
			}
		}
		String root = isNew ? "OTA_HotelResNotifRQ" : "OTA_HotelResModifyNotifRQ";
		String list = isNew ? "HotelReservations" : "HotelResModifies";
		String body = document(root, "<" + list + ">" + items + "</" + list + ">");
		int pull = sandbox.nextPull();
		if (faults.truncateEvery() > 0 && pull % faults.truncateEvery() == 0) {
			body = body.substring(0, body.length() / 2);
		}
		return ResponseEntity.ok().contentType(XML).body(body);
	}

	@PostMapping(BASE + "/hotels/ota/{queue}")
	ResponseEntity<String> acknowledgeOrPush(@PathVariable String queue,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
			@RequestBody(required = false) byte[] body) throws InterruptedException {
		if (queue.equals("OTA_HotelAvailNotif")) {
			return availability(authorization, body);
		}
		ResponseEntity<String> refused = refuse(queue, authorization);
		if (refused != null) {
			return refused;
		}
		boolean isNew = queue.equals("OTA_HotelResNotif");
		List<String> ids;
		try {
			ids = read(body).resIds();
		}
		catch (XMLStreamException | RuntimeException malformed) {
			return error(HttpStatus.BAD_REQUEST, "The acknowledgement is not well-formed XML");
		}
		// Checked first, applied after: an acknowledgement is taken whole or not at all.
		for (String id : ids) {
			int status = sandbox.queue(isNew).acknowledge(id);
			if (status == 404) {
				return error(HttpStatus.NOT_FOUND, "Hotel reservation was not found");
			}
			if (status == 400) {
				return error(HttpStatus.BAD_REQUEST, "Hotel reservation has transaction message of the wrong type");
			}
			if (status == 409) {
				return error(HttpStatus.CONFLICT,
						"Response token for hotel reservation '" + id + "' does not match. please pull again");
			}
		}
		ids.forEach(id -> sandbox.acknowledged(isNew, id));
		String root = isNew ? "OTA_HotelResNotifRS" : "OTA_HotelResModifyNotifRS";
		return ResponseEntity.ok().contentType(XML).body(document(root, "<Success/>"));
	}

	private ResponseEntity<String> availability(String authorization, byte[] body) throws InterruptedException {
		ResponseEntity<String> refused = refuse("OTA_HotelAvailNotif", authorization);
		if (refused != null) {
			return refused;
		}
		Read request;
		try {
			request = read(body);
		}
		catch (XMLStreamException | RuntimeException malformed) {
			return error(HttpStatus.BAD_REQUEST, "The request is not well-formed XML");
		}
		if (request.hotelCode() == null || sandbox.roomTypes(request.hotelCode()) == null) {
			return error(HttpStatus.FORBIDDEN, "Access denied for hotel");
		}
		LocalDate earliest = LocalDate.now(clock.withZone(CET)).minusDays(1);
		LocalDate latest = earliest.plusYears(2);
		List<String> errors = new ArrayList<>();
		for (Range range : request.ranges()) {
			String code = check(range, request.hotelCode(), earliest, latest);
			if (code == null) {
				sandbox.took(new BookingComSandbox.AvailabilityUpdate(request.hotelCode(), range.room(),
						LocalDate.parse(range.start()), LocalDate.parse(range.end()), "Close".equals(range.status())));
			}
			else {
				errors.add("<Error Type=\"3\" Code=\"" + code + "\" RecordID=\"" + range.locator()
						+ "\" Status=\"NotProcessed\" ShortText=\"" + code + "\"/>");
			}
		}
		if (!request.ranges().isEmpty() && errors.size() == request.ranges().size()) {
			return ResponseEntity.badRequest()
				.contentType(XML)
				.body(document("OTA_HotelAvailNotifRS", "<Errors>" + String.join("", errors) + "</Errors>"));
		}
		return ResponseEntity.ok()
			.contentType(XML)
			.body(document("OTA_HotelAvailNotifRS",
					"<Success/>" + (errors.isEmpty() ? "" : "<Errors>" + String.join("", errors) + "</Errors>")));
	}

	private String check(Range range, String hotelCode, LocalDate earliest, LocalDate latest) {
		if (range.room() == null || range.room().isBlank()) {
			return "ROOM_ID_MISSING";
		}
		if (!sandbox.roomTypes(hotelCode).contains(range.room())) {
			return "ROOM_ID_INVALID";
		}
		LocalDate start;
		LocalDate end;
		try {
			start = LocalDate.parse(range.start());
			end = LocalDate.parse(range.end());
		}
		catch (DateTimeParseException | NullPointerException unreadable) {
			return "NOT_A_VALID_DATE";
		}
		if (end.isBefore(start)) {
			return "FROM_DATE_SHOULD_BE_LESS_THAN_TO_DATE";
		}
		if (start.isBefore(earliest) || end.isAfter(latest)) {
			return "NOT_A_VALID_DATE";
		}
		return null;
	}

	/** Not active, injected faults, a bad token: the answer instead of the real one. */
	private ResponseEntity<String> refuse(String queue, String authorization) throws InterruptedException {
		if (!sandbox.active()) {
			return ResponseEntity.notFound().build();
		}
		if (!List.of("OTA_HotelResNotif", "OTA_HotelResModifyNotif", "OTA_HotelAvailNotif").contains(queue)) {
			return ResponseEntity.notFound().build();
		}
		Faults faults = sandbox.currentFaults();
		if (faults.latency() != null && !faults.latency().isZero()) {
			Thread.sleep(faults.latency().toMillis());
		}
		if (!sandbox.authorized(authorization)) {
			return error(HttpStatus.UNAUTHORIZED, "Unauthorized");
		}
		int request = sandbox.nextRequest();
		if (faults.throttleEvery() > 0 && request % faults.throttleEvery() == 0) {
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds(faults.retryAfter())))
				.contentType(XML)
				.body(document("OTA_ErrorRS",
						"<Errors><Error Code=\"429\" ShortText=\"Too many requests\"/></Errors>"));
		}
		if (faults.failEvery() > 0 && request % faults.failEvery() == 0) {
			return error(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");
		}
		return null;
	}

	private static long seconds(Duration duration) {
		return duration == null ? 1 : Math.max(0, duration.toSeconds());
	}

	private ResponseEntity<String> error(HttpStatus status, String text) {
		return ResponseEntity.status(status)
			.contentType(XML)
			.body(document("OTA_ErrorRS", "<Errors><Error Type=\"1\" Code=\"" + status.value()
					+ "\" Status=\"NotProcessed\" ShortText=\"" + text.replace("\"", "'") + "\"/></Errors>"));
	}

	private String document(String root, String content) {
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<" + root + " xmlns=\"" + NAMESPACE + "\" TimeStamp=\""
				+ clock.instant() + "\" Target=\"Test\" Version=\"2.001\">" + content + "</" + root + ">\n<!-- RUID: ["
				+ ruid() + "] -->\n";
	}

	private static String ruid() {
		return Base64.getEncoder()
			.withoutPadding()
			.encodeToString(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
	}

	/** The parts of a request the sandbox looks at. */
	private Read read(byte[] body) throws XMLStreamException {
		XMLStreamReader xml = xmlFactory
			.createXMLStreamReader(new ByteArrayInputStream(body == null ? new byte[0] : body));
		List<String> resIds = new ArrayList<>();
		List<Range> ranges = new ArrayList<>();
		String hotelCode = null;
		String locator = null;
		try {
			while (xml.hasNext()) {
				int event = xml.next();
				if (event == XMLStreamConstants.DTD) {
					throw new XMLStreamException("no DTD");
				}
				if (event != XMLStreamConstants.START_ELEMENT) {
					continue;
				}
				switch (xml.getLocalName()) {
					case "HotelReservationID" -> {
						String source = xml.getAttributeValue(null, "ResID_Source");
						if (source == null || source.equals("BOOKING.COM")) {
							resIds.add(xml.getAttributeValue(null, "ResID_Value"));
						}
					}
					case "AvailStatusMessages" -> hotelCode = xml.getAttributeValue(null, "HotelCode");
					case "AvailStatusMessage" -> locator = xml.getAttributeValue(null, "LocatorID");
					case "StatusApplicationControl" ->
						ranges.add(new Range(locator, xml.getAttributeValue(null, "InvTypeCode"),
								xml.getAttributeValue(null, "Start"), xml.getAttributeValue(null, "End"), null));
					case "RestrictionStatus" -> {
						if (!ranges.isEmpty()) {
							Range last = ranges.remove(ranges.size() - 1);
							ranges.add(new Range(last.locator(), last.room(), last.start(), last.end(),
									xml.getAttributeValue(null, "Status")));
						}
					}
					default -> {
						// not looked at
					}
				}
			}
		}
		finally {
			xml.close();
		}
		return new Read(resIds, hotelCode, ranges);
	}

	private record Read(List<String> resIds, String hotelCode, List<Range> ranges) {
	}

	private record Range(String locator, String room, String start, String end, String status) {
	}

}
