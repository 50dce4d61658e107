/**
 * A client trickling its body must not hold a connection: real sockets against the real
 * server, with a short pace so the test takes seconds (production's is in listen.ts).
 */
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { after, before, test } from 'node:test';
import { Hono } from 'hono';
import { HEADERS_TIMEOUT_MS, type Listening, listen } from './listen.ts';

const app = new Hono();
app.post('/echo', async (c) => c.text(`received ${(await c.req.text()).length}`));

let server: Listening;
before(async () => {
  server = await listen(app.fetch, { port: 0, host: '127.0.0.1' }, { graceMs: 1000, minBytesPerSecond: 1000, checkMs: 100 });
});
after(() => server.close());

/** Sends the headers, then the body in `chunks`, one every `everyMs`; resolves with what came back once the server closes. */
function post(chunks: string[], everyMs: number): Promise<{ answer: string; sent: number }> {
  const length = chunks.reduce((n, c) => n + c.length, 0);
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, '127.0.0.1');
    let answer = '';
    let sent = 0;
    let timer: NodeJS.Timeout | undefined;
    socket.setEncoding('utf8');
    socket.on('data', (d: string) => (answer += d));
    socket.on('error', () => {});
    socket.on('close', () => {
      clearInterval(timer);
      resolve({ answer, sent });
    });
    socket.on('connect', () => {
      socket.write(
        `POST /echo HTTP/1.1\r\nHost: localhost\r\nContent-Type: text/plain\r\nContent-Length: ${length}\r\nConnection: close\r\n\r\n`,
      );
      const queue = [...chunks];
      timer = setInterval(() => {
        const next = queue.shift();
        if (next === undefined) return clearInterval(timer);
        if (socket.destroyed) return;
        socket.write(next);
        sent += next.length;
      }, everyMs);
    });
    socket.setTimeout(120_000, () => reject(new Error('the server never closed the connection')));
  });
}

test('a body trickling in a byte at a time is cut with 408 long before it is complete', async () => {
  // 100 bytes, one every 200 ms: 20 s to finish, against a pace of 1 s plus 1 s per 1000 bytes.
  const { answer, sent } = await post(
    Array.from({ length: 100 }, () => 'x'),
    200,
  );
  assert.match(answer, /^HTTP\/1\.1 408 Request Timeout\r\n/);
  assert.match(answer, /the request body arrived too slowly/);
  assert.ok(sent < 100, `the client sent ${sent} of 100 bytes before it was cut`);
});

test('a body that keeps the pace is received whole even when it takes longer than the grace', async () => {
  // 4,000 bytes in four pieces 400 ms apart: 1.2 s, past the 1 s grace, at 2,500 B/s.
  const { answer, sent } = await post(
    Array.from({ length: 4 }, () => 'y'.repeat(1000)),
    400,
  );
  assert.equal(sent, 4000);
  assert.match(answer, /^HTTP\/1\.1 200 OK\r\n/);
  assert.match(answer, /received 4000$/);
});

test('headers must arrive within 30 s', () => {
  assert.equal(server.server.headersTimeout, HEADERS_TIMEOUT_MS);
  assert.equal(HEADERS_TIMEOUT_MS, 30_000);
});
