import type { Config } from '../config.js';
import type { Logger } from '../logger.js';
import type { Db } from '../storage/db.js';
import type { UserStore } from '../storage/users.js';
import type { CheckinStore } from '../storage/checkins.js';
import type { ScheduleStore } from '../storage/schedules.js';
import type { RelapseStore } from '../storage/relapses.js';
import type { CrisisEventStore } from '../storage/crisis-events.js';
import type { WakeStore } from '../storage/wakes.js';

/** Services the handlers need, built once in main.ts and handed to createBot. */
export interface Deps {
  config: Config;
  logger: Logger;
  db: Db;
  users: UserStore;
  checkins: CheckinStore;
  schedules: ScheduleStore;
  relapses: RelapseStore;
  crisisEvents: CrisisEventStore;
  /** Night-companion wakes (migration 006). */
  wakes: WakeStore;
  /** The clock, injectable so tests can pin "now". Always read through this, never `new Date()`. */
  now: () => Date;
}
