import { Composer } from 'grammy';
import { localDateOf } from '../../domain/dates.js';
import type { BotContext } from '../context.js';
import { quietly } from '../conversations/ask.js';
import { CHECKIN } from '../conversations/checkin.js';

const composer = new Composer<BotContext>();

/**
 * Takes the buttons off this morning's prompts (the morning one and the "remind me" one), found
 * through the deliveries ledger, so a check-in started by typing /checkin does not leave a
 * `Start check-in` button above it; the pending "remind me" prompt is dropped too.
 */
async function settleMorningPrompts(ctx: BotContext): Promise<void> {
  const { users, schedules } = ctx.deps;
  const profile = users.get(ctx.from!.id);
  if (!profile?.onboardedAt || !profile.timeZone) return;
  const today = localDateOf(ctx.deps.now(), profile.timeZone);
  schedules.remove(profile.id, 'snooze');
  for (const kind of ['morning', 'snooze'] as const) {
    const messageId = schedules.delivery(profile.id, kind, today)?.messageId;
    if (messageId != null) await quietly(ctx.api.editMessageReplyMarkup(ctx.chat!.id, messageId));
  }
}

/** /checkin at any time of day; the conversation itself checks the user is set up. */
composer.command('checkin', async (ctx) => {
  await settleMorningPrompts(ctx);
  await ctx.conversation.enter(CHECKIN);
});

export { composer as checkinFeature };
