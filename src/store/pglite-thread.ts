/**
 * The embedded store on a thread of its own (pglite-host.ts), behind the same `Db` as
 * everywhere else. The calling thread keeps only the queue of questions in flight.
 */
import { Worker } from 'node:worker_threads';
import { binaryCopyData, copyStatement } from './copy-rows.ts';
import type { Db, Queryable } from './db.ts';
import type { HostReply, HostRequest } from './pglite-host.ts';
import { pgliteDb } from './pglite-engine.ts';

/** bytea arrives as a Uint8Array; the rest of Caravan, like `pg`, reads Buffers. */
function asBuffers(rows: unknown[]): unknown[] {
  for (const row of rows) {
    if (typeof row !== 'object' || row === null) continue;
    const r = row as Record<string, unknown>;
    for (const k in r) {
      const v = r[k];
      if (v instanceof Uint8Array && !Buffer.isBuffer(v)) r[k] = Buffer.from(v.buffer, v.byteOffset, v.byteLength);
    }
  }
  return rows;
}

function asError(data: NonNullable<HostReply['error']>): Error {
  const { message, name, ...fields } = data;
  const err = Object.assign(new Error(message), fields);
  if (typeof name === 'string' && name !== 'Error') Object.defineProperty(err, 'name', { value: name });
  return err;
}

export async function openPgliteThread(dataDir: string): Promise<Db> {
  const worker = new Worker(new URL('./pglite-host-entry.mjs', import.meta.url), { workerData: { dataDir }, execArgv: [] });
  const pending = new Map<number, { resolve(rows: unknown[]): void; reject(err: Error): void }>();
  let nextId = 1;
  let nextTx = 1;
  let gone: Error | undefined;

  const started = new Promise<void>((resolve, reject) => pending.set(0, { resolve: () => resolve(), reject }));
  worker.on('message', (m: HostReply) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (pending.size === 0) worker.unref();
    if (m.error) p.reject(asError(m.error));
    else p.resolve(asBuffers(m.rows ?? []));
  });
  const fail = (err: Error) => {
    gone ??= err;
    for (const p of pending.values()) p.reject(err);
    pending.clear();
  };
  let closing = false;
  let ready = false;
  const died = (err: Error) => {
    fail(err);
    // A store that died under a running process must not leave it answering 503 for ever: the
    // process stops, as it did when PGlite aborted in its own thread, and its supervisor restarts it.
    if (!closing && ready) {
      setImmediate(() => {
        throw err;
      });
    }
  };
  worker.on('error', died);
  worker.on('exit', (code) => died(new Error(`the embedded store's thread stopped (exit code ${code})`)));

  const ask = (r: Omit<HostRequest, 'id'>, transfer: ArrayBuffer[] = []): Promise<unknown[]> => {
    if (gone) return Promise.reject(gone);
    const id = nextId++;
    // The thread keeps the process alive only while a question is in flight, as an in-process
    // store would: a command that never closes its store still exits when its work is done.
    if (pending.size === 0) worker.ref();
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      try {
        worker.postMessage({ ...r, id }, transfer);
      } catch (err) {
        // A parameter that cannot be cloned (a function, a symbol) never reached the thread.
        pending.delete(id);
        if (pending.size === 0) worker.unref();
        reject(err);
      }
    });
  };
  try {
    await started;
    ready = true;
  } catch (err) {
    await worker.terminate();
    throw err;
  }

  const queryable = (tx?: number): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      return (await ask({ op: 'query', sql, ...(params ? { params: [...params] } : {}), ...(tx === undefined ? {} : { tx }) })) as T[];
    },
    async exec(sql: string) {
      await ask({ op: 'exec', sql, ...(tx === undefined ? {} : { tx }) });
    },
    async copyRows(table, columns, rows) {
      if (rows.length === 0) return;
      const sql = copyStatement(table, columns);
      const blob = binaryCopyData(columns, rows);
      await ask({ op: 'copy', sql, blob, ...(tx === undefined ? {} : { tx }) }, [blob.buffer]);
    },
  });
  const transaction: Db['transaction'] = async (fn) => {
    const tx = nextTx++;
    // Not awaited before the statements: they follow it to the thread, which runs them once the
    // transaction has begun (or answers each with the reason it could not), so a transaction
    // costs the round trips of its statements and its commit, none for its begin.
    const began = ask({ op: 'begin', tx });
    began.catch(() => undefined);
    let value: Awaited<ReturnType<typeof fn>>;
    try {
      value = await fn(queryable(tx));
      await began;
    } catch (err) {
      await ask({ op: 'rollback', tx }).catch(() => undefined);
      throw err;
    }
    await ask({ op: 'commit', tx });
    return value;
  };
  const db = pgliteDb(queryable(), transaction, async () => {
    closing = true;
    if (!gone) await ask({ op: 'close' });
    await worker.terminate();
  });
  return { ...db, snapshot: async (folder) => void (await ask({ op: 'snapshot', folder })) };
}
