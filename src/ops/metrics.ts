import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * Prometheus metrics, one registry for the process. Labels are small fixed sets (kinds,
 * outcomes, levels); never a user id, chat id, time zone or answer.
 */
export const registry = new Registry();

let defaultsCollected = false;
/** Process metrics (CPU, memory, event-loop lag); called once by main, not by tests. */
export function collectProcessMetrics(): void {
  if (defaultsCollected) return;
  defaultsCollected = true;
  collectDefaultMetrics({ register: registry, prefix: 'steady_' });
}

export const metrics = {
  /** kind: message, callback_query, my_chat_member, other. */
  updates: new Counter({ name: 'steady_updates_total', help: 'Updates handled, by kind', labelNames: ['kind'] as const, registers: [registry] }),
  checkinsCompleted: new Counter({ name: 'steady_checkins_completed_total', help: 'Morning check-ins completed', registers: [registry] }),
  /** kind: morning, winddown, weekly, followup; outcome: sent, missed, blocked, failed. */
  reminders: new Counter({ name: 'steady_reminders_total', help: 'Scheduled messages by kind and outcome', labelNames: ['kind', 'outcome'] as const, registers: [registry] }),
  sendQueueDepth: new Gauge({ name: 'steady_send_queue_depth', help: 'Scheduled messages waiting in the send queue', registers: [registry] }),
  tickDuration: new Histogram({ name: 'steady_scheduler_tick_seconds', help: 'Time to select and enqueue due deliveries per tick', buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [registry] }),
  telegram429: new Counter({ name: 'steady_telegram_429_total', help: 'Too Many Requests answers from Telegram', registers: [registry] }),
  /** level: crisis, concern, other (someone else at risk); source: flag, text, answer. */
  crisisResponses: new Counter({ name: 'steady_crisis_responses_total', help: 'Crisis and concern responses shown', labelNames: ['level', 'source'] as const, registers: [registry] }),
  /** trigger: command, button, text. */
  nightCompanionOpens: new Counter({ name: 'steady_night_companion_opens_total', help: 'Night companion opened', labelNames: ['trigger'] as const, registers: [registry] }),
};
