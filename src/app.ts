/**
 * The composition root: builds the knowledge base, the understanding, the answers, state, the
 * dialogs, the bot and the adapter, once, for the HTTP server and the terminal chat alike.
 */
import type { Storage, TurnContext } from 'botbuilder';
import { MainDialog } from '../dialogs/mainDialog';
import { buildAnswering, type Answering } from './answering';
import { PartnersAdapter } from './bots/adapter';
import { classifiedUnderstander } from './bots/classifiedUnderstanding';
import type { OutboundOptions } from './bots/outboundPolicy';
import { OptimisticConversationState, OptimisticUserState } from './bots/optimisticState';
import { DEFAULT_LIMITS, PartnersBot, type BotLimits } from './bots/partnersBot';
import { createAccessors } from './bots/state';
import { folderTranscripts, transcribed } from './bots/transcripts';
import { createTurnRunner, UNDERSTANDING_KEY } from './bots/turnRunner';
import { FeedbackStore } from './feedback/feedbackStore';
import { createLocalizer } from './i18n';
import { LiveKnowledge } from './knowledge/liveKnowledge';
import type { Language } from './knowledge/schema';
import type { Logger } from './logger';
import { createStorage } from './storage/createStorage';

/** The Bot Framework settings, under the names Azure Bot Service uses. */
export interface BotCredentials {
  readonly MicrosoftAppId?: string;
  readonly MicrosoftAppPassword?: string;
  readonly MicrosoftAppType?: string;
  readonly MicrosoftAppTenantId?: string;
}

export interface BotAppOptions {
  readonly logger: Logger;
  readonly credentials?: BotCredentials;
  readonly dataDir?: string;
  /** Where state lives; an embedded store in the process's memory when undefined (src/storage/createStorage.ts). */
  readonly storage?: Storage;
  /** Where replies may be sent without an app id, and the deadline of each connector call. */
  readonly outbound?: OutboundOptions;
  readonly limits?: BotLimits;
  /** Log the users' message text (off by default: it may hold personal data). */
  readonly logMessageText?: boolean;
  /** A folder to keep every conversation's transcript in (off by default: transcripts hold user text). */
  readonly transcriptDir?: string;
}

export interface BotApp {
  /** The knowledge base in use and what is built from it; reloadable. */
  readonly knowledge: LiveKnowledge<Answering>;
  readonly adapter: PartnersAdapter;
  readonly bot: PartnersBot;
  /** The users' votes on answers. */
  readonly feedback: FeedbackStore;
  /** The turn logic to hand to the adapter. */
  readonly logic: (context: TurnContext) => Promise<void>;
}

export function createBotApp(options: BotAppOptions): BotApp {
  const { logger } = options;
  const localizer = createLocalizer();
  const knowledge = new LiveKnowledge<Answering>(
    options.dataDir,
    (kb) => {
      const built = buildAnswering(kb, localizer);
      return { ...built, understander: classifiedUnderstander(built.understander) };
    },
    (report) =>
      report.ok
        ? logger.info({ projects: report.projects }, 'knowledge base reloaded')
        : logger.error({ error: report.error }, 'knowledge base edit rejected; the last good one stays in use'),
  );
  const answering = () => knowledge.derived;
  const storage = options.storage ?? createStorage({});
  const conversationState = new OptimisticConversationState(storage);
  const userState = new OptimisticUserState(storage);
  const accessors = createAccessors(conversationState, userState);
  const dialog = new MainDialog(answering, accessors, (context, understanding) => context.turnState.set(UNDERSTANDING_KEY, understanding));
  const feedback = new FeedbackStore(storage, logger);
  const bot = new PartnersBot(dialog, accessors, answering, feedback, options.limits ?? DEFAULT_LIMITS);
  const credentials = options.credentials ?? {};
  const adapter = new PartnersAdapter(
    {
      MicrosoftAppId: credentials.MicrosoftAppId ?? '',
      MicrosoftAppPassword: credentials.MicrosoftAppPassword ?? '',
      MicrosoftAppType: credentials.MicrosoftAppType ?? (credentials.MicrosoftAppId ? 'MultiTenant' : ''),
      MicrosoftAppTenantId: credentials.MicrosoftAppTenantId ?? '',
    },
    localizer,
    logger,
    (context) => languageOfTurn(context, answering()),
    options.outbound,
  );
  const turns = options.transcriptDir ? transcribed(bot, folderTranscripts(options.transcriptDir), logger) : bot;
  const logic = createTurnRunner({ logger, states: [conversationState, userState], logMessageText: options.logMessageText }, turns);
  logger.info({ projects: knowledge.kb.projects.length, organizations: knowledge.kb.organizations.length }, 'knowledge base loaded');
  return { knowledge, adapter, bot, feedback, logic };
}

/** The language to apologise in when a turn fails: the message's own, else the client's. */
function languageOfTurn(context: TurnContext, answering: Answering): Language {
  const text = typeof context.activity.text === 'string' ? context.activity.text.slice(0, 500) : '';
  return answering.understander.understand(text, undefined, context.activity.locale).language;
}
