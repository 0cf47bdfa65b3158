import { describe, expect, it } from 'vitest';
import { LabelSlots } from './label-slots.ts';

describe('LabelSlots', () => {
  it('gives free slots to new keys at once, then counts the rest as other', () => {
    const slots = new LabelSlots(2);
    expect(['GET /a', 'GET /b', 'GET /c', 'GET /a'].map((k) => slots.labelOf(k))).toEqual(['GET /a', 'GET /b', 'other', 'GET /a']);
    expect(slots.size).toBe(2);
  });

  it('moves a slot to a key that has become more frequent, and names the key that lost it', () => {
    const slots = new LabelSlots(2);
    slots.labelOf('GET /a');
    slots.labelOf('GET /b');
    for (let i = 0; i < 5; i++) slots.labelOf('GET /c');
    slots.labelOf('GET /a');
    expect(slots.rebalance()).toEqual(['GET /b']);
    expect(slots.labelOf('GET /c')).toBe('GET /c');
    expect(slots.labelOf('GET /b')).toBe('other');
  });

  it('keeps a quiet key\'s slot while no other key needs it', () => {
    const slots = new LabelSlots(2);
    slots.labelOf('GET /a');
    for (let i = 0; i < 5; i++) expect(slots.rebalance()).toEqual([]);
    expect(slots.labelOf('GET /a')).toBe('GET /a');
  });

  it('prefers recent failures: each rebalance halves the old counts', () => {
    const slots = new LabelSlots(1);
    for (let i = 0; i < 8; i++) slots.labelOf('GET /old');
    slots.rebalance();
    slots.rebalance();
    slots.rebalance();
    // 8 failures, halved three times: 1. Two new ones are not more than twice that; two more, once it halved again, are.
    for (let i = 0; i < 2; i++) slots.labelOf('GET /new');
    expect(slots.rebalance()).toEqual([]);
    slots.labelOf('GET /new');
    slots.labelOf('GET /new');
    expect(slots.rebalance()).toEqual(['GET /old']);
  });

  it('stays bounded over 100,000 distinct keys, and cuts overlong ones', () => {
    const slots = new LabelSlots(20, 1000);
    const labels = new Set<string>();
    for (let i = 0; i < 100_000; i++) {
      labels.add(slots.labelOf(`GET /page-${i.toString(36)}`));
      if (i % 1000 === 0) slots.rebalance();
    }
    expect(slots.size).toBe(20);
    expect(slots.candidates).toBeLessThanOrEqual(1000);
    expect(slots.labelOf(`GET /${'x'.repeat(10_000)}`).length).toBeLessThanOrEqual(160);
    // Slots move to newer keys over time, yet a label is only ever a slotted key or "other".
    expect(labels.has('other')).toBe(true);
  });
});
