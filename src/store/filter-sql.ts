/**
 * A reader's filter as SQL, the one way: the chronology, the data files, the feeds, the map and
 * the tallies of this chronicle and of every mirror read the same conditions, each over its own
 * columns.
 */
import type { EventFilter } from '../core/filter.ts';

/** The columns a table holds the filtered facts in. */
export interface FilterColumns {
  /** The local date, a `date`. */
  date: string;
  region: string;
  eventType: string;
  status: string;
  lon: string;
  lat: string;
}

/** The conditions of `f` joined by `and`, their values appended to `params` ($n placeholders). */
export function filterWhere(f: EventFilter, params: unknown[], c: FilterColumns, always: readonly string[] = []): string {
  const clauses = always.length > 0 ? [...always] : ['true'];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (f.from) add(`${c.date} >= ?::date`, f.from);
  if (f.to) add(`${c.date} <= ?::date`, f.to);
  if (f.region) add(`${c.region} = ?`, f.region);
  if (f.eventType) add(`${c.eventType} = ?`, f.eventType);
  if (f.status) add(`${c.status} = ?`, f.status);
  if (f.bbox) {
    const [west, south, east, north] = f.bbox;
    add(`${c.lon} >= ?`, west);
    add(`${c.lat} >= ?`, south);
    add(`${c.lon} <= ?`, east);
    add(`${c.lat} <= ?`, north);
  }
  return clauses.join(' and ');
}
