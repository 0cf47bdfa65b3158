/**
 * A counter with a bounded number of keys. When it overflows, the less frequent half is dropped and the
 * counts become approximate (the report says so): memory stays bounded on high-cardinality inputs.
 */
export interface Ranked {
  key: string;
  count: number;
}

export class TopK {
  private readonly counts = new Map<string, number>();
  private readonly cap: number;
  /** True once keys have been dropped: counts of later keys may be low. */
  approximate = false;

  constructor(cap = 2000) {
    this.cap = cap;
  }

  add(key: string, n = 1): void {
    this.counts.set(key, (this.counts.get(key) ?? 0) + n);
    if (this.counts.size > this.cap) this.prune();
  }

  top(k: number): Ranked[] {
    return [...this.counts]
      .toSorted((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, k)
      .map(([key, count]) => ({ key, count }));
  }

  private prune(): void {
    const keep = new Set(this.top(Math.floor(this.cap / 2)).map((r) => r.key));
    for (const key of this.counts.keys()) if (!keep.has(key)) this.counts.delete(key);
    this.approximate = true;
  }
}

/** A whole path segment that looks like an id: a number, a long hex string, a UUID, or a token with two digits and some length. */
const ID_SEGMENTS = /(?<=^|\/)(?:\d+|[0-9a-f]{16,}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[\w-]*\d[\w-]*\d[\w-]{6,})(?=\/|$)/gi;

/** `GET /users/123/orders?x=1` → `GET /users/:id/orders`: routes group requests that differ only by ids. */
export function routeOf(method: string, path: string): string {
  const q = path.search(/[?#]/);
  const route = (q < 0 ? path : path.slice(0, q)).replace(ID_SEGMENTS, ':id');
  return method === '' ? route || '/' : `${method} ${route || '/'}`;
}
