import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { deflateSync, crc32 } from 'node:zlib';
import sharp from 'sharp';
import { listMediaOfReport } from '../../store/media.ts';
import { loadConfig } from '../config.ts';
import { hasFfmpeg } from './media.ts';
import { type Browser, type TestApp, anonymous, loginAs, openTestApp } from '../../http/testing.ts';

const run = promisify(execFile);
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** A JPEG as a phone writes it: GPS, maker, XMP, and an orientation tag (rotated 90°). */
async function photoWithGps(colour = '#c33'): Promise<Buffer> {
  return sharp({ create: { width: 64, height: 48, channels: 3, background: colour } })
    .jpeg()
    .withMetadata({ orientation: 6 })
    .withExif({
      IFD0: { Make: 'CaravanTestPhone', Model: 'Witness 3000' },
      IFD3: {
        GPSLatitudeRef: 'N',
        GPSLatitude: '43/1 13/1 1930/100',
        GPSLongitudeRef: 'E',
        GPSLongitude: '76/1 51/1 0/1',
        GPSMapDatum: 'WGS-84',
      },
    })
    .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></x:xmpmeta>')
    .toBuffer();
}

/**
 * A 20000×20000 greyscale PNG at one bit a pixel: 400 megapixels that decode to 400 MB, sent in
 * about 50 KiB. Written by hand because encoding it with sharp takes a quarter of a minute.
 */
function pngBomb(side = 20000): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(typed));
    return Buffer.concat([len, typed, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(side, 0);
  ihdr.writeUInt32BE(side, 4);
  ihdr[8] = 1; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc(side * (1 + side / 8));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

interface Upload {
  name: string;
  data: Uint8Array;
}

function reportForm(what: string, files: Upload[], extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('what', what);
  form.append('howKnown', 'saw');
  for (const [k, v] of Object.entries(extra)) form.append(k, v);
  for (const f of files) form.append('media', new Blob([new Uint8Array(f.data)]), f.name);
  return form;
}

/** Every file under `dir`, with its bytes. */
async function filesUnder(dir: string): Promise<Array<{ path: string; bytes: Buffer }>> {
  const out: Array<{ path: string; bytes: Buffer }> = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath ?? (entry as unknown as { path: string }).path, entry.name);
    out.push({ path, bytes: await readFile(path) });
  }
  return out;
}

