/**
 * `node --import tsx bench/decode-memory.ts`: peak memory of re-encoding N 39.7-megapixel JPEGs
 * at once, as a photo intake does, without bounds (sharp's defaults, every decode at once: how
 * the server decoded before) and with them (`inDecodeSlot`: two decode slots, no sharp cache,
 * one libvips thread each). Each case runs in a fresh process and reports its peak RSS above
 * what it held before decoding. BENCH_DECODES sets the list of N. Not a test: nothing fails.
 */
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const WIDTH = 7728;
const HEIGHT = 5136; // 39.7 megapixels
const SELF = fileURLToPath(import.meta.url);

async function child(mode: string, n: number, photo: string, dir: string): Promise<void> {
  const { inDecodeSlot } = await import('../src/app/intake/media.ts');
  const before = process.memoryUsage().rss;
  const decode = (i: number) => () =>
    sharp(photo, { limitInputPixels: 40_000_000 })
      .autoOrient()
      .jpeg({ quality: 90 })
      .toFile(join(dir, `${mode}-${i}.jpg`));
  const t0 = performance.now();
  await Promise.all(Array.from({ length: n }, (_, i) => (mode === 'bounded' ? inDecodeSlot(decode(i)) : decode(i)())));
  const ms = performance.now() - t0;
  // maxRSS is in KiB.
  console.log(JSON.stringify({ peakMiB: (process.resourceUsage().maxRSS * 1024 - before) / 2 ** 20, ms }));
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'caravan-bench-decode-'));
  try {
    const photo = join(dir, 'big.jpg');
    // A smooth picture, so it is small on the wire (about 1 MB) and large once decoded.
    const gradient = sharp({ create: { width: WIDTH, height: HEIGHT, channels: 3, background: '#6a8' } }).composite([
      {
        input: Buffer.from(
          `<svg width="${WIDTH}" height="${HEIGHT}"><defs><linearGradient id="g"><stop offset="0" stop-color="#203"/><stop offset="1" stop-color="#fd6"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`,
        ),
      },
    ]);
    const info = await gradient.jpeg({ quality: 85 }).toFile(photo);
    console.log(`## decoding ${((WIDTH * HEIGHT) / 1e6).toFixed(1)}-megapixel JPEGs (${(info.size / 1024).toFixed(0)} KiB each) at once`);
    for (const n of (process.env.BENCH_DECODES ?? '1,4,8').split(',').map(Number)) {
      const runs: Record<string, { peakMiB: number; ms: number }> = {};
      for (const mode of ['unbounded', 'bounded']) {
        const r = spawnSync(process.execPath, ['--import', 'tsx', SELF, mode, String(n), photo, dir], { encoding: 'utf8' });
        if (r.status !== 0) throw new Error(r.stderr);
        runs[mode] = JSON.parse(r.stdout.trim().split('\n').pop()!) as { peakMiB: number; ms: number };
      }
      const u = runs.unbounded!;
      const b = runs.bounded!;
      console.log(
        `${n} at once: peak RSS +${u.peakMiB.toFixed(0)} MiB unbounded, +${b.peakMiB.toFixed(0)} MiB bounded (${(b.peakMiB / u.peakMiB).toFixed(2)}×); ` +
          `time ${(u.ms / 1000).toFixed(1)} s against ${(b.ms / 1000).toFixed(1)} s (${(b.ms / u.ms).toFixed(2)}×)`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const [mode, n, photo, dir] = process.argv.slice(2);
if (mode) await child(mode, Number(n), photo!, dir!);
else await main();
