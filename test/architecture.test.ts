/**
 * The folder rules of ARCHITECTURE.md, enforced: every import in src/ (and bin/) is read and
 * checked against the table below, which is the single source the document describes.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SRC = join(ROOT, 'src');

/** Which of our top folders each folder may import (besides itself). */
const MAY_IMPORT: Readonly<Record<string, readonly string[]>> = {
  core: [],
  log: ['core'],
  channels: ['core'],
  store: ['core', 'log'],
  publish: ['core'],
  demo: ['core', 'store'],
  app: ['core', 'log', 'channels', 'store'],
  http: ['core', 'log', 'channels', 'store', 'publish', 'app'],
  'static-site': ['core', 'log', 'publish', 'app', 'http'],
  cli: ['core', 'log', 'channels', 'store', 'publish', 'demo', 'app', 'http', 'static-site'],
  bin: ['cli'],
};

/**
 * What a folder's tests (and its testing.ts helpers) may import beyond MAY_IMPORT: application
 * tests drive a service through the HTTP app as a user would, and load the demo as a fixture.
 */
const TESTS_MAY_ALSO_IMPORT: Readonly<Record<string, readonly string[]>> = {
  app: ['http', 'demo'],
  http: ['demo'],
};

interface SourceFile {
  /** Path from the repository root with forward slashes, e.g. "src/core/event.ts". */
  path: string;
  /** "core", "store", ... or "bin". */
  folder: string;
  text: string;
}

function walk(dir: string, pattern: RegExp): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') out.push(...walk(full, pattern));
    } else if (pattern.test(entry.name)) out.push(full);
  }
  return out.sort();
}

const toPosix = (p: string) => p.split(sep).join('/');

function folderOf(absolute: string): string | undefined {
  const rel = toPosix(relative(ROOT, absolute));
  if (rel.startsWith('bin/')) return 'bin';
  const m = /^src\/([^/]+)\//.exec(rel);
  return m?.[1];
}

function sourceFiles(): SourceFile[] {
  const files = [...walk(SRC, /\.tsx?$/), ...walk(join(ROOT, 'bin'), /\.(c|m)?[jt]sx?$/)];
  return files.map((f) => ({ path: toPosix(relative(ROOT, f)), folder: folderOf(f) ?? '(src root)', text: readFileSync(f, 'utf8') }));
}

/** Removes comments so commented-out imports and examples in JSDoc do not count. */
function stripComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/**
 * Import specifiers: static imports (also `import type` and side-effect imports), re-exports,
 * dynamic `import('...')` and type-level `import('...')`.
 */
