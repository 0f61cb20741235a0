package io.staysync.channels.bookingcom;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.staysync.channels.bookingcom.OtaDocument.OtaError;

/**
 * Reads Booking.com's {@code OTA_HotelResNotifRQ} and {@code OTA_HotelResModifyNotifRQ}
 * (and the {@code …RS} answers, for their errors) with StAX. Safe by construction: no
 * DTD, no external entity, no entity expansion; a document declaring a DTD is refused
 * outright, so neither an entity bomb nor a file read can be smuggled in. Unknown
 * elements are skipped, so Booking.com adding fields never breaks a pull. Payment cards
 * are never read: the {@code Guarantee} subtree is skipped without looking at its
 * attributes.
 * <p>
 * Stateless and thread-safe.
 */
final class OtaParser {

	private static final Logger log = LoggerFactory.getLogger(OtaParser.class);

	/** {@code AgeQualifyingCode} of children in OTA; adults are 10, and the default. */
	private static final String CHILD = "8";

	/**
	 * The most guests one room counts, and the most one {@code GuestCount} says: past it
	 * a count is not read (as one that is not a number), so that counts never add up past
	 * what an {@code int} holds.
	 */
	private static final int MAX_GUESTS = 999;

	/**
	 * The most {@code DecimalPlaces} an amount is read with; OTA currencies use 0 to 3.
	 * Past it (or below 0) the amount is unknown rather than guessed.
	 */
	private static final int MAX_DECIMAL_PLACES = 9;

	private static final Pattern RUID = Pattern.compile("RUID:\\s*\\[?\\s*([A-Za-z0-9+/=_-]+)");

	private static final XMLInputFactory FACTORY = factory();

	OtaDocument parse(byte[] body) throws MalformedOtaException {
		try {
			return parseOrFail(body);
		}
		catch (RuntimeException | StackOverflowError unexpected) {
			// A bug, not Booking.com's fault: the answer is still refused as a whole
			// (nothing applied, nothing acknowledged), and the cause kept in the log.
			log.warn("Reading a Booking.com answer failed unexpectedly; it was refused as malformed", unexpected);
			throw malformed(unexpected);
		}
	}

	/**
	 * {@link #parse} without its last resort: what a bug throws is thrown, so that the
	 * fuzz tests see it instead of an answer refused as malformed.
	 */
	OtaDocument parseOrFail(byte[] body) throws MalformedOtaException {
		if (body == null || body.length == 0) {
			throw new MalformedOtaException("Booking.com answered with an empty body.");
		}
		XMLStreamReader reader = null;
		try {
			reader = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
			return new Reading(reader).read();
		}
		catch (XMLStreamException notXml) {
			throw malformed(notXml);
		}
		finally {
			close(reader);
		}
	}

	private static MalformedOtaException malformed(Throwable cause) {
		return new MalformedOtaException("Booking.com's answer is not well-formed XML (cut off or corrupted"
				+ (cause.getMessage() != null && cause.getMessage().contains("DOCTYPE") ? ", or it declared a DTD" : "")
				+ "); nothing of it was applied or acknowledged.");
	}

	private static XMLInputFactory factory() {
		XMLInputFactory factory = XMLInputFactory.newFactory();
		factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		factory.setProperty(XMLInputFactory.IS_COALESCING, true);
		factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
		return factory;
	}

	private static void close(XMLStreamReader reader) {
		if (reader != null) {
			try {
				reader.close();
			}
			catch (XMLStreamException ignored) {
				// nothing was left open that matters
			}
		}
	}

	/** The state of one document being read. */
	private static final class Reading {

		private final XMLStreamReader xml;

		private final Deque<String> path = new ArrayDeque<>();

		private final List<OtaReservation> reservations = new ArrayList<>();

		private final List<OtaError> errors = new ArrayList<>();

		private final List<OtaError> warnings = new ArrayList<>();

		private String ruid;

		private ReservationDraft reservation;

		private RoomDraft room;

		/** The RPH of the {@code ResGuest} being read. */
		private String guestRph;

		private final StringBuilder text = new StringBuilder();

		Reading(XMLStreamReader xml) {
			this.xml = xml;
		}

