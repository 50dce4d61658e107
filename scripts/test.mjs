#!/usr/bin/env node
// Runs the project's tests with Node's built-in test runner, with tsx loaded
// so that *.test.ts / *.test.tsx files run as they are.
//
// Node 20's `--test` cannot take globs, so this script finds the files itself.
//
//   node scripts/test.mjs                      every test file under src/ and test/
//   node scripts/test.mjs src/core             only test files under src/core
//   node scripts/test.mjs src/a.test.ts        just that file
//   node scripts/test.mjs --test-name-pattern=merge src/core
//
// Arguments starting with "-" are passed to node (before the files); the rest
// are files or directories to search instead of src/ and test/.
//
// Defaults (each overridable by passing the flag yourself):
//   --test-concurrency  TEST_CONCURRENCY env, else min(2, cores): each file
//                       opens its own database (in-memory PGlite, or its own
//                       schema on the DATABASE_URL server), so files don't collide
//   --test-reporter     spec (Node 20 would print TAP when not on a terminal)
//   --test-timeout      TEST_TIMEOUT_MS env, else 600000 ms per test, so a hung
//                       test fails with its name instead of stalling CI
//   --no-wasm-code-gc   unless --wasm-code-gc is given (see below)
//
// Exits with the test runner's exit code; exits 1 if no test file is found.

import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_DIRS = ['src', 'test'];
const TEST_FILE = /\.test\.tsx?$/;
const SKIP_DIRS = new Set(['node_modules', '.git']);

// Node options whose value may come as the next argument ("--flag value").
const TAKES_VALUE = new Set([
  '--test-name-pattern',
  '--test-skip-pattern',
  '--test-reporter',
  '--test-reporter-destination',
  '--test-concurrency',
  '--test-timeout',
  '--test-shard',
  '--import',
  '--require',
  '-r',
  '--conditions',
  '-C',
  '--env-file',
  '--experimental-loader',
  '--loader',
  '--stack-size',
  '--max-old-space-size',
]);

function fail(message) {
  console.error(`scripts/test.mjs: ${message}`);
  process.exit(1);
}

function walk(dir, out) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (err) {
    fail(`cannot read ${dir}: ${err.message}`);
  }
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIP_DIRS.has(entry.name)) walk(full, out);
    } else if (entry.isFile() && TEST_FILE.test(entry.name)) {
      out.push(full);
    }
  }
}

const nodeArgs = [];
const targets = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  const arg = argv[i];
  if (arg === '--') {
    targets.push(...argv.slice(i + 1));
    break;
  }
  if (arg.startsWith('-')) {
    nodeArgs.push(arg);
    if (TAKES_VALUE.has(arg) && i + 1 < argv.length) nodeArgs.push(argv[++i]);
  } else {
    targets.push(arg);
  }
}

const found = [];
if (targets.length === 0) {
  for (const dir of DEFAULT_DIRS) {
    const full = path.join(root, dir);
    if (existsSync(full)) walk(full, found);
  }
} else {
  for (const target of targets) {
    const full = path.resolve(target);
    if (!existsSync(full)) fail(`no such file or directory: ${target}`);
    if (statSync(full).isDirectory()) walk(full, found);
    else found.push(full); // named explicitly: run it whatever its name
  }
}

const files = [...new Set(found)]
  .map((f) => {
    const rel = path.relative(root, f);
    return rel.startsWith('..') || path.isAbsolute(rel) ? f : rel;
  })
  .sort();

if (files.length === 0) {
  const where = targets.length ? targets.join(', ') : DEFAULT_DIRS.map((d) => `${d}/`).join(' and ');
  fail(`no test files found (looked for *.test.ts and *.test.tsx in ${where})`);
}

const hasFlag = (name) => nodeArgs.some((a) => a === name || a.startsWith(`${name}=`));

const defaults = [];
if (!hasFlag('--test-concurrency')) {
  let concurrency = Number.parseInt(process.env.TEST_CONCURRENCY ?? '', 10);
  if (!(concurrency > 0)) {
    concurrency = Math.max(1, Math.min(2, availableParallelism()));
  }
  defaults.push(`--test-concurrency=${concurrency}`);
}
if (!hasFlag('--test-reporter')) defaults.push('--test-reporter=spec');
if (!hasFlag('--test-timeout')) {
  const timeout = Number.parseInt(process.env.TEST_TIMEOUT_MS ?? '', 10);
  defaults.push(`--test-timeout=${timeout > 0 ? timeout : 600000}`);
}

// Test files open many embedded PostgreSQL (WebAssembly) instances; V8's wasm code GC has
// aborted Node 24 once while freeing their code (see bin/caravan.js). The runner passes this
// on to every test file's process.
if (!hasFlag('--wasm-code-gc') && !hasFlag('--no-wasm-code-gc')) defaults.push('--no-wasm-code-gc');

const args = ['--import', 'tsx', '--test', ...defaults, ...nodeArgs, ...files];
console.log(
  `# ${process.version}: ${files.length} test file(s); ` +
    `${defaults.concat(nodeArgs).join(' ')}` +
    `; store: ${process.env.DATABASE_URL ? 'PostgreSQL server (DATABASE_URL)' : 'embedded PGlite'}`,
);

const child = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' });

const forward = (signal) => {
  if (child.exitCode === null && child.signalCode === null) child.kill(signal);
};
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, forward);

child.on('error', (err) => fail(`could not start ${process.execPath}: ${err.message}`));
child.on('exit', (code, signal) => {
  if (signal) {
    console.error(`scripts/test.mjs: test runner killed by ${signal}`);
    process.exit(1);
  }
  process.exit(code ?? 1);
});
