import { Bot, type Middleware, type NextFunction, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { autoRetry } from '@grammyjs/auto-retry';
import { conversations, createConversation } from '@grammyjs/conversations';
import { sequentialize } from '@grammyjs/runner';
import type { I18n } from '@grammyjs/i18n';
import { createConversationStorage } from '../storage/conversation-storage.js';
import type { AppContext, BotContext, ConvContext } from './context.js';
import type { Deps } from './deps.js';
import { describeError, isUnreachableUser } from './errors.js';
import { createI18n } from './i18n.js';
import { attachDeps, updateLogger } from './middlewares/update-logger.js';
import { welcomeBack } from './middlewares/welcome-back.js';
import { InFlightUpdates } from './middlewares/in-flight.js';
import { oversizedTextGuard, senderGuard } from './middlewares/sender-guard.js';
import { UpdateDedupe } from '../ops/update-dedupe.js';
import { describeExpected } from '../ops/log-errors.js';
import { helpFeature } from './features/help.js';
import { groupFeature } from './features/group.js';
import { membershipFeature } from './features/membership.js';
import { cancelFeature } from './features/cancel.js';
import { startFeature } from './features/start.js';
import { unhandledFeature } from './features/unhandled.js';
import { crisisFeature } from './features/crisis.js';
import { checkinFeature } from './features/checkin.js';
import { tipsFeature } from './features/tips.js';
import { checkinDetailsFeature } from './features/checkin-details.js';
import { progressFeature } from './features/progress.js';
import { reportFeature } from './features/report.js';
import { reminderButtons, startCheckinButton } from './features/reminders.js';
import { createOnboarding, ONBOARDING } from './conversations/onboarding.js';
import { CHECKIN, createCheckin } from './conversations/checkin.js';
import { createSettingsEdit, SETTINGS_EDIT } from './conversations/settings-edit.js';
import { createUsed, USED } from './conversations/used.js';
import { settingsEditFeature, settingsFeature } from './features/settings.js';
import { privacyFeature } from './features/privacy.js';
import { usedFeature } from './features/used.js';
import { dayButtons, nightFeature } from './features/night.js';

/**
 * Bumped whenever a conversation's sequence of waits changes incompatibly: stored states of an
 * older version are then dropped instead of replayed into the wrong question. Nothing is lost
 * by that — every answer is also written to its own table as it is given.
 */
const CONVERSATION_STATE_VERSION = 1;

/**
 * 429s wait `retry_after` and try again; 5xx and network errors are retried with backoff.
 * Installed on the bot's API and, separately, inside conversations (which build their own API).
 */
export const retryPolicy = () => autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60, rethrowInternalServerErrors: false, rethrowHttpErrors: false });

/**
 * The retry policy for everything but getUpdates: polling failures go straight to the polling
 * supervisor (src/ops/polling.ts), which logs them once and backs off with a cap, and a stop can
 * abort them (auto-retry retries network errors without end).
 */
const retryExceptPolling = (): Transformer => {
  const retry = retryPolicy();
  return (prev, method, payload, signal) => (method === 'getUpdates' ? prev(method, payload, signal) : retry(prev, method, payload, signal));
};

export interface CreatedBot {
  bot: Bot<BotContext>;
  i18n: I18n<AppContext>;
  inFlight: InFlightUpdates;
}

export interface CreateBotOptions {
  botInfo?: UserFromGetMe;
  /** Installed on the bot's API inside the retry policy, so they see every attempt (ops watching polls). */
  apiTransformers?: Transformer[];
  /** Runs first for every update (ops counting updates); must call next. */
  observe?: Middleware<BotContext>;
}

export function createBot(deps: Deps, options: CreateBotOptions = {}): CreatedBot {
  const bot = new Bot<BotContext>(deps.config.botToken, {
    client: { apiRoot: deps.config.telegramApiRoot },
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
  });
  if (options.apiTransformers?.length) bot.api.config.use(...options.apiTransformers);
  bot.api.config.use(retryExceptPolling());
  const i18n = createI18n(deps.config.defaultLocale);
  const inFlight = new InFlightUpdates();

  if (options.observe) bot.use(options.observe);
  bot.use(inFlight.middleware);
  // A redelivered update (webhook retry, poller restarted after a 409) is handled once.
  bot.use(new UpdateDedupe(deps.db).middleware);
  // Updates of one chat are handled one after another (conversations need that); chats run in parallel.
  bot.use(sequentialize((ctx) => ctx.chat?.id.toString() ?? ctx.from?.id.toString()));
  bot.use(updateLogger(deps));
  bot.use(i18n);
  bot.use(senderGuard);
  bot.use(welcomeBack);
  bot.use(membershipFeature);
  bot.use(helpFeature);
  bot.use(groupFeature);

  const inPrivate = bot.chatType('private');
  const retryInsideConversations: Middleware<ConvContext> = (ctx: ConvContext, next: NextFunction) => {
    ctx.api.config.use(retryPolicy());
    return next();
  };
  inPrivate.use(reminderButtons);
  inPrivate.use(
    conversations<BotContext, ConvContext>({
      storage: { type: 'key', version: CONVERSATION_STATE_VERSION, adapter: createConversationStorage(deps.db) },
      plugins: [attachDeps(deps), i18n, retryInsideConversations],
    }),
  );
  inPrivate.use(cancelFeature);
  inPrivate.use(crisisFeature);
  inPrivate.use(oversizedTextGuard);
  // Ahead of the conversations: these work while a question is open.
  inPrivate.use(privacyFeature);
  inPrivate.use(settingsFeature);
  inPrivate.use(progressFeature);
  inPrivate.use(checkinDetailsFeature);
  inPrivate.use(nightFeature);
  inPrivate.use(reportFeature);
  inPrivate.use(createConversation(createOnboarding(deps), ONBOARDING));
  inPrivate.use(createConversation(createCheckin(deps), CHECKIN));
  inPrivate.use(createConversation(createSettingsEdit(deps), SETTINGS_EDIT));
  inPrivate.use(createConversation(createUsed(deps), USED));
  inPrivate.use(startCheckinButton);
  inPrivate.use(startFeature);
  inPrivate.use(checkinFeature);
  inPrivate.use(usedFeature);
  inPrivate.use(settingsEditFeature);
  inPrivate.use(tipsFeature);
  // Free text (night companion / short day reply) is answered in unhandledFeature, well after crisis.
  inPrivate.use(dayButtons);
  inPrivate.use(unhandledFeature);

  bot.catch(async (err) => {
    const ctx = err.ctx;
    const logger = ctx.logger ?? deps.logger;
    // Telegram refusing or the network failing is expected: one line. A bug keeps its stack.
    const summary = describeExpected(err.error);
    if (summary.expected) logger.warn({ err: describeError(err.error) }, 'update handler failed');
    else logger.error({ err: describeError(err.error) }, 'update handler failed');
    if (ctx.chat?.type === 'private' && !isUnreachableUser(err.error)) {
      try {
        await ctx.reply(ctx.t('error-generic'));
      } catch {
        /* the user will see nothing; the error is logged */
      }
    }
  });

  return { bot, i18n, inFlight };
}