describe('media sent with a report', () => {
  let t: TestApp;
  let dataDir: string;
  let editor: Browser;
  let gpsPhoto: Buffer;

  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'caravan-media-'));
    const config = loadConfig({ CARAVAN_DATA: dataDir, CARAVAN_ORIGIN: 'http://localhost' });
    t = await openTestApp({ config });
    editor = await loginAs(t, 'editor');
    gpsPhoto = await photoWithGps();
  });
  after(async () => {
    await t.close();
    await rm(dataDir, { recursive: true, force: true });
  });

  const post = (form: FormData) => t.app.request('http://localhost/report', { method: 'POST', body: form });
  const reportCount = async () => (await t.db.query<{ n: number }>('select count(*)::int as n from reports'))[0]!.n;
  const latestReportId = async () => (await t.db.query<{ id: number }>('select max(id) as id from reports'))[0]!.id;

  /** What a refused post must leave: no report, no media row, no file anywhere. */
  async function assertNothingStored(res: Response, status: number, message: RegExp, reportsBefore: number) {
    const html = await res.text();
    assert.equal(res.status, status, html);
    assert.match(html, message);
    assert.match(html, /Nothing of this report was stored/);
    assert.equal(await reportCount(), reportsBefore);
    const left = await filesUnder(dataDir);
    assert.deepEqual(
      left.filter((f) => !f.path.includes('/media/') && !f.path.includes('/evidence/')),
      [],
      'no temporary file left',
    );
  }

  it('serves editors a copy without GPS, EXIF or XMP, and shows the hash of the file as sent', async () => {
    const res = await post(reportForm('Tear gas near the akimat', [{ name: 'IMG_0001.jpg', data: gpsPhoto }]));
    assert.equal(res.status, 201, await res.clone().text());
    const id = await latestReportId();
    const [media] = await listMediaOfReport(t.db, id);
    assert.ok(media);
    assert.equal(media.evidence_path, null);

    const page = await (await editor.get(`/editor/reports/${id}`)).text();
    assert.ok(page.includes(sha256(gpsPhoto)), 'the editor page shows the SHA-256 of the bytes as received');
    assert.match(page, /image\/jpeg/);
    assert.match(page, /48×64/, 'dimensions after turning the photo upright');
    assert.match(page, /No original kept/);

    const served = await editor.get(`/editor/media/${media.id}`);
    assert.equal(served.status, 200);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.equal(served.headers.get('cache-control'), 'no-store');
    const copy = Buffer.from(await served.arrayBuffer());
    assert.equal(media.stripped_sha256, sha256(copy));
    const meta = await sharp(copy).metadata();
    assert.equal(meta.format, 'jpeg');
    assert.equal(meta.exif, undefined);
    assert.equal(meta.xmp, undefined);
    assert.equal(meta.iptc, undefined);
    assert.equal(meta.orientation, undefined);
    assert.deepEqual([meta.width, meta.height], [48, 64], 'rotated by its orientation tag before the tag was dropped');
    for (const marker of ['Exif', 'WGS-84', 'CaravanTestPhone', 'Witness 3000', '<x:xmpmeta', 'http://ns.adobe.com/xap']) {
      assert.equal(copy.includes(marker), false, `the copy contains ${marker}`);
    }
    // The fixture did carry them, so the checks above can fail.
    assert.ok((await sharp(gpsPhoto).metadata()).exif && gpsPhoto.includes('WGS-84'));

    // Without the checkbox the original is nowhere: not in the data folder, not on a route.
    for (const f of await filesUnder(dataDir)) {
      assert.equal(f.bytes.includes('WGS-84'), false, `${f.path} holds the original's GPS data`);
    }
    assert.equal((await editor.get(`/editor/media/${media.id}/original`)).status, 404);
  });

  it('keeps the original apart when asked, and only an editor can download it', async () => {
    const photo = await photoWithGps('#3c3');
    const res = await post(reportForm('Shots heard at the square', [{ name: 'evidence.jpg', data: photo }], { keepOriginal: '1' }));
    assert.equal(res.status, 201);
    const [media] = await listMediaOfReport(t.db, await latestReportId());
    assert.ok(media?.evidence_path);
    assert.match(media.evidence_path, /^evidence\//);
    assert.deepEqual(await readFile(join(dataDir, media.evidence_path)), photo);

    for (const path of [`/editor/media/${media.id}/original`, `/editor/media/${media.id}`]) {
      const anon = await anonymous(t).get(path);
      assert.equal(anon.status, 303, `${path} without a session`);
      assert.match(anon.headers.get('location') ?? '', /^\/editor\/login/);
      assert.equal((await anon.arrayBuffer()).byteLength < 1000, true);
    }

    const original = await editor.get(`/editor/media/${media.id}/original`);
    assert.equal(original.status, 200);
    assert.match(original.headers.get('content-disposition') ?? '', /^attachment;/);
    assert.equal(original.headers.get('cache-control'), 'no-store');
    const bytes = Buffer.from(await original.arrayBuffer());
    assert.deepEqual(bytes, photo);
    assert.ok(bytes.includes('WGS-84'), 'the evidence keeps its GPS data');
    assert.match(await (await editor.get(`/editor/reports/${media.report_id}`)).text(), /Download the original/);
  });

  it('keeps PNG and WebP in their format and drops their EXIF too', async () => {
    for (const format of ['png', 'webp'] as const) {
      const image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#36c' } })
        .toFormat(format)
        .withExif({ IFD0: { Make: 'CaravanTestPhone' }, IFD3: { GPSMapDatum: 'WGS-84' } })
        .toBuffer();
      assert.ok((await sharp(image).metadata()).exif, `the ${format} fixture has EXIF`);
      assert.equal((await post(reportForm(`A ${format} photo`, [{ name: `photo.${format}`, data: image }]))).status, 201);
      const [media] = await listMediaOfReport(t.db, await latestReportId());
      assert.equal(media?.mime, `image/${format}`);
      const copy = Buffer.from(await (await editor.get(`/editor/media/${media.id}`)).arrayBuffer());
      const meta = await sharp(copy).metadata();
      assert.equal(meta.format, format);
      assert.equal(meta.exif, undefined);
      assert.equal(copy.includes('WGS-84') || copy.includes('CaravanTestPhone'), false);
    }
  });

  it('refuses a .jpg that is really a ZIP, naming the file; nothing is stored', async () => {
    const before = await reportCount();
    const zip = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200, 1)]);
    const res = await post(
      reportForm('with a fake photo', [
        { name: 'good.jpg', data: gpsPhoto },
        { name: 'holiday.jpg', data: zip },
      ]),
    );
    await assertNothingStored(res, 422, /“holiday\.jpg” is not an image or video we accept \(it looks like a ZIP archive\)/, before);
  });

  it('refuses a decompression bomb before decoding it', async () => {
    const before = await reportCount();
    const bomb = pngBomb();
    assert.ok(bomb.length < 200 * 1024);
    const res = await post(reportForm('a huge image', [{ name: 'bomb.png', data: bomb }]));
    await assertNothingStored(res, 422, /“bomb\.png” is too large an image: 20000×20000 pixels \(we accept up to 40 megapixels\)/, before);
  });

  it('refuses a photo over 15 MiB with 413 and six files with 422', async () => {
    const before = await reportCount();
    const big = Buffer.alloc(15 * 1024 * 1024 + 1);
    big.set([0xff, 0xd8, 0xff, 0xe0]);
    await assertNothingStored(
      await post(reportForm('big', [{ name: 'big.jpg', data: big }])),
      413,
      /“big\.jpg” is larger than 15 MiB/,
      before,
    );
    const six = Array.from({ length: 6 }, (_, i) => ({ name: `p${i}.jpg`, data: gpsPhoto }));
    await assertNothingStored(await post(reportForm('six', six)), 422, /too many files: at most 5/, before);
  });

  it('stores no media when the report itself is refused', async () => {
    const before = await reportCount();
    const res = await post(reportForm('', [{ name: 'a.jpg', data: gpsPhoto }]));
    assert.equal(res.status, 422);
    assert.equal(await reportCount(), before);
    const mediaRows = await t.db.query<{ n: number }>('select count(*)::int as n from media');
    const files = (await filesUnder(dataDir)).filter((f) => f.path.includes('/media/'));
    assert.equal(files.length, mediaRows[0]!.n, 'every stored file has its row, and no more');
  });

  it('takes the form with no file chosen, as a browser sends it', async () => {
    const boundary = '----WebKitFormBoundaryq1w2e3r4t5y6u7i8';
    const part = (disposition: string, value: string) =>
      `--${boundary}\r\nContent-Disposition: form-data; ${disposition}\r\n\r\n${value}\r\n`;
    const body =
      part('name="what"', 'No photo this time') +
      part('name="howKnown"', 'saw') +
      `--${boundary}\r\nContent-Disposition: form-data; name="media"; filename=""\r\nContent-Type: application/octet-stream\r\n\r\n\r\n` +
      `--${boundary}--\r\n`;
    const res = await t.app.request('http://localhost/report', {
      method: 'POST',
      body,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    assert.equal(res.status, 201, await res.text());
    assert.deepEqual(await listMediaOfReport(t.db, await latestReportId()), []);
    // Node's own FormData leaves the filename out, which makes the empty file a text field.
    const form = reportForm('No photo either', []);
    form.append('media', new File([], ''));
    assert.equal((await post(form)).status, 201);
  });

  it('strips a video’s location tag', async (ctx) => {
    if (!(await hasFfmpeg())) {
      if (process.env.CI === 'true') assert.fail('ffmpeg is required in CI');
      return ctx.skip('ffmpeg/ffprobe are not installed (apt-get install ffmpeg)');
    }
    const src = join(dataDir, '..', `caravan-video-${process.pid}.mp4`);
    await run('ffmpeg', [
      '-v',
      'error',
      '-f',
      'lavfi',
      '-i',
      'testsrc=size=64x48:rate=10:duration=1',
      '-c:v',
      'mpeg4',
      '-metadata',
      'location=+43.2220+076.8512/',
      '-metadata',
      'title=Witness clip',
      '-y',
      src,
    ]);
    const video = await readFile(src);
    await rm(src);
    const tagsOf = async (path: string) => {
      const { stdout } = await run('ffprobe', ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path]);
      return JSON.stringify(JSON.parse(stdout));
    };
    const check = join(dataDir, '..', `caravan-video-check-${process.pid}.mp4`);
    await writeFile(check, video);
    assert.match(await tagsOf(check), /43\.2220\+076\.8512/, 'the fixture carries a location');

    const res = await post(reportForm('Video of the march', [{ name: 'clip.mp4', data: video }]));
    assert.equal(res.status, 201, await res.clone().text());
    const [media] = await listMediaOfReport(t.db, await latestReportId());
    assert.ok(media);
    assert.equal(media.mime, 'video/mp4');
    assert.deepEqual([media.width, media.height], [64, 48]);
    assert.ok(media.duration_ms !== null && Math.abs(media.duration_ms - 1000) < 200);
    const served = Buffer.from(await (await editor.get(`/editor/media/${media.id}`)).arrayBuffer());
    await writeFile(check, served);
    const tags = await tagsOf(check);
    await rm(check);
    assert.doesNotMatch(tags, /"location|43\.2220|Witness clip/);
    assert.equal(served.includes('43.2220'), false);
  });
});

