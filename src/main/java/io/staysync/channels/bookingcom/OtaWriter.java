package io.staysync.channels.bookingcom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Writes the OTA documents Staysync sends: acknowledgements ({@code …RS}) and
 * availability ({@code OTA_HotelAvailNotifRQ}). Built with a StAX writer, so every value
 * is escaped.
 */
final class OtaWriter {

	static final String NAMESPACE = "http://www.opentravel.org/OTA/2003/05";

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
		.withZone(ZoneOffset.UTC);

	/**
	 * The acknowledgement of reservations of one queue: each {@code ResID_Value} as
	 * Booking.com's, with Staysync's own key beside it.
	 */
	byte[] acknowledgement(OtaQueue queue, List<String> resIds, Instant now) {
		return write(xml -> {
			root(xml, queue.acknowledgement(), now, "2.001");
			xml.writeEmptyElement("Success");
			xml.writeStartElement(queue.listElement());
			for (String resId : resIds) {
				xml.writeStartElement(queue.itemElement());
				xml.writeStartElement("ResGlobalInfo");
				xml.writeStartElement("HotelReservationIDs");
				reservationId(xml, resId, "BOOKING.COM");
				reservationId(xml, "STAYSYNC-" + resId, "RT");
				xml.writeEndElement();
				xml.writeEndElement();
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	/**
	 * One hotel's availability: each range closes or opens one room type on inclusive
	 * dates; its position (from 1) is its {@code LocatorID}, which errors echo as
	 * {@code RecordID}.
	 */
	byte[] availability(String hotelCode, List<AvailabilityRange> ranges, Instant now) {
		return write(xml -> {
			root(xml, "OTA_HotelAvailNotifRQ", now, "1.005");
			xml.writeStartElement("AvailStatusMessages");
			xml.writeAttribute("HotelCode", hotelCode);
			int locator = 1;
			for (AvailabilityRange range : ranges) {
				xml.writeStartElement("AvailStatusMessage");
				xml.writeAttribute("LocatorID", String.valueOf(locator++));
				xml.writeEmptyElement("StatusApplicationControl");
				xml.writeAttribute("Start", range.first().toString());
				xml.writeAttribute("End", range.last().toString());
				xml.writeAttribute("InvTypeCode", range.roomTypeCode());
				xml.writeEmptyElement("RestrictionStatus");
				xml.writeAttribute("Status", range.closed() ? "Close" : "Open");
				xml.writeEndElement();
			}
			xml.writeEndElement();
		});
	}

	private static void root(XMLStreamWriter xml, String name, Instant now, String version) throws XMLStreamException {
		xml.writeStartDocument("UTF-8", "1.0");
		xml.writeStartElement(name);
		xml.writeDefaultNamespace(NAMESPACE);
		xml.writeAttribute("TimeStamp", STAMP.format(now.truncatedTo(ChronoUnit.SECONDS)));
		xml.writeAttribute("Target", "Production");
		xml.writeAttribute("Version", version);
	}

	private static void reservationId(XMLStreamWriter xml, String value, String source) throws XMLStreamException {
		xml.writeEmptyElement("HotelReservationID");
		xml.writeAttribute("ResID_Value", value);
		xml.writeAttribute("ResID_Source", source);
		xml.writeAttribute("ResID_Type", "14");
	}

	private static byte[] write(Body body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "UTF-8");
			body.write(xml);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException cannotHappenInMemory) {
			throw new IllegalStateException(cannotHappenInMemory);
		}
		return out.toString(StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8);
	}

	/** What goes inside a document. */
	private interface Body {

		void write(XMLStreamWriter xml) throws XMLStreamException;

	}

	/**
	 * Nights {@code first} to {@code last} (inclusive) of a room type, all closed or all
	 * open.
	 */
	record AvailabilityRange(String roomTypeCode, LocalDate first, LocalDate last, boolean closed) {
	}

}
