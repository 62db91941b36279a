/**
 * The small part of the Adaptive Card format (schema 1.5, which Teams renders) that the bot's
 * cards use, and the actions they carry. Follow-up buttons are Action.Submit carrying the
 * question, which the bot reads like a typed one in Teams and in Web Chat alike.
 *
 * Cards are read from 320 px (a phone, Teams mobile) to a desktop: labels sit above their values
 * (a label column would break "Organisation responsable" inside a word on a phone), and a card
 * shows at most three actions, the rest going to its "..." menu (`mode: "secondary"`).
 */

export interface TextBlock {
  readonly type: 'TextBlock';
  readonly text: string;
  readonly wrap: true;
  readonly weight?: 'Bolder';
  readonly size?: 'Small' | 'Medium' | 'Large';
  readonly color?: 'Accent';
  readonly isSubtle?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Medium';
}

export interface Container {
  readonly type: 'Container';
  /** Names a block that channels without cards leave out (see flatten.ts). */
  readonly id?: string;
  readonly items: readonly CardElement[];
  readonly separator?: boolean;
  readonly spacing?: 'None' | 'Small' | 'Medium';
  readonly style?: 'emphasis';
  readonly selectAction?: SubmitAction;
}

export interface Column {
  readonly type: 'Column';
  readonly width: 'auto' | 'stretch';
  readonly items: readonly CardElement[];
  readonly verticalContentAlignment?: 'Center';
  readonly selectAction?: SubmitAction;
}

export interface ColumnSet {
  readonly type: 'ColumnSet';
  readonly columns: readonly Column[];
}

export interface ActionSet {
  readonly type: 'ActionSet';
  readonly actions: readonly CardAction[];
}

export type CardElement = TextBlock | Container | ColumnSet | ActionSet;

/** The ids a card presents: sent with its follow-up buttons, so that the bot knows what they are about. */
export interface CardSubject {
  readonly projects: readonly string[];
  readonly organizations: readonly string[];
}

/** The data a follow-up button sends: the question itself, for every channel, and the card's ids. */
export interface QuestionData {
  readonly question: string;
  readonly subject?: CardSubject;
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

/** Where a card action shows: on the card, or in its "..." menu (clients without the menu show it on the card). */
export type ActionMode = 'primary' | 'secondary';

export interface OpenUrlAction {
  readonly type: 'Action.OpenUrl';
  readonly title: string;
  readonly url: string;
  readonly mode?: ActionMode;
}

export interface SubmitAction {
  readonly type: 'Action.Submit';
  readonly title: string;
  /** Shown on hover, and read by screen readers where the title is only an emoji and a word. */
  readonly tooltip?: string;
  readonly data: QuestionData | FeedbackData;
  readonly mode?: ActionMode;
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

/** Teams shows at most six actions on a card, its "..." menu included. */
export const MAX_CARD_ACTIONS = 6;
const MAX_ACTIONS = MAX_CARD_ACTIONS;

/** Actions shown on the card; the others go to its "..." menu. */
export const VISIBLE_ACTIONS = 3;

/** The actions in the order given (the one asked for first), those past the third as secondary. */
function arrange(actions: readonly CardAction[]): CardAction[] {
  return actions.slice(0, MAX_ACTIONS).map((action, index) => (index < VISIBLE_ACTIONS ? action : { ...action, mode: 'secondary' as const }));
}

export function card(body: ReadonlyArray<CardElement | undefined>, actions: readonly CardAction[] = []): AdaptiveCard {
  const elements = body.filter((element): element is CardElement => element !== undefined);
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: '1.5',
    body: elements,
    ...(actions.length ? { actions: arrange(actions) } : {}),
  };
}

/** One card a reply: the cards of several items share one, one after the other (undefined for none). */
export function oneCard(cards: readonly AdaptiveCard[]): AdaptiveCard | undefined {
  if (cards.length <= 1) return cards[0];
  return card(cards.flatMap((c) => c.body), cards.flatMap((c) => c.actions ?? []));
}

/** A wrapped text block; undefined for empty text (an empty TextBlock breaks Teams mobile). */
export function text(value: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock | undefined {
  return value.trim() ? { type: 'TextBlock', text: value, wrap: true, ...style } : undefined;
}

export function title(value: string): TextBlock | undefined {
  return text(value, { weight: 'Bolder', size: 'Medium' });
}

/** A line under a title: what the item is, where, by whom. */
export function subtitle(value: string): TextBlock | undefined {
  return text(value, { isSubtle: true, spacing: 'None' });
}

/** Facts as small labels above their values: nothing to break inside a word on a narrow screen. */
export function facts(entries: ReadonlyArray<readonly [string, string | undefined]>): Container | undefined {
  const present = entries.filter((entry): entry is readonly [string, string] => Boolean(entry[1]?.trim()));
  if (!present.length) return undefined;
  return {
    type: 'Container',
    spacing: 'Medium',
    items: present.flatMap(([label, value]) => [
      { type: 'TextBlock' as const, text: label, wrap: true as const, size: 'Small' as const, weight: 'Bolder' as const, isSubtle: true, spacing: 'Small' as const },
      { type: 'TextBlock' as const, text: value, wrap: true as const, spacing: 'None' as const },
    ]),
  };
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