function importSpecifiers(text: string): string[] {
  const code = stripComments(text);
  const specs: string[] = [];
  const patterns = [
    /\bimport\s+(?:type\s+)?[\w*{}\s,$]+?\s+from\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bexport\s+(?:type\s+)?(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s*from\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"`])([^'"`]+)\1\s*[,)]/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) specs.push(m[2]!);
  return specs;
}

/** Folders that must also run in a browser (log/ verifies there), so no Node modules. */
const PURE_FOLDERS = new Set(['core', 'log']);

const isTest = (path: string) => /\.test\.tsx?$/.test(path);
const isTestingHelper = (path: string) => /(^|\/)testing\.tsx?$/.test(path);
const NODE_BUILTINS = new Set(builtinModules);
const isNodeBuiltin = (spec: string) => spec.startsWith('node:') || NODE_BUILTINS.has(spec.split('/')[0]!);

interface Violation {
  file: string;
  spec: string;
  why: string;
}

function violations(files: readonly SourceFile[]): Violation[] {
  const out: Violation[] = [];
  for (const file of files) {
    const allowed = MAY_IMPORT[file.folder];
    if (!allowed) {
      out.push({ file: file.path, spec: '', why: `folder "${file.folder}" is not in the architecture table` });
      continue;
    }
    for (const spec of importSpecifiers(file.text)) {
      if (spec.startsWith('.')) {
        const target = resolve(ROOT, dirname(file.path), spec);
        const targetPath = toPosix(relative(ROOT, target));
        const targetFolder = folderOf(target);
        if (!targetFolder || targetPath.startsWith('..')) {
          out.push({ file: file.path, spec, why: 'imports from outside src/' });
          continue;
        }
        const forTests = isTest(file.path) || isTestingHelper(file.path) ? (TESTS_MAY_ALSO_IMPORT[file.folder] ?? []) : [];
        if (targetFolder !== file.folder && !allowed.includes(targetFolder) && !forTests.includes(targetFolder)) {
          out.push({ file: file.path, spec, why: `${file.folder}/ may not import ${targetFolder}/` });
        }
        if (isTestingHelper(targetPath) && !isTest(file.path) && !isTestingHelper(file.path)) {
          out.push({ file: file.path, spec, why: 'test helpers (testing.ts) are for tests only' });
        }
      } else if (PURE_FOLDERS.has(file.folder) && isNodeBuiltin(spec) && !isTest(file.path) && !isTestingHelper(file.path)) {
        out.push({ file: file.path, spec, why: `${file.folder}/ is pure: no Node modules` });
      }
    }
  }
  return out;
}

/** The files each file imports, by repository path (relative imports of our own files only). */
function importGraph(files: readonly SourceFile[]): Map<string, string[]> {
  const known = new Set(files.map((f) => f.path));
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importSpecifiers(file.text)
      .filter((spec) => spec.startsWith('.'))
      .map((spec) => toPosix(relative(ROOT, resolve(ROOT, dirname(file.path), spec))))
      .filter((target) => known.has(target));
    graph.set(file.path, [...new Set(targets)]);
  }
  return graph;
}

/** Every set of files that import each other in a circle (Tarjan's strongly connected components). */
function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Files outside store/ that run SQL themselves instead of calling store/ (tests may). */
function sqlOutsideStore(files: readonly SourceFile[]): string[] {
  const call = /\b(db|tx|q|queryable)\.(query|exec|copyRows)\s*(<[^>]*>)?\s*\(/;
  const statement = /(['"`])\s*(select\s+[\w*(]|insert\s+into\s|update\s+\w+\s+set\s|delete\s+from\s|with\s+\w+\s+as\s*\()/;
  return files
    .filter(
      (f) =>
        f.folder !== 'store' &&
        !isTest(f.path) &&
        !isTestingHelper(f.path) &&
        (call.test(stripComments(f.text)) || statement.test(stripComments(f.text))),
    )
    .map((f) => f.path);
}

const report = (vs: readonly Violation[]) => vs.map((v) => `  ${v.file}: ${v.spec ? `'${v.spec}' ` : ''}(${v.why})`).join('\n');

describe('import specifiers', () => {
  it('are found in every form we write', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from '../core/b.ts';",
      'import * as c from "./c.ts";',
      "import d, { e } from './d.ts';",
      "import './side-effect.ts';",
      "export { f } from './f.ts';",
      "export * from './g.ts';",
      "export type { H } from './h.ts';",
      "const i = await import('./i.ts');",
      "type J = import('../core/j.ts').J;",
      "import {\n  k,\n  l,\n} from './kl.ts';",
      "// import { no } from './commented.ts';",
      "/* import { no } from './block.ts'; */",
      "const url = 'http://example.org/x'; import { m } from './m.ts';",
    ].join('\n');
    assert.deepEqual(importSpecifiers(text).sort(), [
      '../core/b.ts',
      '../core/j.ts',
      './a.ts',
      './c.ts',
      './d.ts',
      './f.ts',
      './g.ts',
      './h.ts',
      './i.ts',
      './kl.ts',
      './m.ts',
      './side-effect.ts',
    ]);
  });
});

describe('folder rules', () => {
  const files = sourceFiles();

  it('sees the source tree', () => {
    const folders = new Set(files.map((f) => f.folder));
    for (const f of Object.keys(MAY_IMPORT)) assert.ok(folders.has(f), `no files found in ${f}/`);
  });

  it('catch imports that cross a line', () => {
    const fake: SourceFile[] = [
      { path: 'src/core/x.ts', folder: 'core', text: "import { a } from '../store/db.ts';\nimport { readFile } from 'node:fs';" },
      { path: 'src/core/x.test.ts', folder: 'core', text: "import { test } from 'node:test';" },
      { path: 'src/publish/p.tsx', folder: 'publish', text: "const s = await import('../http/app.tsx');" },
      { path: 'src/publish/q.ts', folder: 'publish', text: "export { x } from '../core/x.ts';" },
      {
        path: 'src/app/s.ts',
        folder: 'app',
        text: "import { openTestDb } from '../store/testing.ts';\nimport { createApp } from '../http/app.tsx';",
      },
      {
        path: 'src/app/s.test.ts',
        folder: 'app',
        text: "import { openTestDb } from '../store/testing.ts';\nimport { createApp } from '../http/app.tsx';",
      },
      { path: 'src/http/testing.ts', folder: 'http', text: "import { openTestDb } from '../store/testing.ts';" },
      { path: 'bin/caravan.js', folder: 'bin', text: "const { main } = await import('../src/store/db.ts');" },
    ];
    assert.deepEqual(
      violations(fake).map((v) => `${v.file} ${v.spec}`),
      [
        'src/core/x.ts ../store/db.ts',
        'src/core/x.ts node:fs',
        'src/publish/p.tsx ../http/app.tsx',
        'src/app/s.ts ../store/testing.ts',
        'src/app/s.ts ../http/app.tsx',
        'bin/caravan.js ../src/store/db.ts',
      ],
    );
  });

  it('hold for every file in src/ and bin/', () => {
    const found = violations(files);
    assert.equal(found.length, 0, `imports that break ARCHITECTURE.md:\n${report(found)}`);
  });
});

