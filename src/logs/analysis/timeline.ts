/**
 * Counts over time in at most MAX_BUCKETS buckets. Buckets start at one second and widen through round
 * sizes (each a multiple of the last) whenever the covered span would need more, so memory is bounded and
 * a merged bucket is exact. Column 0 counts all requests; the others are caller-defined (one per cause).
 */
const STEPS_MS = [1, 5, 15, 30, 60, 300, 900, 1800, 3600, 10_800, 21_600, 43_200, 86_400].map((s) => s * 1000);
export const MAX_BUCKETS = 720;

/** The smallest bucket size above `aboveMs` that spans `[minMs, maxMs]` in at most MAX_BUCKETS buckets. */
export function bucketMsFor(minMs: number, maxMs: number, aboveMs = 0): number {
  let next = STEPS_MS.find((s) => s > aboveMs) ?? aboveMs * 2;
  while (Math.floor(maxMs / next) - Math.floor(minMs / next) >= MAX_BUCKETS) next = STEPS_MS.find((s) => s > next) ?? next * 2;
  return next;
}

export interface TimelineSeries {
  /** Epoch ms of the first bucket. */
  start: number;
  bucketMs: number;
  /** One array per column, each `length` long. */
  columns: number[][];
}

export class Timeline {
  bucketMs = STEPS_MS[0] as number;
  private readonly width: number;
  private buckets = new Map<number, Float64Array>();
  private min = Number.POSITIVE_INFINITY;
  private max = Number.NEGATIVE_INFINITY;
  private lastIndex = Number.NaN;
  private last: Float64Array | null = null;

  constructor(columns: number) {
    this.width = columns;
  }

  /** Adds `n` to `column` at `timeMs` (which must not be NaN). */
  add(timeMs: number, column = 0, n = 1): void {
    if (timeMs < this.min) this.min = timeMs;
    if (timeMs > this.max) this.max = timeMs;
    const index = Math.floor(timeMs / this.bucketMs);
    const last = this.last;
    if (index === this.lastIndex && last) {
      last[column] = (last[column] as number) + n;
      return;
    }
    this.slowAdd(timeMs, index, column, n);
  }

  private slowAdd(timeMs: number, index: number, column: number, n: number): void {
    if (Math.floor(this.max / this.bucketMs) - Math.floor(this.min / this.bucketMs) >= MAX_BUCKETS) {
      this.widen();
      this.add(timeMs, column, n);
      return;
    }
    let bucket = this.buckets.get(index);
    if (!bucket) {
      bucket = new Float64Array(this.width);
      this.buckets.set(index, bucket);
    }
    bucket[column] = (bucket[column] as number) + n;
    this.lastIndex = index;
    this.last = bucket;
  }

  private widen(): void {
    const next = bucketMsFor(this.min, this.max, this.bucketMs);
    const merged = new Map<number, Float64Array>();
    for (const [index, bucket] of this.buckets) {
      const target = Math.floor((index * this.bucketMs) / next);
      const into = merged.get(target);
      if (into) for (let c = 0; c < this.width; c++) into[c] = (into[c] as number) + (bucket[c] as number);
      else merged.set(target, bucket);
    }
    this.buckets = merged;
    this.bucketMs = next;
    this.lastIndex = Number.NaN;
    this.last = null;
  }

  /** Sum of column 0 over buckets that overlap `[from, to]`. */
  totalBetween(from: number, to: number): number {
    let sum = 0;
    const lo = Math.floor(from / this.bucketMs);
    const hi = Math.floor(to / this.bucketMs);
    for (const [index, bucket] of this.buckets) if (index >= lo && index <= hi) sum += bucket[0] as number;
    return sum;
  }

  get range(): { from: number; to: number } | null {
    return this.buckets.size === 0 ? null : { from: this.min, to: this.max };
  }

  series(): TimelineSeries | null {
    if (this.buckets.size === 0) return null;
    const first = Math.floor(this.min / this.bucketMs);
    const length = Math.floor(this.max / this.bucketMs) - first + 1;
    const columns = Array.from({ length: this.width }, () => Array.from({ length }, () => 0));
    for (const [index, bucket] of this.buckets) {
      for (let c = 0; c < this.width; c++) (columns[c] as number[])[index - first] = bucket[c] as number;
    }
    return { start: first * this.bucketMs, bucketMs: this.bucketMs, columns };
  }
}
