/**
 * The Bot Framework CloudAdapter of the bot: its turn-error handler, which logs and answers each
 * kind of failure for what it is (src/failures.ts); the HTTP side of /api/messages, which answers
 * every authentication failure with a bare 401 and lets the server limit a conversation only once
 * the caller is authenticated; and a way to run a turn in-process (the terminal chat, the local
 * Direct Line) through the very same pipeline.
 */
import {
  CloudAdapter,
  StatusCodes,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
  type InvokeResponse,
  type TurnContext,
} from 'botbuilder';
import type { AuthenticateRequestResult } from 'botframework-connector';
import { failureKindOf, ServiceUrlRefused, type FailureKind } from '../failures';
import type { Localizer } from '../i18n';
import type { Logger } from '../logger';
import type { Language } from '../knowledge/schema';
import { languageOfLocale } from '../understanding/resolve';
import { ClientCachingAuthentication } from './clientCachingAuthentication';
import { DEFAULT_OUTBOUND, type OutboundOptions } from './outboundPolicy';

/** What each kind of failure is logged as, and the message key of the apology the user gets. */
const FAILURES: Record<FailureKind | 'unexpected', { readonly log: string; readonly reply: string }> = {
  storage: { log: 'turn failed: storage unreachable', reply: 'error.storage' },
  connector: { log: 'turn failed: the channel could not be reached', reply: 'error.connector' },
  understanding: { log: 'turn failed: the message could not be understood', reply: 'error.understanding' },
  unexpected: { log: 'turn failed', reply: 'error.turn' },
};

/** The answer to an HTTP request for /api/messages. */
export interface HttpOutcome {
  readonly status: number;
  readonly body?: unknown;
  /** Seconds to wait, with a 429. */
  readonly retryAfter?: number;
}

/** Decides, once the caller is authenticated, whether its turn may run: undefined, or the seconds to wait. */
export type Admission = (activity: Activity) => Promise<number | undefined>;

export class PartnersAdapter extends CloudAdapter {
  /** `languageOf` tells the language of a failed turn's message, for the apology. */
  constructor(
    config: ConfigurationBotFrameworkAuthenticationOptions,
    localizer: Localizer,
    private readonly logger: Logger,
    languageOf: (context: TurnContext) => Language = (context) => languageOfLocale(context.activity.locale) ?? 'en',
    outbound: OutboundOptions = DEFAULT_OUTBOUND,
  ) {
    super(new ClientCachingAuthentication(config, outbound));
    this.onTurnError = async (context: TurnContext, error: Error) => {
      const kind = failureKindOf(error);
      logger.error({ err: error, conversation: context.activity.conversation?.id, failure: kind }, FAILURES[kind].log);
      let language: Language = 'en';
      try {
        language = languageOf(context);
      } catch {
        // the default language will do for an apology
      }
      try {
        await context.sendActivity(localizer.forLanguage(language)(FAILURES[kind].reply));
      } catch (sendError) {
        logger.error({ err: sendError, failure: failureKindOf(sendError) }, 'could not tell the user about the failed turn');
      }
    };
  }

  /**
   * Runs an activity received over HTTP. Authentication comes first, and any failure of it is a
   * 401 whose body says nothing of why (the reason is logged); then `admit` (the per-conversation
   * rate limit); then the turn. The activity is already checked (server.ts).
   */
  async processHttp(activity: Activity, authorization: string, admit: Admission, logic: (context: TurnContext) => Promise<void>): Promise<HttpOutcome> {
    let authentication: AuthenticateRequestResult;
    try {
      authentication = await this.botFrameworkAuthentication.authenticateRequest(activity, authorization);
    } catch (error) {
      this.logger.warn({ reason: error instanceof Error ? error.message : String(error), conversation: activity.conversation?.id }, 'request refused: not authenticated');
      return { status: StatusCodes.UNAUTHORIZED, body: { error: 'unauthorized' } };
    }
    const retryAfter = await admit(activity);
    if (retryAfter !== undefined) return { status: 429, body: { error: 'too many messages; please wait a moment' }, retryAfter };
    try {
      const response = await this.processActivity(authentication, activity, logic);
      return { status: response?.status ?? StatusCodes.OK, body: response?.body };
    } catch (error) {
      if (error instanceof ServiceUrlRefused) {
        this.logger.warn({ serviceUrl: error.serviceUrl, conversation: activity.conversation?.id }, 'request refused: serviceUrl not allowed');
        return { status: StatusCodes.BAD_REQUEST, body: { error: 'the serviceUrl must be a loopback address or a configured host' } };
      }
      const kind = failureKindOf(error);
      this.logger.error({ err: error, failure: kind, conversation: activity.conversation?.id }, FAILURES[kind].log);
      return { status: StatusCodes.INTERNAL_SERVER_ERROR, body: { error: 'the turn failed' } };
    }
  }

  /**
   * Runs one activity through the adapter without HTTP. With `deliveryMode: "expectReplies"` the
   * replies come back in the result's body. `authorization` is the Authorization header, if any.
   */
  async processInProcess(activity: Partial<Activity>, logic: (context: TurnContext) => Promise<void>, authorization = ''): Promise<InvokeResponse | undefined> {
    return this.processActivity(authorization, activity as Activity, logic);
  }
}