		OtaDocument read() throws XMLStreamException, MalformedOtaException {
			boolean sawRoot = false;
			while (xml.hasNext()) {
				int event = next();
				switch (event) {
					case XMLStreamConstants.DTD -> throw new MalformedOtaException(
							"Booking.com's answer declares a DTD, which Booking.com never sends; it was not read.");
					case XMLStreamConstants.ENTITY_REFERENCE -> throw new MalformedOtaException(
							"Booking.com's answer refers to an undeclared entity; it was not read.");
					case XMLStreamConstants.START_ELEMENT -> {
						sawRoot = true;
						if (xml.getLocalName().equals("Guarantee")) {
							skipSubtree();
						}
						else {
							path.push(xml.getLocalName());
							text.setLength(0);
							start(xml.getLocalName());
						}
					}
					case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(xml.getText());
					case XMLStreamConstants.COMMENT -> readRuid(xml.getText());
					case XMLStreamConstants.END_ELEMENT -> {
						end(xml.getLocalName());
						path.pop();
						text.setLength(0);
					}
					default -> {
						// processing instructions, whitespace: nothing to read
					}
				}
			}
			if (!sawRoot) {
				throw new MalformedOtaException("Booking.com's answer holds no XML element.");
			}
			return new OtaDocument(reservations, errors, warnings, ruid);
		}

		private void start(String element) throws MalformedOtaException {
			switch (element) {
				case "HotelReservation", "HotelResModify" -> {
					if (inside("HotelReservations") || inside("HotelResModifies")) {
						reservation = new ReservationDraft();
					}
				}
				case "RoomStay" -> {
					if (reservation != null) {
						room = new RoomDraft(attribute("IndexNumber"));
					}
				}
				case "RoomType" -> {
					if (room != null && blankToNull(attribute("RoomTypeCode")) != null) {
						room.roomTypeCode = attribute("RoomTypeCode");
					}
				}
				case "RoomRate" -> {
					if (room != null) {
						room.night(date(attribute("EffectiveDate")));
					}
				}
				case "GuestCount" -> {
					if (room != null) {
						int count = count(attribute("Count"));
						if (CHILD.equals(attribute("AgeQualifyingCode"))) {
							room.children = Math.min(MAX_GUESTS, room.children + count);
						}
						else {
							room.adults = Math.min(MAX_GUESTS, room.adults + count);
						}
					}
				}
				case "Total" -> total();
				case "BasicPropertyInfo" -> {
					if (room != null) {
						room.hotelCode = blankToNull(attribute("HotelCode"));
					}
				}
				case "ResGuestRPH" -> {
					if (room != null) {
						room.guestRph = attribute("RPH");
					}
				}
				case "ResGuest" -> guestRph = attribute("ResGuestRPH");
				case "HotelReservationID" -> {
					if (reservation != null && reservation.resId == null) {
						reservation.resId = attribute("ResID_Value");
					}
				}
				case "Telephone" -> {
					if (reservation != null && reservation.phone == null) {
						reservation.phone = blankToNull(attribute("PhoneNumber"));
					}
				}
				case "Error", "Warning" -> {
					OtaError problem = new OtaError(attribute("Code"), attribute("ShortText"), attribute("RecordID"));
					(element.equals("Error") ? errors : warnings).add(problem);
				}
				default -> {
					// unknown or unused: skipped
				}
			}
		}

		private void end(String element) {
			String value = text.toString().trim();
			switch (element) {
				case "GivenName", "Surname" -> name(element, value);
				case "Email" -> {
					if (reservation != null && reservation.email == null) {
						reservation.email = blankToNull(value);
					}
				}
				case "Error", "Warning" -> {
					List<OtaError> list = element.equals("Error") ? errors : warnings;
					OtaError last = list.get(list.size() - 1);
					if (last.shortText() == null && !value.isEmpty()) {
						list.set(list.size() - 1, new OtaError(last.code(), value, last.recordId()));
					}
				}
				case "RoomStay" -> {
					if (reservation != null && room != null) {
						reservation.rooms.add(room);
						room = null;
					}
				}
				case "ResGuest" -> guestRph = null;
				case "HotelReservation", "HotelResModify" -> {
					if (reservation != null) {
						reservations.add(reservation.build());
						reservation = null;
					}
				}
				default -> {
					// nothing kept
				}
			}
		}

		/**
		 * A room's {@code Total} is its price; a nightly {@code Rate/Total} adds up to
		 * one when the room has none.
		 */
		private void total() {
			if (room == null) {
				return;
			}
			Amount amount = amount();
			if (parent(1).equals("RoomStay")) {
				room.total = amount;
			}
			else if (parent(1).equals("Rate")) {
				room.nightly = room.nightly == null ? amount : room.nightly.plus(amount);
			}
		}

		private Amount amount() {
			String value = attribute("AmountAfterTax") != null ? attribute("AmountAfterTax")
					: attribute("AmountBeforeTax");
			String places = attribute("DecimalPlaces");
			String currency = attribute("CurrencyCode");
			if (value == null || places == null) {
				// Without DecimalPlaces "37000" may be 370.00 or 37000: never guess
				// money.
				return new Amount(null, currency);
			}
			try {
				int decimalPlaces = Integer.parseInt(places.trim());
				if (decimalPlaces < 0 || decimalPlaces > MAX_DECIMAL_PLACES) {
					return new Amount(null, currency);
				}
				return new Amount(new BigDecimal(value.trim()).movePointLeft(decimalPlaces), currency);
			}
			catch (NumberFormatException | ArithmeticException unreadable) {
				return new Amount(null, currency);
			}
		}

