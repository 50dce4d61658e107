/**
 * The client side of the soak benchmark, in a process of its own: R readers loop over the
 * chronology, permalinks and the map while reports arrive at a fixed rate, for S seconds. Prints
 * one JSON line: per kind of request, count, errors, p50/p99/max in ms.
 */
const [base, readersText, ratePerSecText, secondsText, maxIdText] = process.argv.slice(2);
const readers = Number(readersText);
const ratePerSec = Number(ratePerSecText);
const seconds = Number(secondsText);
const maxId = Number(maxIdText);

const times: Record<string, number[]> = { chronology: [], permalink: [], map: [], report: [] };
const errors: Record<string, number> = { chronology: 0, permalink: 0, map: 0, report: 0 };
const end = performance.now() + seconds * 1000;
let seed = 12345;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};

async function timed(kind: string, url: string, init?: RequestInit): Promise<void> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, init);
    await res.arrayBuffer();
    if (res.status >= 400) errors[kind]!++;
  } catch {
    errors[kind]!++;
  }
  times[kind]!.push(performance.now() - t0);
}

async function reader(): Promise<void> {
  while (performance.now() < end) {
    const r = rand();
    if (r < 0.45) await timed('chronology', `${base}/?page=${1 + Math.floor(rand() * 20)}`);
    else if (r < 0.9) await timed('permalink', `${base}/events/${1 + Math.floor(rand() * maxId)}`);
    else await timed('map', `${base}/map`);
  }
}

async function reporter(): Promise<void> {
  let i = 0;
  const t0 = performance.now();
  const pending: Promise<void>[] = [];
  while (performance.now() < end) {
    const due = t0 + (i * 1000) / ratePerSec;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(
      timed('report', `${base}/api/v1/reports`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ what: `Soak report ${i++}: crowd near the akimat`, where: 'Almaty', when: 'today 14:00' }),
      }),
    );
  }
  await Promise.all(pending);
}

await Promise.all([...Array.from({ length: readers }, reader), reporter()]);
const pct = (xs: number[], p: number) =>
  xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]! : 0;
const out: Record<string, unknown> = {};
for (const [kind, xs] of Object.entries(times)) {
  out[kind] = { count: xs.length, errors: errors[kind], p50: pct(xs, 0.5), p99: pct(xs, 0.99), max: pct(xs, 1) };
}
console.log(JSON.stringify(out));
