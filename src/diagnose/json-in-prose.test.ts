import { describe, expect, it } from 'vitest';
import { jsonAmongProse } from './json-in-prose.ts';

describe('jsonAmongProse', () => {
  it('finds the object after a label and before a remark, braces inside strings included', () => {
    expect(jsonAmongProse('Response body:\n{\n  "message": "Endpoint request timed out {x}"\n}\n\nAny idea why?')).toEqual({ message: 'Endpoint request timed out {x}' });
    expect(jsonAmongProse('{"error": "a \\" } b"}%\nthat is all')).toEqual({ error: 'a " } b' });
  });

  it.each([
    ['no object', 'The site is down again'],
    ['an object that does not parse', 'Got:\n{ message: oops }'],
    ['an object that never closes', 'Got:\n{"message": "x"'],
    ['an array', 'Got:\n[1, 2]'],
    ['an object inside a long page', `${'line\n'.repeat(5)}{"a": 1}`],
  ])('finds nothing in %s', (_case, text) => {
    expect(jsonAmongProse(text)).toBeUndefined();
  });
});