		private void name(String part, String value) {
			if (value.isEmpty()) {
				return;
			}
			if (guestRph != null && reservation != null) {
				reservation.guestNames.merge(guestRph, value, (given, surname) -> given + " " + surname);
			}
			else if (reservation != null && inside("ResGlobalInfo")) {
				reservation.booker = reservation.booker == null ? value : reservation.booker + " " + value;
			}
		}

		private void readRuid(String comment) {
			Matcher matcher = RUID.matcher(comment);
			if (matcher.find()) {
				ruid = matcher.group(1);
			}
		}

		private void skipSubtree() throws XMLStreamException {
			for (int depth = 1; depth > 0;) {
				int event = next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					depth++;
				}
				else if (event == XMLStreamConstants.END_ELEMENT) {
					depth--;
				}
			}
		}

		/**
		 * The reader's next event. The JDK's reader reports some malformed documents with
		 * a runtime exception instead of an {@link XMLStreamException} (a DTD holding a
		 * control character: {@code MissingResourceException: InvalidCharInDTD}); those
		 * are malformed XML too, not a bug of ours. Misusing the reader (reading past the
		 * end) stays a bug.
		 */
		private int next() throws XMLStreamException {
			try {
				return xml.next();
			}
			catch (XMLStreamException | IllegalStateException | NoSuchElementException notXml) {
				throw notXml;
			}
			catch (RuntimeException readerFault) {
				throw new XMLStreamException("the XML reader failed: " + readerFault, readerFault);
			}
		}

		private boolean inside(String element) {
			return path.contains(element);
		}

		private String parent(int up) {
			return path.stream().skip(up).findFirst().orElse("");
		}

		private String attribute(String name) {
			String value = xml.getAttributeValue(null, name);
			return value == null ? null : value.trim();
		}

		private static LocalDate date(String value) {
			if (value == null) {
				return null;
			}
			try {
				return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
			}
			catch (DateTimeParseException unreadable) {
				return null;
			}
		}

		/**
		 * A guest count; one that is not a number from 0 to {@link #MAX_GUESTS} counts
		 * none.
		 */
		private static int count(String value) {
			try {
				int count = value == null ? 0 : Integer.parseInt(value);
				return count < 0 || count > MAX_GUESTS ? 0 : count;
			}
			catch (NumberFormatException unreadable) {
				return 0;
			}
		}

		private static String blankToNull(String value) {
			return value == null || value.isBlank() ? null : value.trim();
		}

	}

	/** An amount in currency units, unknown when it could not be read safely. */
	private record Amount(BigDecimal value, String currency) {

		Amount plus(Amount other) {
			return new Amount(value == null || other.value == null ? null : value.add(other.value),
					currency != null ? currency : other.currency);
		}

	}

	private static final class ReservationDraft {

		private String resId;

		private String booker;

		private String email;

		private String phone;

		private final List<RoomDraft> rooms = new ArrayList<>();

		private final Map<String, String> guestNames = new HashMap<>();

		OtaReservation build() {
			List<OtaRoomStay> stays = new ArrayList<>();
			String problem = resId == null || resId.isBlank() ? "a reservation without a ResID_Value" : null;
			for (RoomDraft room : rooms) {
				if (room.first == null) {
					problem = "room " + room.index + " has no night (no RoomRate with an EffectiveDate)";
					continue;
				}
				if (room.hotelCode == null || room.roomTypeCode == null) {
					problem = "room " + room.index + " names no hotel or room type";
					continue;
				}
				Amount total = room.total != null && room.total.value() != null ? room.total : room.nightly;
				String guest = room.guestRph != null && guestNames.containsKey(room.guestRph)
						? guestNames.get(room.guestRph) : booker;
				stays.add(new OtaRoomStay(room.index == null ? String.valueOf(stays.size() + 1) : room.index,
						room.hotelCode, room.roomTypeCode, room.first, room.last.plusDays(1), room.adults,
						room.children, total == null ? null : total.value(), total == null ? null : total.currency(),
						guest));
			}
			return new OtaReservation(resId, stays, booker, email, phone, problem);
		}

	}

	private static final class RoomDraft {

		private final String index;

		private String hotelCode;

		private String roomTypeCode;

		private LocalDate first;

		private LocalDate last;

		private int adults;

		private int children;

		private Amount total;

		private Amount nightly;

		private String guestRph;

		RoomDraft(String index) {
			this.index = index;
		}

		void night(LocalDate night) {
			if (night == null) {
				return;
			}
			first = first == null || night.isBefore(first) ? night : first;
			last = last == null || night.isAfter(last) ? night : last;
		}

	}

}
