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
import type { DueReminder, ScheduleStore } from '../storage/schedules.js';
import type { RelapseStore } from '../storage/relapses.js';
import type { UserProfile, UserStore } from '../storage/users.js';
import { rescheduleUser } from './reschedule.js';
import { SendQueue, type QueuedSend } from './send-queue.js';
import { metrics } from '../ops/metrics.js';

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
  /** Called after every tick that ran (health: the scheduler is alive). */
  onTick?: () => void;
}

/** Due rows read per query; a tick repeats the query until it finds nothing new. */
const BATCH = 500;

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
export class ReminderScheduler {
  private readonly queue: SendQueue;
  private task: ScheduledTask | undefined;
  private followUp: NodeJS.Immediate | undefined;
  private stopped = false;

  constructor(
    private readonly deps: SchedulerDeps,
    private readonly options: SchedulerOptions,
  ) {
    this.queue = new SendQueue({
      ratePerSecond: options.ratePerSecond,
      retryDelaysMs: [2_000, 10_000, 30_000],
      logger: deps.logger,
    });
  }

  /** Gives users set up before reminders existed (or whose rows were lost) their schedule, then ticks. */
  start(): void {
    const now = this.deps.now();
    for (const userId of this.deps.schedules.usersMissingSchedules()) rescheduleUser(this.deps, userId, now);
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
  }

  /** Reminders waiting in the queue or being sent. */
  get pending(): number {
    return this.queue.size;
  }

  /**
   * Queues every reminder due by now that is not queued already. Cheap when nothing is due: one
   * index range scan that finds no rows. Never throws (a tick that fails is logged and the next
   * one tries again).
   */
  tick(): number {
    if (this.stopped) return 0;
    try {
      const now = this.deps.now();
      let queued = 0;
      for (;;) {
        const due = this.deps.schedules.due(now, BATCH);
        let added = 0;
        for (const row of due) {
          if (this.queue.enqueue(keyOf(row), () => this.prepare(row))) added++;
        }
        queued += added;
        if (due.length < BATCH || added === 0) break;
      }
      if (queued > 0) this.deps.logger.debug({ queued }, 'reminders due');
      this.options.onTick?.();
      return queued;
    } catch (error) {
      this.deps.logger.error({ err: describeError(error) }, 'reminder tick failed');
      return 0;
    }
  }

  /** Stops ticking, lets sends in flight finish (up to `timeoutMs`), drops what has not started. */
  async stop(timeoutMs = 5_000): Promise<void> {
    this.stopped = true;
    if (this.followUp) clearImmediate(this.followUp);
    await this.task?.stop();
    await this.task?.destroy();
    await this.queue.drain(timeoutMs);
  }

  /**
   * Decides one due reminder the moment its turn to be sent comes: claims it (writing the ledger
   * and moving the schedule on in one transaction) and returns the send, or returns null when it
   * is not to be sent (missed, already checked in, blocked, claimed before).
   */
  private prepare(row: DueReminder): QueuedSend<Message> | null {
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
      schedules.claim({ ...base, next, status: 'missed' });
      countReminder(row.kind, false, 'missed');
      logger.info({ user: row.userId, kind: row.kind, due_at: row.dueAt.toISOString() }, 'reminder missed (bot was down)');
      if (next && next.getTime() <= now.getTime()) this.tickSoon();
      return null;
    }

    const next = this.nextAfter(profile, row.kind, row.dueAt);
    if (profile.blockedAt) {
      schedules.claim({ ...base, next, status: 'blocked' });
      countReminder(row.kind, false, 'blocked');
      return null;
    }
    if (row.kind !== 'evening' && this.checkedInOrChecking(profile.id, localDate)) {
      schedules.claim({ ...base, next, status: 'skipped' });
      return null;
    }
    if (!schedules.claim({ ...base, next, status: 'claimed' })) return null;

