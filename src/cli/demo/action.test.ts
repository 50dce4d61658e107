import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import sharp from 'sharp';
import { DEMO_EVENTS, DEMO_REPORTS } from '../../demo/kazakhstan-2022.ts';
import { loadDemoIfEmpty } from '../../demo/load.ts';
import { loadConfig } from '../../app/config.ts';
import { type TestApp, openTestApp } from '../../http/testing.ts';
import { resetDemo } from './action.ts';

let t: TestApp;
let dataDir: string;
before(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'caravan-demo-reset-'));
  t = await openTestApp({ config: loadConfig({ CARAVAN_DATA: dataDir, CARAVAN_ORIGIN: 'http://localhost' }) });
});
after(async () => {
  await t.close();
  await rm(dataDir, { recursive: true, force: true });
});

const count = async (table: string) => (await t.db.query<{ n: number }>(`select count(*)::int as n from ${table}`))[0]!.n;
const filesIn = async (folder: string) => readdir(join(dataDir, folder)).catch(() => [] as string[]);

test('demo --reset after a report came with a photo deletes the report, its media rows and its files', async () => {
  assert.ok(await loadDemoIfEmpty(t.db, new Date()));
  const photo = await sharp({ create: { width: 32, height: 24, channels: 3, background: '#3a6' } })
    .jpeg()
    .toBuffer();
  const form = new FormData();
  form.append('what', 'Soldiers at the square, photo attached');
  form.append('howKnown', 'saw');
  form.append('keepOriginal', 'on');
  form.append('media', new Blob([new Uint8Array(photo)]), 'IMG_0002.jpg');
  const res = await t.app.request('http://localhost/report', { method: 'POST', body: form });
  assert.equal(res.status, 201, await res.clone().text());
  const [media] = await t.db.query<{ stored_path: string; evidence_path: string | null }>('select stored_path, evidence_path from media');
  assert.ok(media, 'the report has a media row');
  const paths = [media.stored_path, ...(media.evidence_path ? [media.evidence_path] : [])].map((p) => join(dataDir, p));
  for (const p of paths) assert.ok((await stat(p)).isFile(), `${p} is on disk before the reset`);

  const printed: string[] = [];
  // Before, this threw media_report_id_fkey and left every file in place.
  assert.equal(await resetDemo(t.ctx, (line) => printed.push(line)), 0);
  assert.match(
    printed.join('\n'),
    new RegExp(`${DEMO_EVENTS.length} events, ${DEMO_REPORTS.length} reports; deleted ${paths.length} photo and video files`),
  );

  assert.equal(await count('media'), 0);
  assert.equal(await count('report_media_refs'), 0);
  assert.equal(await count('reports'), DEMO_REPORTS.length);
  const left = await t.db.query<{ n: number }>(`select count(*)::int as n from reports where what like 'Soldiers at the square%'`);
  assert.equal(left[0]!.n, 0, 'the new report is gone');
  for (const p of paths) await assert.rejects(stat(p), { code: 'ENOENT' }, `${p} is deleted`);
  assert.deepEqual([...(await filesIn('media')), ...(await filesIn('evidence'))], []);
});
