/**
 * Sums the votes up per thing rated: each project and organization id an answer presented, and
 * answers that presented none (the overview) under their intent.
 */
import type { Vote } from './vote';

/** The votes on one thing rated. */
export interface RatedSummary {
  /** `project:<id>`, `organization:<id>`, or the intent of answers without ids (e.g. `overview`). */
  readonly rated: string;
  readonly up: number;
  readonly down: number;
}

/** The things a vote rates: its projects and organizations, or its intent when it names none. */
export function ratedKeysOf(vote: Vote): string[] {
  const rated = [...vote.projects.map((id) => `project:${id}`), ...vote.organizations.map((id) => `organization:${id}`)];
  return rated.length ? rated : [vote.intent];
}

/** The most disliked first (where the knowledge base needs work). */
export function sortSummary(rows: readonly RatedSummary[]): RatedSummary[] {
  return [...rows].sort((a, b) => b.down - a.down || a.up - b.up || a.rated.localeCompare(b.rated));
}

/** Up and down counts per thing rated, the most disliked first. */
export function summarizeVotes(votes: readonly Vote[]): RatedSummary[] {
  const counts = new Map<string, { up: number; down: number }>();
  for (const vote of votes) {
    for (const key of ratedKeysOf(vote)) {
      const count = counts.get(key) ?? { up: 0, down: 0 };
      count[vote.rating] += 1;
      counts.set(key, count);
    }
  }
  return sortSummary([...counts].map(([rated, count]) => ({ rated, ...count })));
}

/** The summary as an aligned text table. */
export function formatSummary(rows: readonly RatedSummary[]): string {
  if (!rows.length) return 'No votes yet.\n';
  const width = Math.max(5, ...rows.map((row) => row.rated.length));
  const line = (rated: string, up: string, down: string) => `${rated.padEnd(width)}  ${up.padStart(4)}  ${down.padStart(4)}`;
  return [line('rated', 'up', 'down'), ...rows.map((row) => line(row.rated, String(row.up), String(row.down)))].join('\n') + '\n';
}
