/**
 * The HTTP server around the app, with bounds on how long a client may take to send a request.
 * Node's defaults hold a connection up to 300 s for a body trickling in a byte at a time. A
 * fixed deadline cannot suit both that and a 2G phone: a 15 MiB photo (the intake limit) at
 * 2G's about 30 KB/s takes 15 × 1,048,576 / 30,000 ≈ 524 s. So a body must keep a pace
 * instead: it may take BODY_PACE.graceMs plus one second per BODY_PACE.minBytesPerSecond bytes
 * received, as Apache's mod_reqtimeout does. The photo at 30 KB/s is far inside that; a byte
 * every few seconds is cut after about 20 s with 408.
 */
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { serve as serveHttp } from '@hono/node-server';

export interface BodyPace {
  /** Time a body may take before any of it counts. */
  graceMs: number;
  /** Each this many bytes received buy the body one more second. */
  minBytesPerSecond: number;
  /** How often bodies under way are looked at. */
  checkMs: number;
}

/** 1,000 B/s is 8 kbit/s, below what a GPRS phone sends: only a stalled or trickling client is cut. */
export const BODY_PACE: BodyPace = { graceMs: 20_000, minBytesPerSecond: 1000, checkMs: 1000 };

/** Headers must be complete this soon (slow-header clients); Node checks every CHECK_MS. */
export const HEADERS_TIMEOUT_MS = 30_000;
const CHECK_MS = 5_000;
/** A backstop for a client that banks pace early: a 100 MiB video at 2G's 30 KB/s takes 58 minutes. */
export const REQUEST_TIMEOUT_MS = 2 * 3600_000;

const TOO_SLOW = 'the request body arrived too slowly; send it again on a better connection\n';

interface Receiving {
  req: IncomingMessage;
  res: ServerResponse;
  startedAt: number;
  startBytes: number;
}

/**
 * Cuts requests whose body falls behind `pace`: a 408 if nothing was answered yet, then the
 * connection is closed. Returns a function that stops watching.
 */
export function enforceBodyPace(server: Server, pace: BodyPace = BODY_PACE, now: () => number = Date.now): () => void {
  const receiving = new Set<Receiving>();
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    if (req.complete) return;
    receiving.add({ req, res, startedAt: now(), startBytes: req.socket.bytesRead });
  };
  server.on('request', onRequest);
  const timer = setInterval(() => {
    const t = now();
    for (const r of receiving) {
      const { req, res } = r;
      if (req.complete || req.destroyed || req.socket.destroyed) {
        receiving.delete(r);
        continue;
      }
      const received = req.socket.bytesRead - r.startBytes;
      if (t <= r.startedAt + pace.graceMs + (received / pace.minBytesPerSecond) * 1000) continue;
      receiving.delete(r);
      const socket = req.socket;
      // The app is still waiting for the body, so the answer is written on the socket directly,
      // as Node does for its own request timeout.
      if (!res.headersSent) {
        const body = Buffer.from(TOO_SLOW);
        socket.end(
          `HTTP/1.1 408 Request Timeout\r\nConnection: close\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${body.length}\r\n\r\n${TOO_SLOW}`,
          () => socket.destroy(),
        );
      } else socket.destroy();
    }
  }, pace.checkMs);
  timer.unref();
  return () => {
    clearInterval(timer);
    server.off('request', onRequest);
  };
}

export interface Listening {
  server: Server;
  port: number;
  close(): Promise<void>;
}

/** Serves `fetch` on host:port with the bounds above. */
export function listen(
  fetch: (req: Request) => Response | Promise<Response>,
  at: { port: number; host: string },
  pace: BodyPace = BODY_PACE,
): Promise<Listening> {
  return new Promise((resolve) => {
    const server = serveHttp(
      {
        fetch,
        port: at.port,
        hostname: at.host,
        serverOptions: { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS, connectionsCheckingInterval: CHECK_MS },
      },
      (info) => {
        const stop = enforceBodyPace(server as Server, pace);
        resolve({
          server: server as Server,
          port: info.port,
          close: () =>
            new Promise<void>((done) => {
              stop();
              server.close(() => done());
              // Keep-alive connections would hold close() open; they carry nothing unacknowledged.
              (server as Server).closeAllConnections();
            }),
        });
      },
    ) as Server;
  });
}
