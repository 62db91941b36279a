/**
 * The composition root: builds the knowledge base, the understanding, the answers, state, the
 * dialogs, the bot and the adapter, once, for the HTTP server and the terminal chat alike.
 */
import { ConversationState, MemoryStorage, UserState, type Storage, type TurnContext } from 'botbuilder';
import { MainDialog } from '../dialogs/mainDialog';
import { AnswerComposer } from './answers/compose';
import { PartnersAdapter } from './bots/adapter';
import { DEFAULT_LIMITS, PartnersBot, type BotLimits } from './bots/partnersBot';
import { createAccessors } from './bots/state';
import { createLocalizer } from './i18n';
import type { KnowledgeBase } from './knowledge/knowledgeBase';
import { loadKnowledgeBase } from './knowledge/load';
import type { Logger } from './logger';
import { Understander } from './understanding/understander';

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
  readonly storage?: Storage;
  readonly limits?: BotLimits;
  /** Log the users' message text (off by default: it may hold personal data). */
  readonly logMessageText?: boolean;
}

export interface BotApp {
  readonly kb: KnowledgeBase;
  readonly understander: Understander;
  readonly composer: AnswerComposer;
  readonly adapter: PartnersAdapter;
  readonly bot: PartnersBot;
  /** The turn logic to hand to the adapter. */
  readonly logic: (context: TurnContext) => Promise<void>;
}

export function createBotApp(options: BotAppOptions): BotApp {
  const { logger } = options;
  const kb = loadKnowledgeBase(options.dataDir);
  const localizer = createLocalizer();
  const understander = new Understander(kb);
  const composer = new AnswerComposer(kb, localizer);
  const storage = options.storage ?? new MemoryStorage();
  const conversationState = new ConversationState(storage);
  const userState = new UserState(storage);
  const accessors = createAccessors(conversationState, userState);
  const dialog = new MainDialog(understander, composer, accessors, (context, understanding) => {
    logger.info(
      {
        conversation: context.activity.conversation?.id,
        channel: context.activity.channelId,
        intent: understanding.intent,
        language: understanding.language,
        languageSource: understanding.languageSource,
        projects: understanding.projects,
        organizations: understanding.organizations,
        followUp: understanding.usedContext,
        ...(options.logMessageText ? { text: context.activity.text } : {}),
      },
      understanding.intent === 'fallback' ? 'unanswered question' : 'answer',
    );
  });
  const bot = new PartnersBot(conversationState, userState, dialog, accessors, composer, options.limits ?? DEFAULT_LIMITS);
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
  );
  logger.info({ projects: kb.projects.length, organizations: kb.organizations.length }, 'knowledge base loaded');
  return { kb, understander, composer, adapter, bot, logic: (context) => bot.run(context) };
}
