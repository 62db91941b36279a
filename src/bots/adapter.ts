/**
 * The Bot Framework CloudAdapter of the bot, with its turn-error handler, and a way to run a turn
 * in-process (the terminal chat, the local Direct Line) through the very same pipeline.
 */
import {
  CloudAdapter,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Localizer } from '../i18n';
import type { Logger } from '../logger';
import type { Language } from '../knowledge/schema';
import { languageOfLocale } from '../understanding/resolve';
import { ClientCachingAuthentication } from './clientCachingAuthentication';

/** True for errors of the state storage: unreachable, refusing, or timing out. */
export function isStorageFailure(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = (error as Error & { code?: unknown }).code;
  return (
    error.name === 'RestError' ||
    ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'REQUEST_SEND_ERROR'].includes(String(code)) ||
    /storage|ECONNREFUSED|socket hang up/i.test(error.message)
  );
}

export class PartnersAdapter extends CloudAdapter {
  /** `languageOf` tells the language of a failed turn's message, for the apology. */
  constructor(
    config: ConfigurationBotFrameworkAuthenticationOptions,
    localizer: Localizer,
    logger: Logger,
    languageOf: (context: TurnContext) => Language = (context) => languageOfLocale(context.activity.locale) ?? 'en',
  ) {
    super(new ClientCachingAuthentication(config));
    this.onTurnError = async (context: TurnContext, error: Error) => {
      const storageDown = isStorageFailure(error);
      logger.error({ err: error, conversation: context.activity.conversation?.id, storageDown }, storageDown ? 'turn failed: storage unreachable' : 'turn failed');
      let language: Language = 'en';
      try {
        language = languageOf(context);
      } catch {
        // the default language will do for an apology
      }
      try {
        await context.sendActivity(localizer.forLanguage(language)(storageDown ? 'error.storage' : 'error.turn'));
      } catch (sendError) {
        logger.error({ err: sendError }, 'could not tell the user about the failed turn');
      }
    };
  }

  /**
   * Runs one activity through the adapter without HTTP. With `deliveryMode: "expectReplies"` the
   * replies come back in the result's body. `authorization` is the Authorization header, if any.
   */
  async processInProcess(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, authorization = ''): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity as Activity, logic);
  }
}
