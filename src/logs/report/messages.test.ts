import { describe, expect, it } from 'vitest';
import { CAUSES, EVIDENCE_KINDS, UNKNOWN_REASONS } from '../types.ts';
import { logsText } from './messages.ts';

describe('report text', () => {
  it.each(['en', 'id'] as const)('%s labels every cause, evidence kind and unknown reason', (locale) => {
    const t = logsText(locale);
    expect(CAUSES.filter((c) => !t.causes[c]?.label || !t.causes[c]?.next)).toEqual([]);
    expect(EVIDENCE_KINDS.filter((k) => !t.evidence[k])).toEqual([]);
    expect(UNKNOWN_REASONS.filter((r) => !t.reasons[r])).toEqual([]);
  });

  it('is really translated', () => {
    expect(logsText('id').causes.timeout.label).not.toBe(logsText('en').causes.timeout.label);
    expect(logsText('id').ui.title).toContain('siapa');
    expect(logsText('id').confidence.high).toBe('tinggi');
  });
});
