/**
 * The load generator for `npm run bench`, run as its own process so that the client's work does
 * not share the server's event loop: posts N reports with C keep-alive connections and prints
 * the rate. It speaks node:http rather than fetch, whose client costs several times more CPU per
 * request, CPU the server would otherwise have on a machine of two cores.
 */
import { Agent, request } from 'node:http';

const [url, count, concurrency] = [new URL(process.argv[2]!), Number(process.argv[3]), Number(process.argv[4])];
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function post(i: number): Promise<void> {
  const body = JSON.stringify({ what: `Bench report ${i}: crowd near the akimat`, where: 'Almaty', when: 'today 14:00', howKnown: 'saw' });
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'accept-encoding': 'gzip' },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 201 ? resolve() : reject(new Error(`report ${i}: HTTP ${res.statusCode} ${Buffer.concat(chunks)}`)),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) await post(next++);
  }),
);
agent.destroy();
console.log(JSON.stringify({ perSecond: count / ((performance.now() - t0) / 1000) }));
