/**
 * Question sets (JSON Lines, see ../shared/eval/CONTRACT.md) and the check of one answer against
 * an item's `expect`, with the same rules as ../shared/eval/score.mjs, the reference scorer.
 */
import { readFileSync } from 'node:fs';
import type { AnswerRecord } from '../answers/answer';

export interface Expectation {
  readonly projects?: readonly string[];
  readonly projects_any?: readonly string[];
  readonly projects_none?: readonly string[];
  readonly organizations?: readonly string[];
  readonly intent?: string;
  readonly video?: string;
  readonly video_any?: readonly string[];
  readonly fallback?: boolean;
  readonly text_any?: readonly string[];
  readonly text_all?: readonly string[];
}

export interface QuestionItem {
  readonly id: string;
  readonly lang: string;
  readonly category: string;
  readonly q: string;
  readonly conversation?: string;
  readonly locale?: string;
  readonly expect: Expectation;
}

/** What the ask command prints for a question (the fields a check reads): the answer record and the text. */
export type AnswerLine = Omit<AnswerRecord, 'language' | 'intent'> & { readonly language: string; readonly intent: string; readonly text: string };

export function readQuestionSet(file: string): QuestionItem[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line, index) => {
      try {
        return JSON.parse(line) as QuestionItem;
      } catch {
        throw new Error(`${file}:${index + 1}: not JSON`);
      }
    });
}

const fold = (text: string) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
const sameSet = (a: ReadonlySet<string>, b: ReadonlySet<string>) => a.size === b.size && [...a].every((x) => b.has(x));

/** Why an answer fails an item (empty when it passes). */
export function check(item: QuestionItem, answer: AnswerLine): string[] {
  const why: string[] = [];
  const e = item.expect ?? {};
  const projects = new Set(answer.projects);
  const organizations = new Set(answer.organizations);
  const videos = new Set(answer.videos);
  const text = fold(answer.text);
  if (item.lang && answer.language !== item.lang) why.push(`language ${answer.language} != ${item.lang}`);
  if (e.intent && answer.intent !== e.intent) why.push(`intent ${answer.intent} != ${e.intent}`);
  if (e.projects && !sameSet(projects, new Set(e.projects))) why.push(`projects [${[...projects]}] != [${e.projects.join(',')}]`);
  if (e.projects_any && !e.projects_any.some((p) => projects.has(p))) why.push(`projects [${[...projects]}] has none of [${e.projects_any.join(',')}]`);
  if (e.projects_none && e.projects_none.some((p) => projects.has(p))) why.push(`projects [${[...projects]}] has one of [${e.projects_none.join(',')}]`);
  if (e.organizations && !e.organizations.every((o) => organizations.has(o))) why.push(`organizations [${[...organizations]}] lacks [${e.organizations.join(',')}]`);
  if (e.video && !videos.has(e.video)) why.push(`videos [${[...videos]}] lacks ${e.video}`);
  if (e.video_any && !e.video_any.some((v) => videos.has(v))) why.push(`videos [${[...videos]}] has none of [${e.video_any.join(',')}]`);
  if (e.text_any && !e.text_any.some((t) => text.includes(fold(t)))) why.push(`text has none of [${e.text_any.join(' | ')}]`);
  if (e.text_all && !e.text_all.every((t) => text.includes(fold(t)))) why.push(`text lacks one of [${e.text_all.join(' | ')}]`);
  if (e.fallback && (answer.intent !== 'fallback' || projects.size > 0)) why.push(`expected fallback, got ${answer.intent} [${[...projects]}]`);
  return why;
}
