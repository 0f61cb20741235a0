package io.staysync.properties.internal;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.staysync.common.InvalidInputException;
import io.staysync.common.InvalidInputException.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class PropertyRulesTests {

	@Test
	void regionZonesAndUtcAreAcceptedAndEveryZoneOfferedIsAccepted() {
		assertThat(PropertyRules.timeZoneProblem("Europe/Lisbon")).isEmpty();
		assertThat(PropertyRules.timeZoneProblem("UTC")).isEmpty();
		assertThat(PropertyRules.TIME_ZONES).contains("UTC", "America/New_York")
			.allSatisfy(zone -> assertThat(PropertyRules.timeZoneProblem(zone)).isEmpty());
	}

	@Test
	void fixedOffsetsAreRefusedSayingWhyAndUnknownZonesAsUnknown() {
		for (String offset : List.of("+02:00", "UTC+2", "GMT+1", "Etc/GMT+2", "Etc/UTC", "Z")) {
			assertThat(PropertyRules.timeZoneProblem(offset)).as(offset)
				.hasValueSatisfying(message -> assertThat(message).contains("IANA time zone", "not a fixed offset"));
		}
		for (String unknown : List.of("Mars/Olympus_Mons", "Europe/paris", "", "CET")) {
			assertThat(PropertyRules.timeZoneProblem(unknown)).as(unknown)
				.hasValue("must be an IANA time zone such as Europe/Lisbon");
		}
	}

	@Test
	void leftOutTimesTakeTheHouseDefaultsAndBrokenDetailsNameTheirFields() {
		PropertyDetails details = new PropertyDetails("Loft", "UTC", null, null, 2, null);
		assertThat(details.checkInTime()).isEqualTo(PropertyRules.DEFAULT_CHECK_IN);
		assertThat(details.checkOutTime()).isEqualTo(PropertyRules.DEFAULT_CHECK_OUT);

		assertThatExceptionOfType(InvalidInputException.class)
			.isThrownBy(() -> PropertyRules.check(new PropertyDetails(" ", "+01:00", null, null, 0,
					new Property.Address(null, null, null, null, null, "France"))))
			.satisfies(e -> assertThat(e.problems()).extracting(FieldProblem::field)
				.containsExactly("name", "timeZone", "maxGuests", "countryCode"));
	}

}
