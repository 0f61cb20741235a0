package io.staysync.bookings.internal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What may be stored of a guest's e-mail address and phone number, and what not. */
class GuestContactTests {

	@Test
	void addressesAsChannelsRelayThemAreStoredAndBlankIsNone() {
		assertThat(GuestContact.emailProblem("aferre.482913@guest.booking.com")).isNull();
		assertThat(GuestContact.emailProblem("nick-owme5321y975kcat@guest.airbnb.com")).isNull();
		assertThat(GuestContact.emailProblem("zoë@exämple.pt")).as("an internationalised address").isNull();
		assertThat(GuestContact.emailProblem("a".repeat(242) + "@example.com")).as("254 characters").isNull();
		assertThat(GuestContact.trimmed("  ana@example.com\t")).isEqualTo("ana@example.com");
		assertThat(GuestContact.trimmed(" \t ")).isNull();
		assertThat(GuestContact.emailProblem(null)).isNull();
	}

	@Test
	void anythingElseIsNoAddressAndTheProblemNeverRepeatsTheValue() {
		for (String bad : new String[] { "not an address", "rui", "@host.test", "rui@", "rui@@host.test",
				"rui@host.test\nBcc: x@host.test", "rui@host.test\r", "rui\u0000@host.test", "rui\u202e@host.test",
				"rui\u200b@host.test", "r".repeat(245) + "@host.test" }) {
			String problem = GuestContact.emailProblem(bad);
			assertThat(problem).as(bad).isNotNull().doesNotContain(bad);
		}
		assertThat(GuestContact.emailProblem("a".repeat(243) + "@example.com"))
			.isEqualTo("must be at most 254 characters");
	}

	@Test
	void phoneNumbersKeepTheirFormattingAndNeedADigit() {
		assertThat(GuestContact.phoneProblem("+351 912 345 678")).isNull();
		assertThat(GuestContact.phoneProblem("555-555-5555")).isNull();
		assertThat(GuestContact.phoneProblem("+44 (0)20 7946 0958 ext. 123")).isNull();
		assertThat(GuestContact.phoneProblem("1".repeat(40))).isNull();

		assertThat(GuestContact.phoneProblem("1".repeat(41))).isEqualTo("must be at most 40 characters");
		assertThat(GuestContact.phoneProblem("call me")).isNotNull();
		assertThat(GuestContact.phoneProblem("+34 600\u001b[2J 123")).isNotNull();
		assertThat(GuestContact.phoneProblem("\u202e654 321 006 43+")).isNotNull();
		assertThat(GuestContact.phoneProblem("+34 600\n123")).isNotNull();
	}

}