    let message: ScheduledMessage;
    try {
      message = this.messageFor(profile, row.kind, localDate, now);
    } catch (error) {
      // The Sunday chart failed to render, say: the plain wind-down still goes out.
      logger.error({ user: row.userId, err: describeError(error) }, 'building a reminder failed; sending the plain one');
      message = windDownMessage(this.deps.translator(profile.locale), profile, localDate);
    }
    return this.sendClaimed({ userId: row.userId, kind: row.kind, localDate }, message);
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
      schedules.claim({ ...base, status: 'missed' });
      countReminder(row.kind, false, 'missed');
      return null;
    }
    if (profile.blockedAt) {
      schedules.claim({ ...base, status: 'blocked' });
      countReminder(row.kind, false, 'blocked');
      return null;
    }
    if (!schedules.claim({ ...base, status: 'claimed' })) return null;
    const text = followUpMessage(this.deps.translator(profile.locale));
    return this.sendClaimed({ userId: row.userId, kind: row.kind, localDate }, { text, keyboard: new InlineKeyboard() });
  }

  /** Sends a message whose ledger row this process has just claimed, and records how it ended. */
  private sendClaimed(key: { userId: number; kind: ReminderKind; localDate: string }, message: ScheduledMessage): QueuedSend<Message> {
    const { api, users, schedules, logger } = this.deps;
    // A follow-up exists only because of a crisis response: logs say "scheduled", never which.
    const kind = key.kind === 'followup' ? 'scheduled' : key.kind;
    return {
      // grammY types its signal with the abort-controller shim; the platform's is what it uses.
      attempt: (signal): Promise<Message> =>
        message.photo
          ? api.sendPhoto(key.userId, new InputFile(message.photo, 'steady-nights-week.png'), { caption: message.text, reply_markup: message.keyboard }, signal as never)
          : api.sendMessage(
              key.userId,
              message.text,
              message.keyboard.inline_keyboard.length > 0 ? { reply_markup: message.keyboard } : {},
              signal as never,
            ),
      onSent: (sent) => {
        schedules.finish(key, 'sent', sent.message_id, this.deps.now());
        countReminder(key.kind, Boolean(message.photo), 'sent');
        logger.debug({ user: key.userId, kind }, 'reminder sent');
      },
      onFailed: (error) => {
        if (isBlocked(error)) {
          users.markBlocked(key.userId, this.deps.now());
          schedules.finish(key, 'blocked', null, this.deps.now());
          countReminder(key.kind, Boolean(message.photo), 'blocked');
          logger.info({ user: key.userId, kind }, 'user blocked the bot; reminders paused until they write');
          return;
        }
        schedules.finish(key, 'failed', null, this.deps.now());
        countReminder(key.kind, Boolean(message.photo), 'failed');
        logger.warn({ user: key.userId, kind, err: describeError(error) }, 'reminder could not be sent');
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

  private messageFor(profile: UserProfile, kind: ReminderKind, localDate: string, now: Date): ScheduledMessage {
    const t = this.deps.translator(profile.locale);
    if (kind === 'evening') {
      return isSummaryEvening(localDate)
        ? weeklyOrWindDownMessage(t, this.deps, profile, localDate, now)
        : windDownMessage(t, profile, localDate);
    }
    return morningPrompt(t, localDate, { again: kind === 'snooze' });
  }

  /** Another pass right after this one, for occurrences a catch-up made due. */
  private tickSoon(): void {
    if (this.followUp || this.stopped) return;
    this.followUp = setImmediate(() => {
      this.followUp = undefined;
      this.tick();
    });
  }
}

/** Metrics by kind of message (a snooze is a morning prompt; a Sunday evening with a chart is the weekly summary). */
function countReminder(kind: ReminderKind, withChart: boolean, outcome: 'sent' | 'missed' | 'blocked' | 'failed'): void {
  const label = kind === 'evening' ? (withChart ? 'weekly' : 'winddown') : kind === 'followup' ? 'followup' : 'morning';
  metrics.reminders.inc({ kind: label, outcome });
}

const keyOf = (row: Pick<DueReminder, 'userId' | 'kind'>) => `${row.userId}:${row.kind}`;

/** 403: the user blocked the bot or deleted their account. */
function isBlocked(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 403;
}
