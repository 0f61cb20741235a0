package io.staysync.integrations.internal;

import java.util.List;

import io.staysync.integrations.internal.MappingManagement.Change;

/**
 * What a CSV import did, row by row: counts per outcome, each row's outcome with the
 * reason of a refusal, and why reading stopped early when the file broke off. A feed URL
 * is never repeated in it (it carries the channel's secret token).
 */
public record ImportReport(boolean dryRun, int rows, int created, int updated, int unchanged, int refused,
		String stoppedAt, List<RowReport> rowReports) {

	static ImportReport of(boolean dryRun, List<RowReport> reports, String stoppedAt) {
		return new ImportReport(dryRun, reports.size(), count(reports, "created"), count(reports, "updated"),
				count(reports, "unchanged"), count(reports, "refused"), stoppedAt, List.copyOf(reports));
	}

	private static int count(List<RowReport> reports, String outcome) {
		return (int) reports.stream().filter(report -> report.outcome().equals(outcome)).count();
	}

	/** Only the refused rows, for a page that shows what needs fixing. */
	public List<RowReport> refusals() {
		return rowReports.stream().filter(report -> report.outcome().equals("refused")).toList();
	}

	/**
	 * One row: its number as a spreadsheet shows it (the header is row 1), its listing id
	 * (cut to 100 characters), {@code created}, {@code updated}, {@code unchanged} or
	 * {@code refused}, and the reason of a refusal.
	 */
	public record RowReport(long row, String externalListingId, String outcome, String reason) {

		static RowReport of(long row, String listing, Change change) {
			return new RowReport(row, shown(listing), change.name().toLowerCase(java.util.Locale.ROOT), null);
		}

		static RowReport refused(long row, String listing, String reason) {
			return new RowReport(row, shown(listing), "refused", reason);
		}

		private static String shown(String listing) {
			return listing.length() <= 100 ? listing : listing.substring(0, 99) + "…";
		}

	}

}
