import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import decodeIco from 'decode-ico';
import { type TestApp, anonymous, openTestApp } from './testing.ts';

let t: TestApp;
before(async () => {
  t = await openTestApp();
});
after(() => t.close());

test('/favicon.ico is an icon an ICO decoder reads, at 16 and 32 pixels, cached long', async () => {
  const res = await anonymous(t).get('/favicon.ico');
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'image/vnd.microsoft.icon');
  const maxAge = Number(/max-age=(\d+)/.exec(res.headers.get('cache-control') ?? '')?.[1]);
  assert.ok(maxAge >= 7 * 86400, res.headers.get('cache-control') ?? '');
  const images = decodeIco(new Uint8Array(await res.arrayBuffer()));
  assert.deepEqual(
    images.map((i) => [i.width, i.height]).sort((a, b) => a[0]! - b[0]!),
    [
      [16, 16],
      [32, 32],
    ],
  );
  for (const image of images) {
    const data = image.type === 'bmp' ? image.data : new Uint8Array();
    const corner = data[3]!;
    const edge = ((image.height / 2) * image.width + 1) * 4;
    assert.ok(corner < 128, 'the rounded corner is transparent');
    assert.ok(data[edge + 3]! > 200 && data[edge]! > 0x60 && data[edge + 2]! < 0x40, 'the square is the brand colour');
  }
});

test('pages name the icon, so copies and readers find it', async () => {
  assert.match(await (await anonymous(t).get('/')).text(), /<link rel="icon" href="\/favicon.ico"/);
});
