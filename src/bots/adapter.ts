/**
 * The Bot Framework CloudAdapter of the bot, with its turn-error handler, and a way to run a turn
 * in-process (the terminal chat, the local Direct Line) through the very same pipeline.
 */
import {
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { Localizer } from '../i18n';
import type { Logger } from '../logger';
import { languageOfLocale } from '../understanding/resolve';

export class PartnersAdapter extends CloudAdapter {
  constructor(config: ConfigurationBotFrameworkAuthenticationOptions, localizer: Localizer, logger: Logger) {
    super(new ConfigurationBotFrameworkAuthentication(config));
    this.onTurnError = async (context: TurnContext, error: Error) => {
      logger.error({ err: error, conversation: context.activity.conversation?.id }, 'turn failed');
      const language = languageOfLocale(context.activity.locale) ?? 'en';
      try {
        await context.sendActivity(localizer.forLanguage(language)('error.turn'));
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
