package io.staysync.bookings.internal;

import java.util.Locale;
import java.util.Set;

import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.stereotype.Component;

import io.staysync.bookings.BookingKind;
import io.staysync.bookings.BookingSource;
import io.staysync.bookings.BookingStatus;

/**
 * Reads a booking's status, source and kind from a query parameter in any case:
 * {@code status=tentative} finds what {@code status=TENTATIVE} finds, as a person types
 * it. Anything else is still refused (400, naming the parameter); an empty value is none.
 */
@Component
class FilterValues implements GenericConverter {

	private static final Set<ConvertiblePair> TYPES = Set.of(new ConvertiblePair(String.class, BookingStatus.class),
			new ConvertiblePair(String.class, BookingSource.class),
			new ConvertiblePair(String.class, BookingKind.class));

	@Override
	public Set<ConvertiblePair> getConvertibleTypes() {
		return TYPES;
	}

	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	public Object convert(Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
		if (source == null || ((String) source).isBlank()) {
			return null;
		}
		return Enum.valueOf((Class<Enum>) targetType.getType(), ((String) source).strip().toUpperCase(Locale.ROOT));
	}

}
