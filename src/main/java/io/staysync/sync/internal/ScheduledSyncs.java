package io.staysync.sync.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.PlainScheduleAndData;

import io.staysync.integrations.ChannelAccount;
import io.staysync.integrations.ChannelAccounts;
import io.staysync.integrations.IntegrationChanged;
import io.staysync.sync.SyncTrigger;

/**
 * Keeps one scheduled execution per active integration at its interval: added when an
 * integration becomes active, rescheduled when its interval changes, removed when it is
 * deactivated; reconciled at start-up. Executions fall on slots spread over the interval
 * by integration ({@link SpreadInterval}), so integrations activated together or picked
 * up again after a restart do not all fall due at once. A due execution runs the sync in
 * the scheduler's thread, so its heartbeat covers the whole run. A connector that sets
 * its own pace (a pulled queue, such as Booking.com's every 30 seconds) is polled at that
 * pace instead of the integration's interval in minutes; one run per integration at a
 * time still holds, so two pulls of one integration never overlap.
 */
@Component
class ScheduledSyncs {

	private static final Logger log = LoggerFactory.getLogger(ScheduledSyncs.class);

	private final ChannelAccounts accounts;

	private final SyncLauncher launcher;

	private final ObjectProvider<SchedulerClient> scheduler;

	private final SyncPace pace;

	/**
	 * db-scheduler compares due times with the system clock, so executions are placed on
	 * it too, never on the application's (possibly fixed or offset) domain clock.
	 */
	private final Clock schedulerClock = Clock.systemUTC();

	ScheduledSyncs(ChannelAccounts accounts, SyncLauncher launcher, ObjectProvider<SchedulerClient> scheduler,
			SyncPace pace) {
		this.pace = pace;
		this.accounts = accounts;
		this.launcher = launcher;
		this.scheduler = scheduler;
	}

	void run(UUID integrationId) {
		accounts.find(integrationId)
			.filter(ChannelAccount::active)
			.ifPresent(account -> launcher.runNow(account.type(), SyncTrigger.SCHEDULED));
	}

	@ApplicationModuleListener
	void on(IntegrationChanged changed) {
		accounts.find(changed.integrationId()).ifPresent(this::follow);
	}

	@EventListener(ApplicationReadyEvent.class)
	void reconcile() {
		accounts.all().forEach(this::follow);
	}

	private void follow(ChannelAccount account) {
		TaskInstanceId id = TaskInstanceId.of(SyncScheduling.TASK, account.id().toString());
		Optional<ScheduledExecution<Object>> scheduled = scheduler.getObject().getScheduledExecution(id);
		if (!account.active()) {
			if (scheduled.isPresent()) {
				scheduler.getObject().cancel(id);
				log.info("Stopped scheduled syncs of {}", account.type().path());
			}
			return;
		}
		Duration interval = pace.interval(account);
		SpreadInterval schedule = SpreadInterval.of(interval, account.id());
		PlainScheduleAndData data = new PlainScheduleAndData(schedule, account.id().toString());
		if (scheduled.isPresent() && schedule.equals(scheduleOf(scheduled.get()))) {
			// A restart, or a change that leaves the pace alone, keeps the slot: an
			// overdue execution still runs at once, and the next falls on the phase.
			return;
		}
		// The first scheduled run comes at the integration's next slot, within one
		// interval: a manager who wants one now syncs by hand.
		Instant first = schedule.next(schedulerClock.instant());
		if (scheduled.isPresent()) {
			scheduler.getObject().reschedule(id, first, data);
		}
		else {
			scheduler.getObject()
				.scheduleIfNotExists(new TaskInstance<>(SyncScheduling.TASK, account.id().toString(), data), first);
			log.info("Scheduled syncs of {} every {}", account.type().path(), interval);
		}
	}

	private static Object scheduleOf(ScheduledExecution<Object> execution) {
		return execution.getData() instanceof PlainScheduleAndData data ? data.getSchedule() : null;
	}

}
