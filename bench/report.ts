/**
 * The benchmark's figures against their targets, as a table for people and one JSON object for
 * scripts. Figures over target are marked, never fatal: a benchmark reports, CI decides.
 */

/** The figures of one run, named as the JSON output names them. */
export interface BenchFigures {
  readonly answer_ms_median: number;
  readonly answer_ms_p99: number;
  readonly first_answer_ms: number;
  readonly answer_ms_median_5000: number;
  readonly build_ms: number;
  readonly build_ms_5000: number;
}

export type FigureName = keyof BenchFigures;

/** Targets in milliseconds; figures without one are reported for trend only. */
export const TARGETS: Partial<Record<FigureName, number>> = {
  answer_ms_median: 0.5,
  answer_ms_p99: 2,
  first_answer_ms: 400,
  answer_ms_median_5000: 5,
};

const LABELS: Record<FigureName, string> = {
  answer_ms_median: 'answer, median (9 projects)',
  answer_ms_p99: 'answer, p99 (9 projects)',
  first_answer_ms: 'first answer, cold process',
  answer_ms_median_5000: 'answer, median (5,000 projects)',
  build_ms: 'build: KB load + Understander',
  build_ms_5000: 'build at 5,000 projects',
};

export interface Row {
  readonly name: FigureName;
  readonly label: string;
  readonly value: number;
  readonly target?: number;
  /** value / target, above 1 when over target. */
  readonly ratio?: number;
  readonly status?: 'OK' | 'OVER';
}

export function rows(figures: BenchFigures): Row[] {
  return (Object.keys(LABELS) as FigureName[]).map((name) => {
    const value = figures[name];
    const target = TARGETS[name];
    if (target === undefined) return { name, label: LABELS[name], value };
    return { name, label: LABELS[name], value, target, ratio: value / target, status: value <= target ? 'OK' : 'OVER' };
  });
}

/** Three significant digits are more than timing noise allows, and keep sub-millisecond figures readable. */
export const round = (value: number): number => Number(value.toPrecision(3));

const ms = (value: number): string => `${round(value)} ms`;

export function table(figures: BenchFigures): string {
  const header = ['figure', 'name', 'value', 'target', 'ratio', ''];
  const body = rows(figures).map((row) => [
    row.label,
    row.name,
    ms(row.value),
    row.target === undefined ? '-' : `<= ${ms(row.target)}`,
    row.ratio === undefined ? '-' : `${row.ratio.toFixed(2)}x`,
    row.status ?? '',
  ]);
  const all = [header, ...body];
  const widths = header.map((_, column) => Math.max(...all.map((cells) => cells[column]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column >= 2 && column <= 4 ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...body.map(line)].join('\n');
}
