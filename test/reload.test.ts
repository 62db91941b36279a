/** Editing data/ while the bot runs: a valid edit takes effect, an invalid one keeps the last good knowledge base. */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LiveKnowledge, type ReloadReport } from '../src/knowledge/liveKnowledge';
import { DEFAULT_DATA_DIR } from '../src/knowledge/load';

describe('knowledge base reload', () => {
  let dir: string;
  let reports: ReloadReport[];
  let live: LiveKnowledge<number>;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'kb-live-'));
    cpSync(DEFAULT_DATA_DIR, dir, { recursive: true });
    reports = [];
    live = new LiveKnowledge(dir, (kb) => kb.projects.length, (report) => reports.push(report));
  });
  afterEach(() => {
    live.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const copyProject = (id: string) => {
    const source = readFileSync(join(dir, 'projects', 'prosol.yaml'), 'utf8');
    writeFileSync(join(dir, 'projects', `${id}.yaml`), source.replace('id: prosol', `id: ${id}`).replace(/acronym: PROSOL\n/, ''));
  };

  it('takes a valid edit', () => {
    copyProject('prosol-copy');
    expect(live.reload()).toEqual({ ok: true, projects: 10 });
    expect(live.derived).toBe(10);
    expect(live.kb.project('prosol-copy')).toBeDefined();
  });

  it('keeps the last good knowledge base when an edit is invalid, and names the file, item and field', () => {
    const file = join(dir, 'projects', 'pasac.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('lead: did', 'lead: nobody'));
    const report = live.reload();
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/pasac\.yaml: item "pasac", field "lead"/);
    expect(live.kb.project('pasac')?.lead).toBe('did');
    expect(live.derived).toBe(9);
    expect(reports).toEqual([report]);
  });

  it('reloads by itself when a file of the folder changes', async () => {
    live.watch(dir, 50);
    copyProject('prosol-watched');
    const deadline = Date.now() + 10_000;
    while (!live.kb.project('prosol-watched') && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(live.kb.project('prosol-watched')).toBeDefined();
    expect(reports.at(-1)).toMatchObject({ ok: true });
  });
});
