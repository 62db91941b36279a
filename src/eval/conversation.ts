/**
 * Scripted conversations (test/conversations/*.yaml): turns typed or clicked, each with what the
 * answer must present, played through the same bot pipeline as `npm run ask` (the adapter's
 * processActivity with expectReplies). A click names a button of an earlier turn's card by its
 * title; the button's own data is sent, as a channel would send it.
 */
import { readFileSync } from 'node:fs';
import type { Activity } from 'botbuilder';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import type { BotApp } from '../app';
import { ADAPTIVE_CARD_CONTENT_TYPE } from '../cards/adaptiveCard';
import { answerLine, askBot } from '../cli/ask';
import { check, type AnswerLine, type QuestionItem } from './questionSet';

const ids = z.array(z.string().min(1));
const expectation = z.strictObject({
  projects: ids.optional(),
  projects_any: ids.optional(),
  projects_none: ids.optional(),
  organizations: ids.optional(),
  intent: z.string().optional(),
  video: z.string().optional(),
  video_any: ids.optional(),
  fallback: z.boolean().optional(),
  text_any: ids.optional(),
  text_all: ids.optional(),
});
const turn = z.union([
  z.strictObject({ say: z.string().min(1), lang: z.enum(['en', 'fr', 'es']), expect: expectation }),
  z.strictObject({
    click: z.strictObject({ turn: z.number().int().positive(), button: z.string().min(1) }),
    lang: z.enum(['en', 'fr', 'es']),
    expect: expectation,
  }),
]);
export const conversationFileSchema = z.array(
  z.strictObject({ name: z.string().min(1), locale: z.string().optional(), turns: z.array(turn).min(1) }),
);
export type ScriptedConversation = z.infer<typeof conversationFileSchema>[number];
export type ScriptedTurn = ScriptedConversation['turns'][number];

export function readConversations(file: string): ScriptedConversation[] {
  return conversationFileSchema.parse(parseYaml(readFileSync(file, 'utf8')));
}

interface CardAction {
  readonly type?: string;
  readonly title?: string;
  readonly data?: Record<string, unknown>;
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** Every button of the replies' cards, wherever it sits (card actions, action sets, clickable rows). */
function buttonsOf(replies: readonly Partial<Activity>[]): CardAction[] {
  const found: CardAction[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.type === 'string' && record.type.startsWith('Action.')) found.push(record as CardAction);
      Object.values(record).forEach(visit);
    }
  };
  for (const reply of replies) for (const attachment of reply.attachments ?? []) if (attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE) visit(attachment.content);
  return found;
}

export interface TurnResult {
  readonly turn: ScriptedTurn;
  readonly answer: AnswerLine;
  readonly failures: readonly string[];
}

/** Plays one conversation; a failure to find a clicked button is reported as that turn's failure. */
export async function playConversation(app: BotApp, conversation: ScriptedConversation, conversationId: string): Promise<TurnResult[]> {
  const history: Array<readonly Partial<Activity>[]> = [];
  const results: TurnResult[] = [];
  for (const [index, turn] of conversation.turns.entries()) {
    let question: { text: string; locale?: string; value?: Record<string, unknown> };
    const locale = conversation.locale ? { locale: conversation.locale } : {};
    if ('say' in turn) question = { text: turn.say, ...locale };
    else {
      const button = buttonsOf(history[turn.click.turn - 1] ?? []).find((action) => action.type === 'Action.Submit' && fold(action.title ?? '').includes(fold(turn.click.button)));
      const data = button?.data;
      if (!data || typeof data.question !== 'string') {
        results.push({ turn, answer: { language: '', intent: '', projects: [], organizations: [], videos: [], text: '' }, failures: [`turn ${index + 1}: no button "${turn.click.button}" on the card of turn ${turn.click.turn}`] });
        history.push([]);
        continue;
      }
      question = { text: data.question, value: data, ...locale };
    }
    const replies = await askBot(app, question, conversationId);
    history.push(replies);
    const answer = answerLine(question, replies) as unknown as AnswerLine;
    const item: QuestionItem = { id: `${conversation.name} #${index + 1}`, lang: turn.lang, category: 'conversation', q: question.text, expect: turn.expect };
    results.push({ turn, answer, failures: check(item, answer).map((why) => `turn ${index + 1}: ${why}`) });
  }
  return results;
}
