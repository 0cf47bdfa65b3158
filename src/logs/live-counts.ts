/**
 * What a session has read so far, taken without building a report: cheap enough for every metrics scrape.
 */
import type { Analysis } from './analysis/index.ts';
import type { FileStats, SkipReason } from './input/index.ts';

/** One input's lines so far. */
export interface InputCounts {
  /** As given (`-` for stdin). */
  name: string;
  lines: number;
  skippedBy: Partial<Record<SkipReason, number>>;
  /** False when the input could not be opened, or its reading stopped with an error. */
  readable: boolean;
}

/** Requests per status and every input's lines, as read so far. */
export interface LiveCounts {
  /** Access-log requests per status: the index is the status (9 for nginx's 009, 0 for none). */
  byStatus: ArrayLike<number>;
  inputs: InputCounts[];
}

export function liveCounts(analysis: Analysis, inputs: readonly FileStats[]): LiveCounts {
  return {
    byStatus: analysis.byStatus,
    inputs: inputs.map((s) => ({
      name: s.name,
      lines: s.lines,
      skippedBy: Object.fromEntries([...s.skippedBy].map(([reason, tally]) => [reason, tally.count])),
      readable: s.error === null,
    })),
  };
}
