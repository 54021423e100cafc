import cron, { type ScheduledTask } from 'node-cron';
import { GrammyError, InlineKeyboard, InputFile, type Api } from 'grammy';
import type { Message } from 'grammy/types';
import type { Logger } from '../logger.js';
import { describeError } from '../bot/errors.js';
import { morningPrompt, type ScheduledMessage } from '../bot/messages/morning.js';
import { followUpMessage } from '../bot/messages/crisis.js';
import { isSummaryEvening, weeklyOrWindDownMessage, windDownMessage } from '../bot/messages/winddown.js';
import type { Translate } from '../bot/messages/translate.js';
import { isTooLate, LATE_LIMIT_MS, reminderDate, type ReminderKind } from '../domain/reminders.js';
import { nextOccurrence } from '../domain/schedule.js';
import { isValidZone } from '../domain/timezone.js';
import type { CheckinStore } from '../storage/checkins.js';
import type { DueCursor, DueReminder, ScheduleStore } from '../storage/schedules.js';
import { metrics } from '../ops/metrics.js';
import { chartPoolHasRoom, warmChartPool } from '../chart/pool.js';
import type { RelapseStore } from '../storage/relapses.js';
import type { UserProfile, UserStore } from '../storage/users.js';
import { rescheduleUser } from './reschedule.js';
import { SendQueue, type QueuedSend } from './send-queue.js';

export interface SchedulerDeps {
  logger: Logger;
  users: UserStore;
  checkins: Pick<CheckinStore, 'night' | 'draft' | 'nights'>;
  relapses: Pick<RelapseStore, 'dates' | 'originalLastDoseDate'>;
  schedules: ScheduleStore;
  now: () => Date;
  /** The API scheduled messages go out through. */
  api: Api;
  /** A translation function for a stored locale. */
  translator: (locale: string) => Translate;
}

export interface SchedulerOptions {
  /** node-cron expression of the tick; `* * * * *` in production. */
  cron: string;
  ratePerSecond: number;
  /** Scheduled sends carry `allow_paid_broadcast` (needed above 30/s; Telegram charges Stars). */
  allowPaidBroadcast?: boolean;
  /** Ledger rows due longer ago than this are pruned (default 14 days). */
  deliveryRetentionDays?: number;
  /** Called after every tick (the process's liveness records it). */
  onTick?: () => void;
}

/** Due rows read per query. */
const PAGE = 500;
/** Ledger rows deleted per statement, and at most per tick. */
const PRUNE_BATCH = 1_000;
const PRUNE_PER_TICK = 20_000;
/** Users checked per step of the start-up check for missing schedules. */
const MISSING_CHUNK = 2_000;
const DAY_MS = 86_400_000;

/**
 * A Sunday chart is drawn only when the renderer can start it soon: with more than a couple
 * waiting (a broadcast outpacing the worker) the plain wind-down goes out instead, so the
 * send rate never waits for charts.
 */
const WEEKLY_RENDER_LIMITS = { maxWaiting: 2, timeoutMs: 10_000 };

/** The `kind` label of the reminders metric. */
function metricKind(kind: ReminderKind, weekly: boolean): string {
  if (kind === 'snooze') return 'snooze';
  if (kind === 'followup') return 'followup';
  if (kind === 'evening') return weekly ? 'weekly' : 'winddown';
  return 'morning';
}

/**
 * Sends the morning prompts and evening wind-downs.
 *
 * Each minute a tick reads the reminders due by now from one index (`schedules.next_due_at`) and
 * queues them. When an item reaches the head of the send queue it is decided and claimed in one
 * transaction — the schedule moves on to the next occurrence and the ledger row (user, kind,
 * local date) is written — and only a claim that wrote the ledger row is sent. So a restart or a
 * crash at any point can lose at most the sends in flight, never send one twice; and a reminder
 * found more than 2 hours late (the bot was down) is recorded as missed instead of sent.
 */
/** The chart worker starts this long after the scheduler, clear of the first poll. */
const CHART_WARM_UP_DELAY_MS = 2_000;

