import { describe, expect, it } from 'vitest';
import { pattern } from './schema-patterns.ts';

describe('pattern', () => {
  it('takes a regular expression every supported Node parses', () => {
    expect(pattern.safeParse('(?:Request Check Failed|REQUEST CHECK FAILED)\\s*For your protection').success).toBe(true);
  });

  it('refuses a modifier group, which Node 22 does not parse, and a source that is no regular expression', () => {
    const modifier = pattern.safeParse('(?i:Request Check Failed)');
    expect(modifier.success).toBe(false);
    expect(modifier.error?.issues[0]?.message).toMatch(/modifier group/);
    expect(pattern.safeParse('(unclosed').success).toBe(false);
  });
});
