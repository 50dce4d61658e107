/**
 * Budgets for report intake: reports and bytes received per period, for each client and for
 * all clients together. Counts live in memory only; a client's are kept under the period's
 * keyed hash of its address (client-key.ts) and vanish when the key rotates.
 */
import type { ClientKeys } from './client-key.ts';

export interface IntakeBudget {
  clientReports: number;
  clientBytes: number;
  totalReports: number;
  totalBytes: number;
}

/** The budgets, and the disk's reserve of free space (checked by intake-guard.tsx). */
export type IntakeLimitName = 'client_reports' | 'client_bytes' | 'total_reports' | 'total_bytes' | 'disk_reserve';

export interface IntakeRefusal {
  limit: IntakeLimitName;
  /** Seconds until the period ends and the budget is whole again. */
  retryAfter: number;
}

interface Spent {
  reports: number;
  bytes: number;
}

/** One admitted request. */
export interface IntakeTicket {
  /** Charges bytes of a body without Content-Length as they arrive; a refusal once a budget is spent (the request must then stop). */
  addBytes(n: number): IntakeRefusal | undefined;
}

/** A flood of fresh addresses must not grow the map without bound; beyond this the oldest go. */
const MAX_CLIENTS = 100_000;

export class IntakeLimits {
  readonly #clients = new Map<string, Spent>();
  #total: Spent = { reports: 0, bytes: 0 };

  constructor(
    readonly budget: IntakeBudget,
    private readonly keys: ClientKeys,
  ) {
    keys.onRotate(() => {
      this.#clients.clear();
      this.#total = { reports: 0, bytes: 0 };
    });
  }

  /**
   * Admits one report request, or refuses it naming the budget that is spent. `client` is the
   * client's keyed hash (undefined: only the overall budgets apply); `declaredBytes` is the
   * Content-Length, refused at once when it would not fit.
   */
  admit(client: string | undefined, declaredBytes: number | undefined): IntakeTicket | IntakeRefusal {
    this.keys.period();
    const mine = client === undefined ? undefined : this.#spentBy(client);
    const refusal = this.#refusal(mine, 1, declaredBytes ?? 0);
    if (refusal) return refusal;
    const total = this.#total;
    const declared = declaredBytes ?? 0;
    // The HTTP parser holds a body to its Content-Length, so the declared bytes are charged at once.
    total.reports += 1;
    total.bytes += declared;
    if (mine) {
      mine.reports += 1;
      mine.bytes += declared;
    }
    return {
      addBytes: (n) => {
        // A rotation meanwhile started new budgets; this request's bytes belong to the old ones.
        if (total !== this.#total) return undefined;
        total.bytes += n;
        if (mine) mine.bytes += n;
        return this.#refusal(mine, 0, 0);
      },
    };
  }

  #spentBy(client: string): Spent {
    let spent = this.#clients.get(client);
    if (!spent) {
      if (this.#clients.size >= MAX_CLIENTS) this.#clients.delete(this.#clients.keys().next().value!);
      spent = { reports: 0, bytes: 0 };
      this.#clients.set(client, spent);
    }
    return spent;
  }

  #refusal(mine: Spent | undefined, reports: number, bytes: number): IntakeRefusal | undefined {
    const b = this.budget;
    const over = (spent: number, more: number, limit: number) => (more > 0 ? spent + more > limit : spent > limit);
    let limit: IntakeLimitName | undefined;
    if (mine && over(mine.reports, reports, b.clientReports)) limit = 'client_reports';
    else if (mine && over(mine.bytes, bytes, b.clientBytes)) limit = 'client_bytes';
    else if (over(this.#total.reports, reports, b.totalReports)) limit = 'total_reports';
    else if (over(this.#total.bytes, bytes, b.totalBytes)) limit = 'total_bytes';
    return limit ? { limit, retryAfter: this.keys.secondsLeft() } : undefined;
  }
}

export function isRefusal(x: IntakeTicket | IntakeRefusal): x is IntakeRefusal {
  return 'limit' in x;
}
