package io.staysync.integrations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.staysync.integrations.internal.ListingMapping;
import io.staysync.integrations.internal.MappingManagement.MappingRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The rows of the sync dialog, one page of the mappings at a time: channel listing, local
 * property and, in iCal mode, the feed URL. A stored feed URL is never sent to the page
 * (it carries the channel's secret token): its row shows the host, and a blank field
 * keeps it.
 */
public class MappingRows {

	@Valid
	@Size(max = 200, message = "at most 200 listings at once")
	private List<Row> rows = new ArrayList<>();

	/**
	 * Whether the form showed one page of the mappings (the dialog always does): saving
	 * it then changes only that page, and {@link #shown} says which listings it held.
	 * Without it, the rows are the whole set.
	 */
	private boolean paged;

	@Size(max = 200)
	private List<String> shown = new ArrayList<>();

	static MappingRows of(List<ListingMapping> mappings) {
		MappingRows form = new MappingRows();
		mappings.forEach(m -> {
			Row row = new Row();
			row.setExternalListingId(m.externalListingId());
			row.setPropertyId(m.propertyId());
			row.setStoredFeedHost(
					m.importUrlConfigured() ? (m.importUrlHost() == null ? "configured" : m.importUrlHost()) : null);
			form.rows.add(row);
		});
		return form;
	}

	List<MappingRequest> toRequests() {
		return rows.stream()
			.map(r -> new MappingRequest(r.externalListingId.strip(), r.propertyId,
					r.importUrl == null || r.importUrl.isBlank() ? null : r.importUrl.strip()))
			.toList();
	}

	/**
	 * The listings the page showed that are no longer in its rows: removed on the page,
	 * so to be unmapped.
	 */
	List<String> removed() {
		Set<String> kept = rows.stream()
			.map(Row::getExternalListingId)
			.filter(Objects::nonNull)
			.map(String::strip)
			.collect(Collectors.toSet());
		return shown.stream().filter(listing -> !kept.contains(listing)).toList();
	}

	public boolean isPaged() {
		return paged;
	}

	public void setPaged(boolean paged) {
		this.paged = paged;
	}

	public List<String> getShown() {
		return shown;
	}

	public void setShown(List<String> shown) {
		this.shown = shown;
	}

	public List<Row> getRows() {
		return rows;
	}

	public void setRows(List<Row> rows) {
		this.rows = rows;
	}

	/** One listing. */
	public static class Row {

		@NotBlank(message = "enter the listing's id on the channel")
		@Size(max = 255)
		private String externalListingId;

		@NotNull(message = "choose a property")
		private UUID propertyId;

		@Size(max = 2048)
		private String importUrl;

		private String storedFeedHost;

		public String getExternalListingId() {
			return externalListingId;
		}

		public void setExternalListingId(String externalListingId) {
			this.externalListingId = externalListingId;
		}

		public UUID getPropertyId() {
			return propertyId;
		}

		public void setPropertyId(UUID propertyId) {
			this.propertyId = propertyId;
		}

		public String getImportUrl() {
			return null;
		}

		public void setImportUrl(String importUrl) {
			this.importUrl = importUrl;
		}

		public String getStoredFeedHost() {
			return storedFeedHost;
		}

		public void setStoredFeedHost(String storedFeedHost) {
			this.storedFeedHost = storedFeedHost;
		}

	}

}
