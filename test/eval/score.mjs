#!/usr/bin/env node
// Vendored copy of ../shared/eval/score.mjs so that the project's tests do not need ../shared.
// Scores the bot's answers against an evaluation set (JSON Lines, see CONTRACT.md).
//
//   node ../shared/eval/score.mjs [--set FILE] [--project DIR] [--min 0.95] [--quiet] [--json]
//
// It starts `npm run --silent ask -- --jsonl` in the project folder, feeds it every item's
// question (with its conversation and locale), reads one JSON answer a line, and checks each
// answer against the item's `expect`. It prints the failures (unless --quiet), a table per
// language and per category, and last a line `accuracy: P% (N/M), language: L%`.
// Exit status: 0 when accuracy >= --min (default 0), 1 below it, 2 when the bot could not be asked.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(name);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : dflt;
};
const here = dirname(fileURLToPath(import.meta.url));
const setFile = resolve(opt('--set', resolve(here, 'dev.jsonl')));
const projectDir = resolve(opt('--project', process.cwd()));
const min = Number(opt('--min', '0'));
const quiet = args.includes('--quiet');
const asJson = args.includes('--json');

const items = readFileSync(setFile, 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l, n) => {
    try {
      return JSON.parse(l);
    } catch {
      throw new Error(`${setFile}:${n + 1}: not JSON`);
    }
  });

const input = items
  .map((it) => {
    const line = { text: it.q };
    if (it.conversation) line.conversation = it.conversation;
    if (it.locale) line.locale = it.locale;
    return JSON.stringify(line);
  })
  .join('\n') + '\n';

function ask() {
  return new Promise((done) => {
    const started = process.hrtime.bigint();
    const child = spawn('npm', ['run', '--silent', 'ask', '--', '--jsonl'], {
      cwd: projectDir,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', (e) => done({ code: -1, out, err: String(e), ms: 0 }));
    child.on('close', (code) =>
      done({ code, out, err, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
    );
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

const asSet = (xs) => new Set(Array.isArray(xs) ? xs : []);
const eqSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));

function check(item, ans) {
  const why = [];
  if (!ans || typeof ans !== 'object') return ['no answer'];
  const e = item.expect ?? {};
  const projects = asSet(ans.projects);
  const orgs = asSet(ans.organizations);
  const videos = asSet(ans.videos);
  if (item.lang && ans.language !== item.lang) why.push(`language ${ans.language} != ${item.lang}`);
  if (e.intent && ans.intent !== e.intent) why.push(`intent ${ans.intent} != ${e.intent}`);
  if (e.projects && !eqSet(projects, asSet(e.projects)))
    why.push(`projects [${[...projects]}] != [${e.projects}]`);
  if (e.projects_any && !e.projects_any.some((p) => projects.has(p)))
    why.push(`projects [${[...projects]}] has none of [${e.projects_any}]`);
  if (e.projects_none && e.projects_none.some((p) => projects.has(p)))
    why.push(`projects [${[...projects]}] has one of [${e.projects_none}]`);
  if (e.organizations && !e.organizations.every((o) => orgs.has(o)))
    why.push(`organizations [${[...orgs]}] lacks [${e.organizations}]`);
  if (e.video && !videos.has(e.video)) why.push(`videos [${[...videos]}] lacks ${e.video}`);
  if (e.video_any && !e.video_any.some((v) => videos.has(v)))
    why.push(`videos [${[...videos]}] has none of [${e.video_any}]`);
  if (e.fallback && (ans.intent !== 'fallback' || projects.size > 0))
    why.push(`expected fallback, got ${ans.intent} [${[...projects]}]`);
  return why;
}

const run = await ask();
const answers = run.out
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => {
    try {
      return JSON.parse(l);
    } catch {
      return { unparsable: l.slice(0, 120) };
    }
  });
if (run.code !== 0 || answers.length !== items.length) {
  console.log(`the bot could not be asked: exit ${run.code}, ${answers.length} answers for ${items.length} questions`);
  console.log(run.err.split('\n').slice(-15).join('\n'));
  console.log(`accuracy: 0% (0/${items.length}), language: 0%`);
  process.exit(2);
}

const tally = new Map();
const bump = (key, ok) => {
  const t = tally.get(key) ?? { ok: 0, n: 0 };
  t.n++;
  if (ok) t.ok++;
  tally.set(key, t);
};
let pass = 0;
let langOk = 0;
const failures = [];
items.forEach((item, i) => {
  const why = check(item, answers[i]);
  const ok = why.length === 0;
  if (ok) pass++;
  if (answers[i]?.language === item.lang) langOk++;
  bump(`lang ${item.lang}`, ok);
  bump(`category ${item.category}`, ok);
  if (!ok) failures.push({ id: item.id, q: item.q, why, got: answers[i] });
});

const pct = (a, b) => ((100 * a) / Math.max(b, 1)).toFixed(1);
if (asJson) {
  console.log(JSON.stringify({ pass, total: items.length, language: langOk, ms: run.ms, failures }));
} else {
  if (!quiet)
    for (const f of failures)
      console.log(`FAIL ${f.id} ${JSON.stringify(f.q)}: ${f.why.join('; ')}`);
  for (const [k, t] of [...tally].sort()) console.log(`${k.padEnd(32)} ${pct(t.ok, t.n).padStart(6)}% (${t.ok}/${t.n})`);
  console.log(`${items.length} questions in ${(run.ms / 1000).toFixed(2)} s, process start included`);
}
console.log(`accuracy: ${pct(pass, items.length)}% (${pass}/${items.length}), language: ${pct(langOk, items.length)}%`);
process.exit(pass / items.length >= min ? 0 : 1);
