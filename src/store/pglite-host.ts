/**
 * The thread that runs the embedded store (pglite-thread.ts starts it). PGlite executes every
 * statement, and the fsync that makes a commit durable, synchronously on the thread that calls
 * it; here that thread is not the one serving HTTP, so requests are read, validated and rendered
 * on one core while PostgreSQL works on the other.
 *
 * Messages in: { id, op: 'query' | 'exec' | 'copy' | 'snapshot' | 'begin' | 'commit' | 'rollback' | 'close', tx?, sql?, params?, blob?, folder? }
 * (`copy` runs `sql`, a COPY from '/dev/blob', over the bytes in `blob`; `snapshot` copies the
 * store's files into `folder`).
 * Messages out: { id, rows } or { id, error: { message, ...fields } }.
 */
import { constants, cpSync, rmSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import type { PGlite, Transaction } from '@electric-sql/pglite';
import { openPgliteEngine } from './pglite-engine.ts';

export interface HostRequest {
  id: number;
  op: 'query' | 'exec' | 'copy' | 'snapshot' | 'begin' | 'commit' | 'rollback' | 'close';
  tx?: number;
  sql?: string;
  params?: unknown[];
  blob?: Uint8Array<ArrayBuffer>;
  folder?: string;
}

export interface HostReply {
  id: number;
  rows?: unknown[];
  error?: Record<string, unknown> & { message: string };
}

/** A database error as plain data: structured cloning would keep only an Error's message. */
function errorData(err: unknown): HostReply['error'] {
  if (!(err instanceof Error)) return { message: String(err) };
  const fields: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(err)) if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) fields[k] = v;
  return { ...fields, name: err.name, message: err.message };
}

/** The statements of one open transaction, fed to it as they arrive. */
class TxInbox {
  private waiting: ((r: HostRequest) => void) | undefined;
  private queued: HostRequest[] = [];
  push(r: HostRequest): void {
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      w(r);
    } else this.queued.push(r);
  }
  next(): Promise<HostRequest> {
    const r = this.queued.shift();
    if (r) return Promise.resolve(r);
    return new Promise((resolve) => (this.waiting = resolve));
  }
  /** The statements that came for a transaction that could not begin: each is answered with why. */
  drain(): HostRequest[] {
    return this.queued.splice(0);
  }
}

async function host(): Promise<void> {
  const port = parentPort!;
  const reply = (m: HostReply) => port.postMessage(m);
  const { dataDir } = workerData as { dataDir: string };
  let pg: PGlite;
  try {
    pg = await openPgliteEngine(dataDir);
  } catch (err) {
    reply({ id: 0, error: errorData(err) });
    return;
  }
  reply({ id: 0, rows: [] });
  const open = new Map<number, TxInbox>();

  const run = async (q: Pick<Transaction, 'query' | 'exec'>, r: HostRequest) => {
    try {
      if (r.op === 'exec') {
        await q.exec(r.sql!);
        reply({ id: r.id, rows: [] });
      } else if (r.op === 'copy') {
        await q.query(r.sql!, [], { blob: new Blob([r.blob!]) });
        reply({ id: r.id, rows: [] });
      } else {
        reply({ id: r.id, rows: (await q.query(r.sql!, r.params)).rows });
      }
    } catch (err) {
      reply({ id: r.id, error: errorData(err) });
    }
  };

  /**
   * The store's files as they are between two statements, copied into `folder` (which must not
   * exist): a crash-consistent image another PGlite opens as a store of its own, with every
   * commit so far. A checkpoint first, so opening the copy replays little. Statements wait only
   * while the files are copied, in one synchronous call of this thread (by reflink where the
   * file system can); a copy that fails is removed before they run again, so a full disk never
   * meets the store's next write.
   */
  const snapshot = async (r: HostRequest) => {
    try {
      await pg.exec('checkpoint');
      await pg.runExclusive(async () => {
        try {
          cpSync(dataDir, r.folder!, { recursive: true, errorOnExist: true, force: false, mode: constants.COPYFILE_FICLONE });
        } catch (err) {
          rmSync(r.folder!, { recursive: true, force: true });
          throw err;
        }
      });
      reply({ id: r.id, rows: [] });
    } catch (err) {
      reply({ id: r.id, error: errorData(err) });
    }
  };

  const transaction = (begin: HostRequest) => {
    const inbox = new TxInbox();
    open.set(begin.tx!, inbox);
    let finish: HostRequest | undefined;
    pg.transaction(async (tx) => {
      reply({ id: begin.id, rows: [] });
      for (;;) {
        const r = await inbox.next();
        if (r.op === 'commit') {
          finish = r;
          return;
        }
        if (r.op === 'rollback') {
          finish = r;
          throw new RollbackRequested();
        }
        await run(tx, r);
      }
    })
      .then(
        () => reply({ id: finish!.id, rows: [] }),
        (err: unknown) => {
          if (err instanceof RollbackRequested) reply({ id: finish!.id, rows: [] });
          else if (finish) reply({ id: finish.id, error: errorData(err) });
          else {
            // It never began; the caller sent its statements without waiting for the begin.
            reply({ id: begin.id, error: errorData(err) });
            for (const r of inbox.drain()) reply({ id: r.id, error: errorData(err) });
          }
        },
      )
      .finally(() => open.delete(begin.tx!));
  };

  port.on('message', (r: HostRequest) => {
    if (r.tx !== undefined && r.op !== 'begin') {
      const inbox = open.get(r.tx);
      if (inbox) inbox.push(r);
      else reply({ id: r.id, error: { message: 'the transaction is closed' } });
      return;
    }
    if (r.op === 'begin') return transaction(r);
    if (r.op === 'snapshot') return void snapshot(r);
    if (r.op === 'close') {
      void pg.close().then(
        () => {
          reply({ id: r.id, rows: [] });
          port.close();
        },
        (err: unknown) => reply({ id: r.id, error: errorData(err) }),
      );
      return;
    }
    void run(pg, r);
  });
}

class RollbackRequested extends Error {}

void host();
