/**
 * Bounded label values for a key with unbounded values (routes, upstreams), so the exporter's series stay fixed in
 * number whatever the log holds. At most `slots` keys have a value of their own; every other key is counted as
 * `other`. A free slot goes to the next new key at once; `rebalance` (before each scrape) moves slots to the keys
 * with the most recent failures, and returns the keys that lost theirs, whose series the exporter then removes (a
 * counter must never move counts between series). Recent: each rebalance halves every count, and the candidates
 * counted are themselves bounded.
 */
import { OTHER } from './families.ts';

/** Longest key kept as a label value; longer ones are cut (a path can be 2 MiB long). */
const MAX_KEY_LENGTH = 160;

export class LabelSlots {
  private readonly slots: number;
  private readonly maxCandidates: number;
  private readonly slotted = new Set<string>();
  /** Recent failures per key, bounded by `maxCandidates`. */
  private readonly counts = new Map<string, number>();

  constructor(slots: number, maxCandidates = 50 * slots) {
    this.slots = slots;
    this.maxCandidates = maxCandidates;
  }

  /** The label value to count one failure of `key` under. */
  labelOf(rawKey: string): string {
    const key = rawKey.length > MAX_KEY_LENGTH ? rawKey.slice(0, MAX_KEY_LENGTH) : rawKey;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (this.counts.size > this.maxCandidates) this.prune();
    if (this.slotted.has(key)) return key;
    if (this.slotted.size < this.slots && key !== OTHER) {
      this.slotted.add(key);
      return key;
    }
    return OTHER;
  }

  /**
   * Gives a slot to each key among the most frequent that has none, taking it from the slotted key with the fewest
   * recent failures outside them when the newcomer has more than twice as many; returns the keys that lost their
   * slot. A quiet route keeps its series until another needs the slot.
   */
  rebalance(): string[] {
    const recent = (key: string) => this.counts.get(key) ?? 0;
    const ranked = [...this.counts.keys()].toSorted((a, b) => recent(b) - recent(a) || Number(this.slotted.has(b)) - Number(this.slotted.has(a)));
    const wanted = new Set(ranked.slice(0, this.slots));
    const lost: string[] = [];
    for (const key of wanted) {
      if (this.slotted.has(key) || key === OTHER) continue;
      if (this.slotted.size >= this.slots) {
        const victim = [...this.slotted].filter((k) => !wanted.has(k)).reduce((a, b) => (recent(b) < recent(a) ? b : a));
        // Twice as many recent failures, or none for the victim: slots do not churn between keys about as frequent.
        if (recent(key) <= 2 * recent(victim)) continue;
        this.slotted.delete(victim);
        lost.push(victim);
      }
      this.slotted.add(key);
    }
    for (const [key, n] of this.counts) {
      if (n < 1) this.counts.delete(key);
      else this.counts.set(key, n / 2);
    }
    return lost;
  }

  /** Keys with a slot now (for tests and the memory bound). */
  get size(): number {
    return this.slotted.size;
  }

  get candidates(): number {
    return this.counts.size;
  }

  /** Keeps the more frequent half of the candidates; slotted keys stay. */
  private prune(): void {
    const ranked = [...this.counts].toSorted((a, b) => b[1] - a[1]);
    for (const [key] of ranked.slice(Math.floor(this.maxCandidates / 2))) if (!this.slotted.has(key)) this.counts.delete(key);
  }
}
