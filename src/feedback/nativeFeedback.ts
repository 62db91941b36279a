/**
 * Reads Teams' native feedback: the `message/submitAction` invoke a client sends when the user
 * presses the thumbs Teams draws under a message whose feedback loop is on (see replies.ts), then
 * submits the form. Its value is `{ actionName: 'feedback', actionValue: { reaction, feedback } }`,
 * where `feedback` is the form's answer as JSON text (`{"feedbackText":"..."}`) in Teams, and as
 * plain text in the Agents Playground. The rated message is the invoke's replyToId; which answer
 * it was is looked up in the rated replies the bot remembered (feedbackStore.ts).
 */
import type { Vote } from './vote';

export const FEEDBACK_INVOKE_NAME = 'message/submitAction';

/** The longest comment read: what users write in the form is kept to a few paragraphs. */
export const MAX_FEEDBACK_COMMENT_LENGTH = 1000;
/** Longer form answers are not parsed at all (the comment is then dropped, the rating kept). */
const MAX_FEEDBACK_FIELD_LENGTH = 4 * MAX_FEEDBACK_COMMENT_LENGTH;

export interface NativeFeedback {
  readonly rating: Vote['rating'];
  /** What the user wrote, at most MAX_FEEDBACK_COMMENT_LENGTH characters; empty when nothing (or too much) was. */
  readonly comment: string;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const RATINGS: Readonly<Record<string, Vote['rating']>> = { like: 'up', dislike: 'down' };

/** The comment of the form's answer: `feedbackText` of its JSON (Teams), or the text itself (Playground). */
function commentOf(feedback: unknown): string {
  let comment: unknown = feedback;
  if (typeof feedback === 'string') {
    if (feedback.length > MAX_FEEDBACK_FIELD_LENGTH) return '';
    try {
      comment = JSON.parse(feedback) as unknown;
    } catch {
      comment = feedback;
    }
  }
  if (isRecord(comment)) comment = comment.feedbackText;
  return typeof comment === 'string' ? comment.trim().slice(0, MAX_FEEDBACK_COMMENT_LENGTH) : '';
}

/** The feedback an invoke's value carries, or undefined when it is no well-formed native feedback. */
export function nativeFeedbackOf(value: unknown): NativeFeedback | undefined {
  if (!isRecord(value) || value.actionName !== 'feedback' || !isRecord(value.actionValue)) return undefined;
  const { reaction, feedback } = value.actionValue;
  const rating = typeof reaction === 'string' && Object.hasOwn(RATINGS, reaction) ? RATINGS[reaction] : undefined;
  if (!rating) return undefined;
  return { rating, comment: commentOf(feedback) };
}
