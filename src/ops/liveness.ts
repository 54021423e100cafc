/**
 * What the process knows about its own health, in one small object that the parts which do the
 * work feed (the runner or webhook server, the scheduler) and the health endpoints read.
 * Times are wall-clock milliseconds (Date.now()), not the shifted bot clock: liveness is about
 * the real passage of time.
 */
export class Liveness {
  /** Last successful getUpdates (polling) or accepted webhook request. */
  lastPollAt: number | null = null;
  /** Last update handed to the bot. */
  lastUpdateAt: number | null = null;
  /** Last scheduler tick that finished. */
  lastTickAt: number | null = null;
  /** Set while the update source is known to be broken (e.g. a 409 Conflict); null when fine. */
  receivingProblem: string | null = null;

  recordPoll(at = Date.now()): void {
    this.lastPollAt = at;
    this.receivingProblem = null;
  }

  recordUpdate(at = Date.now()): void {
    this.lastUpdateAt = at;
  }

  recordTick(at = Date.now()): void {
    this.lastTickAt = at;
  }

  markNotReceiving(reason: string): void {
    this.receivingProblem = reason;
  }

  /** Most recent sign that updates reach us: a poll or an update, whichever is later. */
  lastActivityAt(): number | null {
    const times = [this.lastPollAt, this.lastUpdateAt].filter((t): t is number => t !== null);
    return times.length ? Math.max(...times) : null;
  }
}
