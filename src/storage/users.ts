import type { Db } from './db.js';
import type { LocalDate, LocalTime, UseStatus } from '../domain/types.js';

export interface UserProfile {
  id: number;
  locale: string;
  consentAt: string;
  status: UseStatus | null;
  lastDoseDate: LocalDate | null;
  quitDate: LocalDate | null;
  timeZone: string | null;
  morningTime: LocalTime;
  eveningTime: LocalTime;
  country: string;
  morningEnabled: boolean;
  eveningEnabled: boolean;
  onboardedAt: string | null;
  blockedAt: string | null;
}

/** The fields onboarding and settings may change. */
export type ProfilePatch = Partial<
  Pick<
    UserProfile,
    | 'locale'
    | 'status'
    | 'lastDoseDate'
    | 'quitDate'
    | 'timeZone'
    | 'morningTime'
    | 'eveningTime'
    | 'country'
    | 'morningEnabled'
    | 'eveningEnabled'
    | 'onboardedAt'
  >
>;

interface UserRow {
  id: number;
  locale: string;
  consent_at: string;
  status: UseStatus | null;
  last_dose_date: string | null;
  quit_date: string | null;
  time_zone: string | null;
  morning_time: string;
  evening_time: string;
  country: string;
  morning_enabled: number;
  evening_enabled: number;
  onboarded_at: string | null;
  blocked_at: string | null;
}

const COLUMN_OF: Record<keyof ProfilePatch, string> = {
  locale: 'locale',
  status: 'status',
  lastDoseDate: 'last_dose_date',
  quitDate: 'quit_date',
  timeZone: 'time_zone',
  morningTime: 'morning_time',
  eveningTime: 'evening_time',
  country: 'country',
  morningEnabled: 'morning_enabled',
  eveningEnabled: 'evening_enabled',
  onboardedAt: 'onboarded_at',
};

function toProfile(row: UserRow): UserProfile {
  return {
    id: row.id,
    locale: row.locale,
    consentAt: row.consent_at,
    status: row.status,
    lastDoseDate: row.last_dose_date,
    quitDate: row.quit_date,
    timeZone: row.time_zone,
    morningTime: row.morning_time,
    eveningTime: row.evening_time,
    country: row.country,
    morningEnabled: row.morning_enabled === 1,
    eveningEnabled: row.evening_enabled === 1,
    onboardedAt: row.onboarded_at,
    blockedAt: row.blocked_at,
  };
}

/** Users table access. Statements are prepared once; every call is synchronous. */
export class UserStore {
  private readonly byId;
  private readonly insert;
  private readonly markBlockedStmt;
  private readonly clearBlockedStmt;
  /**
   * Moves on with every write through this store, so a per-update cache of profiles (see
   * bot/middlewares/update-cache.ts) knows when what it holds may be out of date.
   */
  generation = 0;

  constructor(private readonly db: Db) {
    this.byId = db.prepare<[number], UserRow>('SELECT * FROM users WHERE id = ?');
    this.insert = db.prepare(
      `INSERT INTO users (id, locale, consent_at, created_at, updated_at)
       VALUES (@id, @locale, @now, @now, @now)
       ON CONFLICT (id) DO UPDATE SET locale = excluded.locale, consent_at = excluded.consent_at,
         updated_at = excluded.updated_at`,
    );
    this.markBlockedStmt = db.prepare('UPDATE users SET blocked_at = ?, updated_at = ? WHERE id = ? AND blocked_at IS NULL');
    this.clearBlockedStmt = db.prepare('UPDATE users SET blocked_at = NULL, updated_at = ? WHERE id = ? AND blocked_at IS NOT NULL');
  }

  get(id: number): UserProfile | null {
    const row = this.byId.get(id);
    return row ? toProfile(row) : null;
  }

  /** Records consent: the first moment anything about the user is stored. */
  createWithConsent(id: number, locale: string, now: Date): UserProfile {
    this.generation++;
    this.insert.run({ id, locale, now: now.toISOString() });
    return this.get(id)!;
  }

  update(id: number, patch: ProfilePatch, now: Date): UserProfile {
    this.generation++;
    const entries = Object.entries(patch).filter(([, v]) => v !== undefined) as [keyof ProfilePatch, unknown][];
    if (entries.length > 0) {
      const sets = entries.map(([k]) => `${COLUMN_OF[k]} = @${k}`).join(', ');
      const params: Record<string, unknown> = { id, updatedAt: now.toISOString() };
      for (const [k, v] of entries) params[k] = typeof v === 'boolean' ? (v ? 1 : 0) : v;
      this.db.prepare(`UPDATE users SET ${sets}, updated_at = @updatedAt WHERE id = @id`).run(params);
    }
    const profile = this.get(id);
    if (!profile) throw new Error(`user ${id} does not exist`);
    return profile;
  }

  /** Telegram answered 403: send nothing more until they write again. */
  markBlocked(id: number, now: Date): void {
    this.generation++;
    this.markBlockedStmt.run(now.toISOString(), now.toISOString(), id);
  }

  /** They wrote to us, so they can hear from us again. Returns true if they had been blocked. */
  clearBlocked(id: number, now: Date): boolean {
    this.generation++;
    return this.clearBlockedStmt.run(now.toISOString(), id).changes > 0;
  }
}
