/**
 * The load generator for `npm run bench`, run as its own process so that the client's work does
 * not share the server's event loop: posts N reports with C connections and prints the rate.
 */
const [url, count, concurrency] = [process.argv[2]!, Number(process.argv[3]), Number(process.argv[4])];
let next = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < count) {
      const i = next++;
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ what: `Bench report ${i}: crowd near the akimat`, where: 'Almaty', when: 'today 14:00', howKnown: 'saw' }),
      });
      if (res.status !== 201) throw new Error(`report ${i}: HTTP ${res.status} ${await res.text()}`);
      await res.arrayBuffer();
    }
  }),
);
console.log(JSON.stringify({ perSecond: count / ((performance.now() - t0) / 1000) }));
