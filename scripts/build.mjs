#!/usr/bin/env node
// npm run build: compiles the TypeScript and expands the dictionaries at the same time (they do not
// depend on each other, and each takes several seconds), then computes what the bot loads at
// start from both (dist/src/build/precompute.js). Fails when any step fails.
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code, signal) => (code === 0 ? resolve() : reject(new Error(`${[command, ...args].join(' ')} failed (${signal ?? `exit ${code}`})`))));
  });
}

try {
  await Promise.all([
    run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json']),
    run(process.execPath, [join(root, 'scripts', 'expand-dictionaries.mjs')]),
  ]);
  await run(process.execPath, [join(root, 'dist', 'src', 'build', 'precompute.js')]);
} catch (error) {
  console.error(error.message);
  process.exit(1);
}
