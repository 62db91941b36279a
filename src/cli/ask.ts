/**
 * `npm run ask`: chat with the bot in a terminal, or (with --jsonl) answer questions read one a
 * line from standard input with one JSON object a line (the format of ../shared/eval/CONTRACT.md).
 * Every question goes through the same adapter, bot, middleware and dialogs as /api/messages.
 */
import { randomUUID } from 'node:crypto';
import { createInterface } from 'node:readline';
import type { Activity } from 'botbuilder';
import { createBotApp, type BotApp } from '../app';
import { ADAPTIVE_CARD_CONTENT_TYPE, type AdaptiveCard } from '../cards/adaptiveCard';
import { flattenCard } from '../cards/flatten';
import { answerRecordOf } from '../bots/replies';
import { createLogger } from '../logger';

export interface Question {
  readonly text: string;
  readonly conversation?: string;
  readonly locale?: string;
  /** A card button's data, when the question is a click rather than typed text. */
  readonly value?: Record<string, unknown>;
}

/** A line is a question as plain text, or a JSON object with text, conversation and locale. */
export function parseLine(line: string): Question {
  const trimmed = line.trim();
  if (trimmed.startsWith('{')) {
    try {
      const value = JSON.parse(trimmed) as Record<string, unknown>;
      if (typeof value.text === 'string') {
        return {
          text: value.text,
          ...(typeof value.conversation === 'string' ? { conversation: value.conversation } : {}),
          ...(typeof value.locale === 'string' ? { locale: value.locale } : {}),
        };
      }
    } catch {
      // Not JSON after all: the line is the question.
    }
  }
  return { text: line };
}

/** The text a user reads in a reply: its text and its cards, flattened. */
export function readableText(activity: Partial<Activity>): string {
  const cards = (activity.attachments ?? [])
    .filter((attachment) => attachment.contentType === ADAPTIVE_CARD_CONTENT_TYPE)
    .map((attachment) => flattenCard(attachment.content as AdaptiveCard));
  return [activity.text ?? '', ...cards].filter((part) => part.trim()).join('\n');
}

/** Sends one question as a user of a conversation and returns the bot's replies. */
export async function askBot(app: BotApp, question: Question, conversationId: string): Promise<Partial<Activity>[]> {
  const activity: Partial<Activity> = {
    type: 'message',
    id: randomUUID(),
    channelId: 'terminal',
    serviceUrl: 'http://127.0.0.1/terminal',
    timestamp: new Date(),
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: 'terminal' },
    from: { id: `user-${conversationId}`, name: 'user', role: 'user' },
    recipient: { id: 'coop-partners-bot', name: 'Co-op Partners', role: 'bot' },
    text: question.text,
    textFormat: 'plain',
    deliveryMode: 'expectReplies',
    ...(question.locale ? { locale: question.locale } : {}),
    ...(question.value ? { value: question.value } : {}),
  };
  const response = await app.adapter.processInProcess(activity, app.logic);
  const body = response?.body as { activities?: Partial<Activity>[] } | undefined;
  return (body?.activities ?? []).filter((reply) => reply.type === 'message');
}

/** The JSON line of one answered question. */
export function answerLine(question: Question, replies: readonly Partial<Activity>[]): Record<string, unknown> {
  const record = replies.map(answerRecordOf).find((r) => r !== undefined);
  return {
    question: question.text,
    language: record?.language ?? replies.find((r) => r.locale)?.locale ?? 'en',
    intent: record?.intent ?? 'fallback',
    projects: record?.projects ?? [],
    organizations: record?.organizations ?? [],
    videos: record?.videos ?? [],
    text: replies.map(readableText).filter(Boolean).join('\n\n'),
    ...(record?.confidence !== undefined ? { confidence: Number(record.confidence.toFixed(3)) } : {}),
    ...(record?.meta ? { meta: record.meta } : {}),
  };
}

async function answerJsonLines(app: BotApp): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  let anonymous = 0;
  for await (const line of lines) {
    if (!line.trim()) continue;
    const question = parseLine(line);
    const conversation = question.conversation ?? `single-${++anonymous}`;
    const replies = await askBot(app, question, conversation);
    process.stdout.write(`${JSON.stringify(answerLine(question, replies))}\n`);
  }
}

async function chat(app: BotApp): Promise<void> {
  const conversation = `terminal-${randomUUID()}`;
  const lines = createInterface({ input: process.stdin, output: process.stdout, prompt: '> ' });
  process.stdout.write('Co-op Partners guide: ask in English, French or Spanish (Ctrl+D to quit).\n');
  lines.prompt();
  for await (const line of lines) {
    if (line.trim()) {
      const replies = await askBot(app, { text: line, locale: Intl.DateTimeFormat().resolvedOptions().locale }, conversation);
      for (const reply of replies) process.stdout.write(`\n${readableText(reply)}\n`);
    }
    process.stdout.write('\n');
    lines.prompt();
  }
}

async function main(): Promise<void> {
  const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
  // Transcripts as for the server (off unless TRANSCRIPT_DIR is set: they hold what is typed).
  const app = createBotApp({ logger, transcriptDir: process.env.TRANSCRIPT_DIR || undefined });
  if (process.argv.includes('--jsonl') || !process.stdin.isTTY) await answerJsonLines(app);
  else await chat(app);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 2;
  });
}
