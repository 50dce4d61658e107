import { PGlite, types } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.ts';

/**
 * bytea in and out through Node's own hex codec, as Buffers like `pg` returns them: PGlite's
 * default codecs convert byte by byte (`parseInt` per byte), which made reading an entry
 * bundle cost more than hashing it. Strings pass as text, as `pg` sends them.
 */
const byteaCodecs = {
  parsers: { [types.BYTEA]: (x: string) => Buffer.from(x.slice(2), 'hex') },
  serializers: {
    [types.BYTEA]: (x: unknown) => {
      if (typeof x === 'string') return x;
      if (!ArrayBuffer.isView(x)) throw new Error('Invalid input for bytea type');
      return `\\x${Buffer.from(x.buffer, x.byteOffset, x.byteLength).toString('hex')}`;
    },
  },
};

export async function openPglite(dataDir?: string): Promise<Db> {
  const pg = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...byteaCodecs });
  const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Queryable => ({
    async query<T>(sql: string, params?: readonly unknown[]) {
      const res = await q.query<T>(sql, params ? [...params] : undefined);
      return res.rows;
    },
    async exec(sql: string) {
      await q.exec(sql);
    },
  });
  const base = wrap(pg);
  return {
    kind: 'pglite',
    query: base.query,
    exec: base.exec,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
  };
}
