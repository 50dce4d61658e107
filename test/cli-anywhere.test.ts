/**
 * `caravan` as an operator runs it: from whatever folder their shell is in, and, when a command
 * cannot do what it was asked, saying why in one line rather than a stack trace.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CARAVAN, caravanEnv, startServe } from './fixtures/serve-process.ts';

let tmp: string;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'caravan-anywhere-'));
});
after(() => rm(tmp, { recursive: true, force: true }));

describe('caravan started outside its checkout', () => {
  it("serves the demo chronicle's pages, not errors", async () => {
    const server = await startServe({ dataDir: join(tmp, 'served'), cwd: tmp, env: { CARAVAN_DEMO: 'true' } });
    try {
      for (const path of ['/', '/map', '/events/1', '/report']) {
        const res = await fetch(`${server.url}${path}`);
        const html = await res.text();
        assert.equal(res.status, 200, `${path}: ${html.slice(0, 300)}`);
        assert.match(html, /^<!DOCTYPE html>/i, path);
      }
      assert.doesNotMatch(server.output(), /error on GET|React is not defined/);
    } finally {
      await server.stop();
    }
  });
});

describe('a command that cannot do what it was asked', () => {
  const run = (args: string[]) =>
    spawnSync(process.execPath, [CARAVAN, ...args], { cwd: tmp, env: caravanEnv(join(tmp, 'cli')), encoding: 'utf8', timeout: 120_000 });

  for (const [what, args, says] of [
    [
      'a mirror not followed',
      ['mirror', 'sync', 'nowhere.example'],
      /^caravan mirror: nowhere\.example is not followed; add it with "caravan mirror add <url>"$/,
    ],
    ['a bundle that is no bundle', ['bundle', 'import', 'NOT_A_BUNDLE', '--key', 'x'], /^caravan bundle import: .*NOT_A_BUNDLE: /],
    ['a folder that holds no log', ['verify', 'EMPTY_FOLDER', '--key', 'example.org/log+01234567+AAAA'], /^caravan verify: /],
  ] as const) {
    it(`says why in one line, with exit status 1: ${what}`, async () => {
      await writeFile(join(tmp, 'NOT_A_BUNDLE'), 'not a tar file\n');
      const r = run(args.map((a) => (a === 'NOT_A_BUNDLE' ? join(tmp, a) : a === 'EMPTY_FOLDER' ? tmp : a)));
      assert.equal(r.status, 1, r.stderr);
      const lines = r.stderr.trimEnd().split('\n');
      assert.equal(lines.length, 1, `one line, no stack trace:\n${r.stderr}`);
      assert.match(lines[0]!, says);
    });
  }
});
