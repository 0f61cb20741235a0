package io.staysync.channels.bookingcom;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.staysync.channels.AvailabilityWindow;
import io.staysync.channels.bookingcom.OtaWriter.AvailabilityRange;

import static org.assertj.core.api.Assertions.assertThat;

class AvailabilityRequestsTests {

	static final LocalDate TODAY = LocalDate.of(2027, 3, 10);

	@Test
	void runsOfOpenAndClosedNightsBecomeInclusiveRanges() {
		AvailabilityWindow window = window(TODAY, TODAY.plusDays(7), TODAY.plusDays(2), TODAY.plusDays(3));

		List<List<AvailabilityRange>> requests = AvailabilityRequests.of("77120001", window, TODAY);

		assertThat(requests).singleElement()
			.isEqualTo(List.of(new AvailabilityRange("77120001", TODAY, TODAY.plusDays(1), false),
					new AvailabilityRange("77120001", TODAY.plusDays(2), TODAY.plusDays(3), true),
					new AvailabilityRange("77120001", TODAY.plusDays(4), TODAY.plusDays(6), false)));
	}

	@Test
	void nightsInThePastAreNotSent() {
		AvailabilityWindow window = window(TODAY.minusDays(5), TODAY.plusDays(2), TODAY.minusDays(3), TODAY);

		List<List<AvailabilityRange>> requests = AvailabilityRequests.of("77120001", window, TODAY);

		assertThat(requests).singleElement()
			.isEqualTo(List.of(new AvailabilityRange("77120001", TODAY, TODAY, true),
					new AvailabilityRange("77120001", TODAY.plusDays(1), TODAY.plusDays(1), false)));
		assertThat(AvailabilityRequests.of("77120001", window(TODAY.minusDays(5), TODAY), TODAY)).isEmpty();
	}

	@Test
	void aLongWindowIsSentAMonthPerRequestWithoutGapsOrOverlaps() {
		AvailabilityWindow window = window(TODAY, TODAY.plusDays(75), TODAY.plusMonths(1).minusDays(1),
				TODAY.plusMonths(1));

		List<List<AvailabilityRange>> requests = AvailabilityRequests.of("77120001", window, TODAY);

		assertThat(requests).hasSize(3);
		assertThat(requests.get(0)).last()
			.isEqualTo(new AvailabilityRange("77120001", TODAY.plusMonths(1).minusDays(1),
					TODAY.plusMonths(1).minusDays(1), true));
		assertThat(requests.get(1)).first()
			.isEqualTo(new AvailabilityRange("77120001", TODAY.plusMonths(1), TODAY.plusMonths(1), true));
		assertThat(requests.get(2)).singleElement()
			.isEqualTo(new AvailabilityRange("77120001", TODAY.plusMonths(2), TODAY.plusDays(74), false));
		long nights = requests.stream()
			.flatMap(List::stream)
			.mapToLong(range -> range.first().datesUntil(range.last().plusDays(1)).count())
			.sum();
		assertThat(nights).isEqualTo(75);
	}

	static AvailabilityWindow window(LocalDate from, LocalDate to, LocalDate... closed) {
		return new AvailabilityWindow(UUID.randomUUID(), from, to, new TreeSet<>(Set.of(closed)));
	}

}
