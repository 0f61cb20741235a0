package io.staysync.integrations.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.staysync.integrations.internal.ListingMapping;
import io.staysync.integrations.internal.MappingManagement.MappingRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The rows of the sync dialog: channel listing, local property and, in iCal mode, the
 * feed URL. A stored feed URL is never sent to the page (it carries the channel's secret
 * token): its row shows the host, and a blank field keeps it.
 */
public class MappingRows {

	@Valid
	@Size(max = 200, message = "at most 200 listings at once")
	private List<Row> rows = new ArrayList<>();

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