export class ReminderScheduler {
  private readonly queue: SendQueue;
  private task: ScheduledTask | undefined;
  private followUp: NodeJS.Immediate | undefined;
  private background: NodeJS.Immediate | undefined;
  private warmUp: NodeJS.Timeout | undefined;
  private stopped = false;
  /** How many items the queue is kept topped up to (a few seconds of sends). */
  private readonly target: number;
  /** Where the current sweep of the due rows has got to; null: the next read starts at the earliest. */
  private cursor: DueCursor | null = null;
  private readonly retentionMs: number;

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly options: SchedulerOptions,
  ) {
    this.target = Math.min(5_000, Math.max(100, Math.ceil(options.ratePerSecond * 4)));
    this.retentionMs = (options.deliveryRetentionDays ?? 14) * DAY_MS;
    this.queue = new SendQueue({
      ratePerSecond: options.ratePerSecond,
      retryDelaysMs: [2_000, 10_000, 30_000],
      logger: deps.logger,
      // Read the next page while a couple of seconds of sends are still waiting: the rate holds
      // however many are due, not just the first page of a tick.
      lowWater: Math.floor(this.target / 2),
      onLow: () => this.fill(),
      onRateLimited: () => metrics.telegram429.inc(),
    });
  }

  /**
   * Starts ticking (a first tick at once). Users set up before reminders existed (or whose rows
   * were lost) get their schedule from a background check, a chunk of users at a time, so start-up
   * does not read every user before the first poll.
   */
  start(): void {
    this.task = cron.schedule(this.options.cron, () => this.tick(), {
      name: 'reminders',
      noOverlap: true,
      logger: {
        info: () => {},
        warn: (message: string) => this.deps.logger.warn({ cron: message }, 'reminder tick'),
        error: (message: string | Error) => this.deps.logger.error({ cron: String(message) }, 'reminder tick failed'),
        debug: () => {},
      },
    });
    // Whatever fell due while the bot was down goes out (or is recorded missed) at once.
    this.tick();
    this.scheduleMissing(0);
    // Load the chart renderer in its worker thread soon after polling has started (Sunday
    // summaries and /progress then do not wait for a cold start of several seconds); it loads off
    // this thread, but on two cores a worker loading ECharts and resvg slows the first poll.
    this.warmUp = setTimeout(() => warmChartPool(), CHART_WARM_UP_DELAY_MS);
    this.warmUp.unref();
  }

  /** One chunk of the missing-schedules check, then the next on a later turn of the event loop. */
  private scheduleMissing(afterId: number): void {
    if (this.stopped) return;
    this.background = setImmediate(() => {
      this.background = undefined;
      try {
        const { missing, lastId } = this.deps.schedules.usersMissingSchedulesChunk(afterId, MISSING_CHUNK);
        const now = this.deps.now();
        for (const userId of missing) rescheduleUser(this.deps, userId, now);
        if (missing.length > 0) this.fill();
        if (lastId !== null) this.scheduleMissing(lastId);
      } catch (error) {
        this.deps.logger.error({ err: describeError(error) }, 'checking for missing schedules failed');
      }
    });
  }

  /** Reminders waiting in the queue or being sent. */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * Tops the send queue up with reminders due by now (see `fill`), prunes a little of the ledger,
   * and reports the tick. Cheap when nothing is due: one index range scan that finds no rows.
   * Never throws (a tick that fails is logged and the next one tries again).
   */
  tick(): number {
    if (this.stopped) return 0;
    const started = performance.now();
    const queued = this.fill();
    this.prune();
    metrics.tickDuration.observe((performance.now() - started) / 1000);
    try {
      this.options.onTick?.();
    } catch (error) {
      this.deps.logger.error({ err: describeError(error) }, 'tick callback failed');
    }
    return queued;
  }

  /**
   * Queues due reminders, in due order, until a few seconds of sends are waiting, reading the due
   * index page by page from where the last read stopped (keyset paging). Called by the tick and by
   * the queue when it runs low, so the queue is fed at the configured rate however many are due.
   * A sweep that reaches the end of what is due starts again from the earliest next time, which
   * picks up rows that became due behind the cursor (a time changed, a snooze): none starves.
   */
  private fill(): number {
    if (this.stopped) return 0;
    try {
      const now = this.deps.now();
      let queued = 0;
      while (this.queue.waiting < this.target) {
        const want = Math.min(PAGE, this.target - this.queue.waiting);
        const rows = this.deps.schedules.duePage(now, this.cursor, want);
        for (const row of rows) {
          if (this.queue.enqueue(keyOf(row), () => this.prepare(row))) queued++;
        }
        if (rows.length < want) {
          this.cursor = null;
          break;
        }
        this.cursor = rows.at(-1)!.cursor;
      }
      metrics.sendQueueDepth.set(this.queue.size);
      if (queued > 0) this.deps.logger.debug({ queued }, 'reminders due');
      this.options.onTick?.();
      return queued;
    } catch (error) {
      this.deps.logger.error({ err: describeError(error) }, 'reminder tick failed');
      return 0;
    }
  }

  /**
   * Deletes ledger rows older than the retention, in small batches. The ledger only has to
   * remember a reminder while it could be claimed again (about a day; see config's
   * MIN_RETENTION_DAYS), so it stays about `retention × users × 2` rows however long the bot runs.
   */
  private prune(): void {
    try {
      const before = new Date(this.deps.now().getTime() - this.retentionMs);
      for (let deleted = 0; deleted < PRUNE_PER_TICK; ) {
        const batch = this.deps.schedules.pruneDeliveries(before, PRUNE_BATCH);
        deleted += batch;
        if (batch < PRUNE_BATCH) break;
      }
    } catch (error) {
      this.deps.logger.error({ err: describeError(error) }, 'pruning the delivery ledger failed');
    }
  }

  /** Stops ticking, lets sends in flight finish (up to `timeoutMs`), drops what has not started. */
  async stop(timeoutMs = 5_000): Promise<void> {
    this.stopped = true;
    if (this.followUp) clearImmediate(this.followUp);
    if (this.background) clearImmediate(this.background);
    clearTimeout(this.warmUp);
    await this.task?.stop();
    await this.task?.destroy();
    await this.queue.drain(timeoutMs);
  }

  /**
   * Decides one due reminder the moment its turn to be sent comes: claims it (writing the ledger
   * and moving the schedule on in one transaction) and returns the send, or returns null when it
   * is not to be sent (missed, already checked in, blocked, claimed before).
   */
  private prepare(row: DueReminder): QueuedSend<Message> | Promise<QueuedSend<Message>> | null {
    if (row.kind === 'followup') return this.prepareFollowUp(row);
    const { users, schedules, checkins, logger } = this.deps;
    const now = this.deps.now();
    const profile = users.get(row.userId);
    if (!profile?.onboardedAt || !profile.timeZone || !isValidZone(profile.timeZone)) {
      schedules.removeAll(row.userId);
      return null;
    }
    const enabled = row.kind === 'evening' ? profile.eveningEnabled : profile.morningEnabled;
    if (!enabled) {
      schedules.remove(row.userId, row.kind);
      return null;
    }
    const zone = profile.timeZone;
    const localDate = reminderDate(row.kind, row.dueAt, zone);
    const base = { userId: row.userId, kind: row.kind, dueAt: row.dueAt, localDate, now };

    if (isTooLate(row.dueAt, now)) {
      // Skip straight to the first occurrence that is not too late, so a long outage is one
      // `missed` row, and today's reminder (if still within 2 hours) follows at once.
      const next = this.nextAfter(profile, row.kind, new Date(Math.max(row.dueAt.getTime(), now.getTime() - LATE_LIMIT_MS - 1)));
      if (schedules.claim({ ...base, next, status: 'missed' })) metrics.reminders.inc({ kind: metricKind(row.kind, false), outcome: 'missed' });
      logger.info({ user: row.userId, kind: row.kind, due_at: row.dueAt.toISOString() }, 'reminder missed (bot was down)');
      if (next && next.getTime() <= now.getTime()) this.tickSoon();
      return null;
    }

    const next = this.nextAfter(profile, row.kind, row.dueAt);
    if (profile.blockedAt) {
      if (schedules.claim({ ...base, next, status: 'blocked' })) metrics.reminders.inc({ kind: metricKind(row.kind, false), outcome: 'blocked' });
      return null;
    }
    if (row.kind !== 'evening' && this.checkedInOrChecking(profile.id, localDate)) {
      schedules.claim({ ...base, next, status: 'skipped' });
      return null;
    }
    if (!schedules.claim({ ...base, next, status: 'claimed' })) return null;

    const t = this.deps.translator(profile.locale);
    if (row.kind === 'evening' && isSummaryEvening(localDate)) {
      if (!chartPoolHasRoom(WEEKLY_RENDER_LIMITS)) {
        // The renderer is behind (a broadcast outpacing it): the plain wind-down goes out in this
        // slot, without first building a summary the pool would refuse.
        logger.info({ user: row.userId, reason: 'ChartBusyError' }, 'weekly chart not ready; sending the plain wind-down');
        return this.sendOf(row, localDate, windDownMessage(t, profile, localDate));
      }
      // The Sunday chart renders in the worker pool after the claim; meanwhile the queue's slots
      // go to other reminders (building holds no slot). Slow or failed: the plain wind-down.
      return weeklyOrWindDownMessage(t, this.deps, profile, localDate, now, WEEKLY_RENDER_LIMITS)
        .catch((error: unknown) => {
          logger.info({ user: row.userId, reason: error instanceof Error ? error.name : 'unknown' }, 'weekly chart not ready; sending the plain wind-down');
          return windDownMessage(t, profile, localDate);
        })
        .then((message) => this.sendOf(row, localDate, message));
    }
    const message = row.kind === 'evening' ? windDownMessage(t, profile, localDate) : morningPrompt(t, localDate, { again: row.kind === 'snooze' });
    return this.sendOf(row, localDate, message);
  }

  /**
   * The one message a few hours after "I'm safe for now" (see bot/crisis/respond.ts). It has no
   * next occurrence, and any user with a profile gets it — set up or not — unless it is found
   * more than 2 hours late or they blocked the bot. Claimed before it is sent, like the others.
   */
  private prepareFollowUp(row: DueReminder): QueuedSend<Message> | null {
    const { users, schedules } = this.deps;
    const now = this.deps.now();
    const profile = users.get(row.userId);
    if (!profile) {
      schedules.remove(row.userId, row.kind);
      return null;
    }
    const zone = profile.timeZone && isValidZone(profile.timeZone) ? profile.timeZone : 'UTC';
    const localDate = reminderDate(row.kind, row.dueAt, zone);
    const base = { userId: row.userId, kind: row.kind, dueAt: row.dueAt, localDate, now, next: null };
    if (isTooLate(row.dueAt, now)) {
      if (schedules.claim({ ...base, status: 'missed' })) metrics.reminders.inc({ kind: metricKind(row.kind, false), outcome: 'missed' });
      return null;
    }
    if (profile.blockedAt) {
      if (schedules.claim({ ...base, status: 'blocked' })) metrics.reminders.inc({ kind: metricKind(row.kind, false), outcome: 'blocked' });
      return null;
    }
    if (!schedules.claim({ ...base, status: 'claimed' })) return null;
    const text = followUpMessage(this.deps.translator(profile.locale));
    return this.sendOf(row, localDate, { text, keyboard: new InlineKeyboard() });
  }

  /** The send of a claimed reminder, and how its outcome is recorded. */
  private sendOf(row: DueReminder, localDate: string, message: ScheduledMessage): QueuedSend<Message> {
    const { users, schedules, logger, api } = this.deps;
    const key = { userId: row.userId, kind: row.kind, localDate };
    const kind = metricKind(row.kind, Boolean(message.photo));
    // A follow-up exists only because of a crisis response: logs say "scheduled", never which.
    const logKind = row.kind === 'followup' ? 'scheduled' : row.kind;
    const paid = this.options.allowPaidBroadcast ? { allow_paid_broadcast: true } : {};
    return {
      // grammY types its signal with the abort-controller shim; the platform's is what it uses.
      attempt: (signal): Promise<Message> =>
        message.photo
          ? api.sendPhoto(row.userId, new InputFile(message.photo, 'steady-nights-week.png'), { caption: message.text, reply_markup: message.keyboard, ...paid }, signal as never)
          : api.sendMessage(
              row.userId,
              message.text,
              { ...(message.keyboard.inline_keyboard.length > 0 ? { reply_markup: message.keyboard } : {}), ...paid },
              signal as never,
            ),
      onSent: (sent) => {
        schedules.finish(key, 'sent', sent.message_id, this.deps.now());
        metrics.reminders.inc({ kind, outcome: 'sent' });
        metrics.sendQueueDepth.set(this.queue.size);
        logger.debug({ user: row.userId, kind: logKind }, 'reminder sent');
      },
      onFailed: (error) => {
        metrics.sendQueueDepth.set(this.queue.size);
        if (isBlocked(error)) {
          users.markBlocked(key.userId, this.deps.now());
          schedules.finish(key, 'blocked', null, this.deps.now());
          metrics.reminders.inc({ kind, outcome: 'blocked' });
          logger.info({ user: row.userId, kind: logKind }, 'user blocked the bot; reminders paused until they write');
          return;
        }
        schedules.finish(key, 'failed', null, this.deps.now());
        metrics.reminders.inc({ kind, outcome: 'failed' });
        logger.warn({ user: row.userId, kind: logKind, err: describeError(error) }, 'reminder could not be sent');
      },
    };
  }

  /** Where the schedule moves on to; a snooze happens once, so it has no next. */
  private nextAfter(profile: UserProfile, kind: ReminderKind, after: Date): Date | null {
    if (kind === 'snooze') return null;
    const time = kind === 'evening' ? profile.eveningTime : profile.morningTime;
    return nextOccurrence(time, profile.timeZone!, after);
  }

  /** A morning already answered, or being answered right now, needs no prompt. */
  private checkedInOrChecking(userId: number, date: string): boolean {
    if (this.deps.checkins.night(userId, date)?.complete) return true;
    return this.deps.checkins.draft(userId)?.date === date;
  }

  /** Another pass right after this one, for occurrences a catch-up made due. */
  private tickSoon(): void {
    if (this.followUp || this.stopped) return;
    this.followUp = setImmediate(() => {
      this.followUp = undefined;
      this.fill();
    });
  }
}

/** Metrics by kind of message (a snooze is a morning prompt; a Sunday evening with a chart is the weekly summary). */
const keyOf = (row: Pick<DueReminder, 'userId' | 'kind'>) => `${row.userId}:${row.kind}`;

/** 403: the user blocked the bot or deleted their account. */
function isBlocked(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}
