package io.staysync.properties.web;

import java.time.LocalTime;

import org.springframework.format.annotation.DateTimeFormat;

import io.staysync.properties.internal.Property;
import io.staysync.properties.internal.IanaTimeZone;
import io.staysync.properties.internal.PropertyDetails;
import io.staysync.properties.internal.PropertyRules;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The property form of the console: the rules of {@link PropertyRules}, as the API's
 * form.
 */
public class PropertyForm {

	@NotBlank
	@Size(max = PropertyRules.NAME_MAX)
	private String name;

	@NotBlank
	@IanaTimeZone
	private String timeZone = PropertyRules.SUGGESTED_TIME_ZONE;

	@NotNull
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime checkInTime = PropertyRules.DEFAULT_CHECK_IN;

	@NotNull
	@DateTimeFormat(pattern = "HH:mm")
	private LocalTime checkOutTime = PropertyRules.DEFAULT_CHECK_OUT;

	@NotNull
	@Min(PropertyRules.MIN_GUESTS)
	@Max(PropertyRules.MAX_GUESTS)
	private Integer maxGuests = PropertyRules.SUGGESTED_MAX_GUESTS;

	@Size(max = PropertyRules.ADDRESS_LINE_MAX)
	private String addressLine1;

	@Size(max = PropertyRules.CITY_MAX)
	private String city;

	@Size(max = PropertyRules.POSTAL_CODE_MAX)
	private String postalCode;

	@Pattern(regexp = PropertyRules.COUNTRY_CODE_OR_BLANK, message = PropertyRules.COUNTRY_CODE_MESSAGE)
	private String countryCode;

	private Long version;

	static PropertyForm of(Property p) {
		PropertyForm form = new PropertyForm();
		form.name = p.name();
		form.timeZone = p.timeZone();
		form.checkInTime = p.checkInTime();
		form.checkOutTime = p.checkOutTime();
		form.maxGuests = p.maxGuests();
		if (p.address() != null) {
			form.addressLine1 = p.address().addressLine1();
			form.city = p.address().city();
			form.postalCode = p.address().postalCode();
			form.countryCode = p.address().countryCode();
		}
		form.version = p.version();
		return form;
	}

	PropertyDetails toDetails(Property.Address kept) {
		String line2 = kept == null ? null : kept.addressLine2();
		String region = kept == null ? null : kept.region();
		return new PropertyDetails(name.trim(), timeZone.trim(), checkInTime, checkOutTime, maxGuests,
				new Property.Address(blankToNull(addressLine1), line2, blankToNull(city), blankToNull(postalCode),
						region, blankToNull(countryCode)));
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	public String getName() {
		return name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getTimeZone() {
		return timeZone;
	}

	public void setTimeZone(String timeZone) {
		this.timeZone = timeZone;
	}

	public LocalTime getCheckInTime() {
		return checkInTime;
	}

	public void setCheckInTime(LocalTime checkInTime) {
		this.checkInTime = checkInTime;
	}

	public LocalTime getCheckOutTime() {
		return checkOutTime;
	}

	public void setCheckOutTime(LocalTime checkOutTime) {
		this.checkOutTime = checkOutTime;
	}

	public Integer getMaxGuests() {
		return maxGuests;
	}

	public void setMaxGuests(Integer maxGuests) {
		this.maxGuests = maxGuests;
	}

	public String getAddressLine1() {
		return addressLine1;
	}

	public void setAddressLine1(String addressLine1) {
		this.addressLine1 = addressLine1;
	}

	public String getCity() {
		return city;
	}

	public void setCity(String city) {
		this.city = city;
	}

	public String getPostalCode() {
		return postalCode;
	}

	public void setPostalCode(String postalCode) {
		this.postalCode = postalCode;
	}

	public String getCountryCode() {
		return countryCode;
	}

	public void setCountryCode(String countryCode) {
		this.countryCode = countryCode;
	}

	public Long getVersion() {
		return version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
