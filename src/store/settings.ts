import type { Queryable } from './db.ts';

export async function getSetting<T>(q: Queryable, key: string): Promise<T | undefined> {
  const rows = await q.query<{ value: T }>('select value from settings where key = $1', [key]);
  return rows[0]?.value;
}

export async function putSetting(q: Queryable, key: string, value: unknown) {
  await q.query('insert into settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value', [
    key,
    JSON.stringify(value),
  ]);
}