describe('import cycles', () => {
  it('are found, type-only imports included', () => {
    const fake: SourceFile[] = [
      { path: 'src/app/a.ts', folder: 'app', text: "import type { B } from './b.ts';" },
      { path: 'src/app/b.ts', folder: 'app', text: "import { c } from './c.ts';" },
      { path: 'src/app/c.ts', folder: 'app', text: "export { a } from './a.ts';" },
      { path: 'src/app/d.ts', folder: 'app', text: "import { a } from './a.ts';" },
    ];
    assert.deepEqual(importCycles(importGraph(fake)), [['src/app/a.ts', 'src/app/b.ts', 'src/app/c.ts']]);
  });

  it('do not exist between any two files of src/ and bin/', () => {
    const cycles = importCycles(importGraph(sourceFiles()));
    assert.deepEqual(cycles, [], `files that import each other:\n${cycles.map((c) => `  ${c.join(' → ')}`).join('\n')}`);
  });
});

describe('SQL', () => {
  it('is caught running SQL', () => {
    const fake: SourceFile[] = [
      {
        path: 'src/http/routes/x.ts',
        folder: 'http',
        text: "const rows = await ctx.db.query<{ n: number }>('select count(*) from reports');",
      },
      { path: 'src/http/routes/y.ts', folder: 'http', text: 'const page = `Select the place from the list`;' },
      { path: 'src/http/routes/z.ts', folder: 'http', text: "await tx.exec('begin');" },
      { path: 'src/http/routes/w.ts', folder: 'http', text: "const lang = c.req.query('lang');" },
      { path: 'src/store/u.ts', folder: 'store', text: "await q.query('select 1');" },
      { path: 'src/app/t.test.ts', folder: 'app', text: "await db.query('select 1');" },
      { path: 'src/http/routes/v.ts', folder: 'http', text: 'const sql = `delete from sessions where id = $1`;' },
    ];
    assert.deepEqual(sqlOutsideStore(fake), ['src/http/routes/x.ts', 'src/http/routes/z.ts', 'src/http/routes/v.ts']);
  });

  it('is written only in store/', () => {
    assert.deepEqual(sqlOutsideStore(sourceFiles()), []);
  });
});

describe('ARCHITECTURE.md', () => {
  it('describes every folder of the table', () => {
    const file = join(ROOT, 'ARCHITECTURE.md');
    assert.ok(existsSync(file), 'ARCHITECTURE.md is missing');
    const text = readFileSync(file, 'utf8');
    const missing = Object.keys(MAY_IMPORT).filter((folder) => !text.includes(`\`${folder}/\``));
    assert.deepEqual(missing, [], 'folders in the rule table that ARCHITECTURE.md does not describe');
  });

  it('says in its table what each folder may import, as the rules here do', () => {
    const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const rows = [...text.matchAll(/^\| `([\w-]+)\/` \|.*\| ([^|]+) \|$/gm)].map((m) => ({ folder: m[1]!, cell: m[2]! }));
    assert.deepEqual(
      rows.map((r) => r.folder),
      Object.keys(MAY_IMPORT),
      'the table lists the folders in the order of the rules',
    );
    const folders = (cell: string) => [...cell.matchAll(/`([\w-]+)\/`/g)].map((m) => m[1]!).sort();
    for (const [i, { folder, cell }] of rows.entries()) {
      const [own, tests = ''] = cell.split(/\(its tests may also/);
      const said = /all of the above/.test(own!)
        ? rows
            .slice(0, i)
            .map((r) => r.folder)
            .sort()
        : folders(own!);
      assert.deepEqual(said, [...MAY_IMPORT[folder]!].sort(), `the table's "may import" for ${folder}/`);
      assert.deepEqual(folders(tests), [...(TESTS_MAY_ALSO_IMPORT[folder] ?? [])].sort(), `what the table lets ${folder}/ tests import`);
    }
  });

  it('names only files that exist', () => {
    const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
    const named = [...text.matchAll(/`([\w.-]+(?:\/[\w.-]+)+\.(?:tsx?|mjs))`/g)].map((m) => m[1]!);
    assert.ok(named.length > 50, `only ${named.length} file paths found in ARCHITECTURE.md`);
    const missing = named.filter((p) => !existsSync(join(SRC, p)) && !existsSync(join(ROOT, p)));
    assert.deepEqual([...new Set(missing)], [], 'paths in ARCHITECTURE.md with no file in src/');
  });

  it('lists every top folder of src/ in the table', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name);
    assert.deepEqual(
      folders.filter((f) => !(f in MAY_IMPORT)),
      [],
    );
  });
});
