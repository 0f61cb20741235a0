package io.staysync.integrations.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.staysync.channels.ChannelType;
import io.staysync.common.InvalidInputException;
import io.staysync.common.TooLargeException;
import io.staysync.integrations.internal.ImportReport.RowReport;
import io.staysync.integrations.internal.MappingCsv.Row;
import io.staysync.integrations.internal.MappingManagement.MappingRequest;
import io.staysync.integrations.internal.MappingManagement.Stored;

/**
 * Maps listings from a CSV file ({@link MappingCsv}): each row is checked and stored on
 * its own, so that a bad row is refused with its reason and never stops the good ones;
 * listings not in the file stay as they are. Rows are stored in transactions of
 * {@value #CHUNK} rows, written together (new mappings in JDBC batches), each audited
 * like any mapping change. A dry run checks and stores every row exactly the same way,
 * then rolls back: its report is what the import would do.
 */
@Service
public class MappingImport {

	static final int CHUNK = 1000;

	private final MappingManagement mappings;

	private final ListingMappingRepository repository;

	private final ImportedProperties properties;

	private final MappingSettings settings;

	private final TransactionTemplate transactions;

	private final Clock clock;

	MappingImport(MappingManagement mappings, ListingMappingRepository repository, ImportedProperties properties,
			MappingSettings settings, PlatformTransactionManager transactions, Clock clock) {
		this.mappings = mappings;
		this.repository = repository;
		this.properties = properties;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactions);
		this.clock = clock;
	}

	/**
	 * @throws TooLargeException for a file over the byte or row limit, storing nothing
	 */
	public ImportReport run(ChannelType type, byte[] csv, boolean dryRun) {
		if (csv.length > settings.importMaxBytes()) {
			throw new TooLargeException("An import may be at most " + settings.importMaxBytes()
					+ " bytes; this file has " + csv.length + ". Split it into several files.");
		}
		Integration integration = mappings.configured(type);
		MappingCsv.Parsed parsed = MappingCsv.parse(csv, settings.importMaxRows());
		ImportedProperties.Lookup lookup = properties.lookup();
		Map<String, ListingMapping> stored = mappings.storedMappings(integration);
		Map<String, Long> seen = new HashMap<>();
		List<RowReport> reports = new ArrayList<>();
		List<Row> rows = parsed.rows();
		for (int from = 0; from < rows.size(); from += CHUNK) {
			List<Row> chunk = rows.subList(from, Math.min(rows.size(), from + CHUNK));
			transactions.executeWithoutResult(status -> {
				Map<String, List<String>> changes = new LinkedHashMap<>();
				List<ListingMapping> changed = new ArrayList<>();
				for (Row row : chunk) {
					reports.add(importRow(integration, row, lookup, stored, seen, changes, changed));
				}
				repository.saveAll(changed).forEach(saved -> stored.put(saved.externalListingId(), saved));
				if (dryRun) {
					status.setRollbackOnly();
				}
				else {
					mappings.audit(type, withSource(changes));
				}
			});
		}
		return ImportReport.of(dryRun, reports, parsed.stoppedAt());
	}

	private RowReport importRow(Integration integration, Row row, ImportedProperties.Lookup lookup,
			Map<String, ListingMapping> stored, Map<String, Long> seen, Map<String, List<String>> changes,
			List<ListingMapping> changed) {
		String listing = row.listing() == null ? "" : row.listing().strip();
		if (listing.isEmpty()) {
			return RowReport.refused(row.number(), listing, "the listing id is empty");
		}
		if (listing.length() > 255) {
			return RowReport.refused(row.number(), listing, "the listing id is longer than 255 characters");
		}
		Long earlier = seen.putIfAbsent(listing, row.number());
		if (earlier != null) {
			return RowReport.refused(row.number(), listing, "the listing is already in row " + earlier);
		}
		ImportedProperties.Resolved property = lookup.resolve(row.property());
		if (property.id() == null) {
			return RowReport.refused(row.number(), listing, property.problem());
		}
		String url = row.feedUrl() == null || row.feedUrl().isBlank() ? null : row.feedUrl().strip();
		MappingRequest request = new MappingRequest(listing, property.id(), url);
		if (MappingManagement.problem(request).isPresent()) {
			return RowReport.refused(row.number(), listing, "the feed URL " + MappingManagement.IMPORT_URL_RULE);
		}
		try {
			Stored result = mappings.storeUnsaved(integration, stored.get(listing), request, clock.instant(), changes);
			if (result.change() != MappingManagement.Change.UNCHANGED) {
				changed.add(result.mapping());
			}
			return RowReport.of(row.number(), listing, result.change());
		}
		catch (InvalidInputException refused) {
			return RowReport.refused(row.number(), listing, refused.problems().get(0).message());
		}
	}

	private static Map<String, List<String>> withSource(Map<String, List<String>> changes) {
		if (changes.isEmpty()) {
			return changes;
		}
		Map<String, List<String>> details = new LinkedHashMap<>();
		details.put("source", List.of("csv import"));
		details.putAll(changes);
		return details;
	}

}
