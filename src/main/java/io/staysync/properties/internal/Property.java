package io.staysync.properties.internal;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.Table;

import io.staysync.properties.PropertyRef;

/** A rentable unit. Its time zone is the one every stay date of it is read in. */
@Table("properties")
public class Property {

	@Id
	private final UUID id;

	private String name;

	private String timeZone;

	private LocalTime checkInTime;

	private LocalTime checkOutTime;

	private int maxGuests;

	@Embedded.Nullable
	private Address address;

	private final Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Property(UUID id, String name, String timeZone, LocalTime checkInTime, LocalTime checkOutTime, int maxGuests,
			Address address, Instant createdAt, Instant updatedAt, Long version) {
		this.id = id;
		this.name = name;
		this.timeZone = timeZone;
		this.checkInTime = checkInTime;
		this.checkOutTime = checkOutTime;
		this.maxGuests = maxGuests;
		this.address = address;
		this.createdAt = createdAt;
		this.updatedAt = updatedAt;
		this.version = version;
	}

	static Property create(PropertyDetails details, Instant now) {
		Property property = new Property(UUID.randomUUID(), null, null, null, null, 0, null, now, now, null);
		property.apply(details, now);
		return property;
	}

	void apply(PropertyDetails details, Instant now) {
		this.name = details.name().trim();
		this.timeZone = details.timeZone();
		this.checkInTime = details.checkInTime();
		this.checkOutTime = details.checkOutTime();
		this.maxGuests = details.maxGuests();
		this.address = details.address();
		this.updatedAt = now;
	}

	PropertyRef toRef() {
		return new PropertyRef(id, name, ZoneId.of(timeZone), checkInTime, checkOutTime, maxGuests);
	}

	public UUID id() {
		return id;
	}

	public String name() {
		return name;
	}

	public String timeZone() {
		return timeZone;
	}

	public LocalTime checkInTime() {
		return checkInTime;
	}

	public LocalTime checkOutTime() {
		return checkOutTime;
	}

	public int maxGuests() {
		return maxGuests;
	}

	public Address address() {
		return address;
	}

	public Instant createdAt() {
		return createdAt;
	}

	public Instant updatedAt() {
		return updatedAt;
	}

	public Long version() {
		return version;
	}

	/** Postal address; every part optional. */
	public record Address(String addressLine1, String addressLine2, String city, String postalCode, String region,
			String countryCode) {
	}

}
