#!/usr/bin/env node
// Expands the Hunspell dictionaries of English, French and Spanish (the dictionary-en, -fr and -es
// packages, read with nspell) into plain word lists: every word form, folded the way the bot
// folds words (lower case, no accents), one a line, sorted; names (capitalised entries) are left out. The build turns them into the word
// filters the bot loads at start (src/understanding/dictionary.ts). Expanding French takes half a
// minute, so a list is rebuilt only when the packages' versions change.
//
//   node scripts/expand-dictionaries.mjs [outDir]     (default dist/precomputed/wordlists)
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nspell from 'nspell';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outDir = process.argv[2] ?? join(root, 'dist', 'precomputed', 'wordlists');
const LANGUAGES = ['en', 'fr', 'es'];

// Must fold as src/understanding/normalize.ts `fold` does; test/dictionary.test.ts checks that
// words folded by the bot are found in the lists.
const fold = (word) => word.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().normalize('NFC');

const version = (name) => JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')).version;

function expand(language) {
  const header = `# nspell@${version('nspell')} dictionary-${language}@${version(`dictionary-${language}`)} fold/2`;
  const file = join(outDir, `${language}.txt`);
  if (existsSync(file) && readFileSync(file, 'utf8').slice(0, header.length + 1) === `${header}\n`) return `${language}: up to date`;
  const started = Date.now();
  const folder = join(root, 'node_modules', `dictionary-${language}`);
  const spell = nspell(readFileSync(join(folder, 'index.aff')), readFileSync(join(folder, 'index.dic')));
  const words = new Set();
  for (const form of Object.keys(spell.data)) {
    // Elided French forms ("l'abri") and multi-word entries are left out: the bot's tokens have
    // neither (elisions are split off, spaces separate tokens). So are names ("Haiti", "Oxfam",
    // "ONU"): the lists hold everyday words, which spelling correction must never change.
    if (/['\s.]/.test(form) || form !== form.toLowerCase()) continue;
    const folded = fold(form);
    if (/^[\p{L}\p{N}-]+$/u.test(folded)) words.add(folded);
  }
  const sorted = [...words].sort();
  mkdirSync(outDir, { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${header}\n${sorted.join('\n')}\n`);
  renameSync(temporary, file);
  return `${language}: ${sorted.length} words in ${((Date.now() - started) / 1000).toFixed(1)} s`;
}

for (const language of LANGUAGES) console.error(`dictionaries: ${expand(language)}`);
