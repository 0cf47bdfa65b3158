import { describe, expect, it } from 'vitest';
import { compileExpr, exprBuilders, jsSource } from './rule-expr.ts';

type F = 'status' | 'cause' | 'flag' | 'n';
const { fact, eq, ne, ge, le, add, sub, mul, and, or, not, isIn, pick, text } = exprBuilders<F>();
const facts = { status: 502, cause: 'reset', flag: false, n: 3 };

describe('rule expressions compiled to JavaScript', () => {
  it.each([
    ['eq', eq(fact('status'), 502), true],
    ['ne on strings', ne(fact('cause'), ''), true],
    ['ge / le', and(ge(fact('status'), 500), le(fact('status'), 502)), true],
    ['arithmetic in order', sub(sub(add(fact('n'), 10), 1), mul(fact('n'), 2)), 6],
    ['or short of a true', or(fact('flag'), eq(fact('n'), 4)), false],
    ['not', not(fact('flag')), true],
    ['in', isIn(fact('status'), [499, 502]), true],
    ['in an empty list', isIn(fact('status'), []), false],
    ['first case that holds', pick([[eq(fact('status'), 503), 'a'], [ge(fact('status'), 500), 'b']], 'c'), 'b'],
    ['otherwise', pick([[fact('flag'), 'a']], fact('cause')), 'reset'],
    ['text', text(fact('status')), '502'],
  ])('%s', (_name, expr, expected) => {
    expect(compileExpr(expr)(facts)).toBe(expected);
  });

  it('quotes string literals as JSON, so no literal can break out of the source', () => {
    const tricky = 'a" + process.exit() + "';
    expect(jsSource(eq(fact('cause'), tricky))).toBe(`(f.cause === ${JSON.stringify(tricky)})`);
    expect(compileExpr(eq(fact('cause'), tricky))({ ...facts, cause: tricky })).toBe(true);
  });
});
