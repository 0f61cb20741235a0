package io.staysync.channels.ical;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Airbnb's confirmation code ({@code HM} and eight capitals or digits), which its feed
 * only gives inside the reservation URL in DESCRIPTION:
 * {@code …/hosting/reservations/details/HMZ8T3WQ1C} today,
 * {@code …/reservation/itinerary?code=HMN…} in older feeds. The code is looked for
 * anywhere in the text, with nothing but a letter or digit forbidden around it, so that a
 * changed URL shape still yields it.
 */
final class ConfirmationCodes {

	private static final Pattern AIRBNB = Pattern.compile("(?<![A-Za-z0-9])HM[A-Z0-9]{8}(?![A-Za-z0-9])");

	private ConfirmationCodes() {
	}

	/** The first code in the first text that has one, or {@code null}. */
	static String find(String... texts) {
		for (String text : texts) {
			if (text != null) {
				Matcher matcher = AIRBNB.matcher(text);
				if (matcher.find()) {
					return matcher.group();
				}
			}
		}
		return null;
	}

}
