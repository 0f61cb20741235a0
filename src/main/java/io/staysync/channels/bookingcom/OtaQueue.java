package io.staysync.channels.bookingcom;

import java.util.Locale;

/**
 * Booking.com's two reservation queues: new reservations, and modifications with
 * cancellations. Each is pulled with a GET of its path and acknowledged with a POST of
 * its {@code …RS} document to the same path.
 */
enum OtaQueue {

	NEW("OTA_HotelResNotif", "OTA_HotelResNotifRS", "HotelReservations", "HotelReservation"),

	MODIFIED("OTA_HotelResModifyNotif", "OTA_HotelResModifyNotifRS", "HotelResModifies", "HotelResModify");

	private final String path;

	private final String acknowledgement;

	private final String listElement;

	private final String itemElement;

	OtaQueue(String path, String acknowledgement, String listElement, String itemElement) {
		this.path = path;
		this.acknowledgement = acknowledgement;
		this.listElement = listElement;
		this.itemElement = itemElement;
	}

	String path() {
		return path;
	}

	String acknowledgement() {
		return acknowledgement;
	}

	String listElement() {
		return listElement;
	}

	String itemElement() {
		return itemElement;
	}

	/** The connector's message id: the queue and the reservation number. */
	String messageId(String resId) {
		return name().toLowerCase(Locale.ROOT) + ":" + resId;
	}

	static OtaQueue ofMessage(String messageId) {
		return messageId.startsWith("new:") ? NEW : MODIFIED;
	}

	static String resIdOf(String messageId) {
		return messageId.substring(messageId.indexOf(':') + 1);
	}

}
