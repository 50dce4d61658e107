/**
 * kill -9 while photos arrive: an original still holds the reporter's location until sharp has
 * re-encoded it, so a server killed mid-upload leaves one in `<data>/incoming/`. The next start
 * must remove it at once, and nothing in the data folder may keep the location afterwards.
 */
import assert from 'node:assert/strict';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import sharp from 'sharp';
import { serverSchema, startServe } from './fixtures/serve-process.ts';

const TRIALS = 6;
/** In the photo's GPS block only: no stripped copy or database page has it. */
const MARKER = 'CaravanGpsDatum-43.2220N';

const serverUrl = process.env.DATABASE_URL;
const stores = ['embedded', ...(serverUrl ? ['server'] : [])] as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

let tmp: string;
let photo: Buffer;
before(async () => {
  tmp = await mkdtemp(join(tmpdir(), 'caravan-kill-uploads-'));
  // Noise, so the JPEG is a few hundred KiB and takes more than one read to arrive.
  const noise = Buffer.alloc(640 * 480 * 3);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 2654435761) >>> 24;
  photo = await sharp(noise, { raw: { width: 640, height: 480, channels: 3 } })
    .jpeg({ quality: 95 })
    .withExif({
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '43/1 13/1 1930/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '76/1 51/1 0/1',
        GPSMapDatum: MARKER,
      },
    })
    .toBuffer();
});
after(() => rm(tmp, { recursive: true, force: true }));

const BOUNDARY = '----caravanKillBoundary';
function form(what: string): Buffer {
  const field = (name: string, value: string) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
  return Buffer.concat([
    Buffer.from(field('what', what) + field('howKnown', 'saw')),
    Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="media"; filename="IMG_0001.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    photo,
    Buffer.from(`\r\n--${BOUNDARY}--\r\n`),
  ]);
}

/** Posts a report with the photo; `stall` sends only part of it and then waits for the kill. */
async function post(url: string, what: string, stall: boolean): Promise<number> {
  const body = form(what);
  const cut = stall ? Math.floor(body.length / 2) : body.length;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new Uint8Array(body.subarray(0, cut)));
      if (!stall) controller.close();
    },
  });
  const res = await fetch(`${url}/report`, {
    method: 'POST',
    headers: { 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    body: stream,
    duplex: 'half',
  } as RequestInit);
  await res.arrayBuffer();
  return res.status;
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

async function filesHolding(dir: string, needle: string): Promise<string[]> {
  const out: string[] = [];
  for (const path of await filesUnder(dir)) {
    // A live server removes its uploads as their requests end.
    const bytes = await readFile(path).catch(() => Buffer.alloc(0));
    if (bytes.includes(needle)) out.push(path);
  }
  return out;
}

for (const kind of stores) {
  describe(`kill -9 during photo uploads on the ${kind} store`, () => {
    let schema: Awaited<ReturnType<typeof serverSchema>> | undefined;
    before(async () => {
      if (kind === 'server') schema = await serverSchema(serverUrl!);
    });
    after(() => schema?.drop());

    it(`leaves no original with its location on disk (${TRIALS} kills mid-upload)`, async () => {
      const dataDir = join(tmp, kind);
      const env = schema ? { DATABASE_URL: schema.url } : {};
      let stored = 0;
      const refused: number[] = [];
      let leftByKills = 0;
      for (let trial = 0; trial < TRIALS; trial++) {
        const server = await startServe({ dataDir, env });
        let running = true;
        const whole = (async () => {
          for (let n = 0; running; n++) {
            let status: number;
            try {
              status = await post(server.url, `Trial ${trial} photo ${n}: tear gas at the akimat`, false);
            } catch {
              return;
            }
            if (status === 201) stored++;
            else refused.push(status);
          }
        })();
        const stalled = [0, 1, 2].map((c) => post(server.url, `Trial ${trial} stalled ${c}`, true).catch(() => 0));
        // Until a photo was stored and the stalled uploads' first halves, GPS block included, are
        // on the server's disk.
        const storedBefore = stored;
        const caught = async () => stored > storedBefore && (await filesHolding(join(dataDir, 'incoming'), MARKER)).length >= 3;
        for (let waited = 0; !(await caught()) && waited < 30_000; waited += 50) await sleep(50);
        await sleep((trial * 37) % 120);
        await server.stop('SIGKILL');
        running = false;
        await Promise.all([whole, ...stalled]);
        leftByKills = Math.max(leftByKills, (await filesHolding(join(dataDir, 'incoming'), MARKER)).length);
      }
      assert.ok(leftByKills >= 3, `the kills caught originals mid-upload (${leftByKills})`);
      assert.ok(stored > 0, 'photos were stored between the kills');
      assert.deepEqual(refused, [], 'every whole upload was stored');

      const server = await startServe({ dataDir, env });
      try {
        assert.deepEqual(await filesUnder(join(dataDir, 'incoming')), [], 'the next start removed every left upload at once');
        assert.deepEqual(await filesHolding(dataDir, MARKER), [], 'no file in the data folder holds the location');
        assert.equal(await post(server.url, 'After the kills: one more photo', false), 201);
      } finally {
        await server.stop();
      }
      assert.deepEqual(await filesUnder(join(dataDir, 'incoming')), [], 'a completed upload leaves nothing in incoming/');
      assert.deepEqual(await filesHolding(dataDir, MARKER), []);
      console.log(
        `# ${kind}: ${TRIALS} kills mid-upload left up to ${leftByKills} originals with GPS; ${stored} photos stored; none left after the restart`,
      );
    });
  });
}
