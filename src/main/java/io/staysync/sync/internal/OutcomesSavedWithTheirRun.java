package io.staysync.sync.internal;

import org.springframework.data.relational.core.mapping.event.AfterSaveCallback;
import org.springframework.stereotype.Component;

/**
 * Writes a finished run's outcomes when the run is saved, in the same transaction: the
 * runner keeps calling {@link SyncRun#finish} and saving the run, and the outcomes land
 * beside it in batches ({@link RunOutcomes}) instead of as a collection of the aggregate.
 */
@Component
class OutcomesSavedWithTheirRun implements AfterSaveCallback<SyncRun> {

	private final RunOutcomes outcomes;

	OutcomesSavedWithTheirRun(RunOutcomes outcomes) {
		this.outcomes = outcomes;
	}

	@Override
	public SyncRun onAfterSave(SyncRun run) {
		var unsaved = run.takeUnsavedOutcomes();
		if (!unsaved.isEmpty()) {
			outcomes.write(run.id(), unsaved);
		}
		return run;
	}

}
