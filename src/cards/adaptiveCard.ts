/**
 * The small part of the Adaptive Card format (schema 1.5, which Teams renders) that the bot's
 * cards use, and the actions they carry. Follow-up buttons are Action.Submit carrying the
 * question, which the bot reads like a typed one in Teams and in Web Chat alike.
 */

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly weight?: 'Bolder';
  readonly size?: 'Small' | 'Medium' | 'Large';
  readonly isSubtle?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Medium';
}

export interface FactSet {
  readonly type: 'FactSet';
  readonly facts: ReadonlyArray<{ readonly title: string; readonly value: string }>;
}

export interface Container {
  readonly type: 'Container';
  /** Names a block that channels without cards leave out (see flatten.ts). */
  readonly id?: string;
  readonly items: readonly CardElement[];
  readonly separator?: boolean;
  readonly selectAction?: SubmitAction;
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

export type CardElement = TextBlock | FactSet | Container | ActionSet;

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
}

/** The data a follow-up button sends: the question itself, for every channel. */
export interface QuestionData {
  readonly question: string;
}

/** What a feedback button sends: the rating and what the rated answer presented. */
export interface FeedbackData {
  readonly feedback: 'up' | 'down';
  readonly answer: {
    readonly intent: string;
    readonly language: string;
    readonly projects: readonly string[];
    readonly organizations: readonly string[];
  };
}

export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  /** Shown on hover, and read by screen readers where the title is only an emoji and a word. */
  readonly tooltip?: string;
  readonly data: QuestionData | FeedbackData;
}

export type CardAction = OpenUrlAction | SubmitAction;

export interface AdaptiveCard {
  readonly type: 'AdaptiveCard';
  readonly $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  readonly version: '1.5';
  readonly body: readonly CardElement[];
  readonly actions?: readonly CardAction[];
}

export const ADAPTIVE_CARD_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

/** Teams shows at most six actions on a card. */
const MAX_ACTIONS = 6;

export function card(body: ReadonlyArray<CardElement | undefined>, actions: readonly CardAction[] = []): AdaptiveCard {
  const elements = body.filter((element): element is CardElement => element !== undefined);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: elements,
    ...(actions.length ? { actions: actions.slice(0, MAX_ACTIONS) } : {}),
  };
}

/** A wrapped text block; undefined for empty text (an empty TextBlock breaks Teams mobile). */
export function text(value: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock | undefined {
  return value.trim() ? { type: 'TextBlock', text: value, wrap: true, ...style } : undefined;
}

export function title(value: string): TextBlock | undefined {
  return text(value, { weight: 'Bolder', size: 'Medium' });
}

export function facts(entries: ReadonlyArray<readonly [string, string | undefined]>): FactSet | undefined {
  const present = entries.filter((entry): entry is readonly [string, string] => Boolean(entry[1]?.trim()));
  return present.length ? { type: 'FactSet', facts: present.map(([t, value]) => ({ title: t, value })) } : undefined;
}

export function bullets(lines: readonly string[]): TextBlock | undefined {
  return text(lines.map((line) => `- ${line}`).join('\n'));
}

export function openUrl(label: string, url: string): OpenUrlAction {
  return { type: 'Action.OpenUrl', title: label, url };
}

/** A button that asks the bot a question, as if the user had typed it. */
export function ask(label: string, question: string = label): SubmitAction {
  // A plain Action.Submit: Teams, the Agents Playground and Web Chat all post `data` as the message's
  // value (the playground ignored msteams imBack/messageBack data); the bot reads value.question.
  return { type: 'Action.Submit', title: label, data: { question } };
}