describe('a photo report whose first commit is rolled back', () => {
  it('is stored whole when group commit runs it again (store/group-commit.ts)', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'caravan-media-rerun-'));
    const config = loadConfig({ CARAVAN_DATA: dataDir, CARAVAN_ORIGIN: 'http://localhost' });
    const t = await openTestApp({ config });
    try {
      // What group commit does when another write of the batch fails: this write's first run is
      // rolled back with the batch, and it runs again in a transaction of its own.
      let runs = 0;
      t.ctx.db.grouped = async (fn) => {
        await t.db
          .transaction(async (tx) => {
            runs++;
            await fn(tx);
            throw new Error('a neighbour in the batch failed');
          })
          .catch(() => undefined);
        runs++;
        return t.db.transaction(fn);
      };
      const res = await t.app.request('http://localhost/report', {
        method: 'POST',
        body: reportForm('Smoke over the akimat', [{ name: 'IMG_0002.jpg', data: await photoWithGps('#36c') }], { keepOriginal: '1' }),
      });
      assert.equal(res.status, 201, await res.clone().text());
      assert.equal(runs, 2);
      const id = (await t.db.query<{ id: number }>('select max(id) as id from reports'))[0]!.id;
      const media = await listMediaOfReport(t.db, id);
      assert.equal(media.length, 1, 'one media row, not none and not two');
      const files = (await filesUnder(dataDir)).map((f) => f.path.slice(dataDir.length));
      assert.ok(files.includes(`/${media[0]!.stored_path}`), `the stripped copy is where its row says: ${files.join(', ')}`);
      assert.ok(files.includes(`/${media[0]!.evidence_path}`), 'and so is the original');
      assert.equal(files.length, 2, `no other file: ${files.join(', ')}`);
    } finally {
      await t.close();
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
