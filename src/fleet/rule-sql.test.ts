import { describe, expect, it } from 'vitest';
import { ruleSql, sqlLiteral } from './rule-sql.ts';
import { exprBuilders } from '../logs/index.ts';

const { fact, eq, ne, and, or, not, isIn, pick, text, sub } = exprBuilders<'status' | 'cause'>();
const bind = { status: 'status', cause: 'error_cause' };

describe('rule expressions as SQL', () => {
  it.each([
    ['a string, quotes and backslashes escaped', "it's a \\ test", "'it\\'s a \\\\ test'"],
    ['true and false as 1 and 0', true, '1'],
    ['infinities and NaN by name', Number.NEGATIVE_INFINITY, '-inf'],
    ['NaN', Number.NaN, 'nan'],
    ['a number as written', 0.5, '0.5'],
  ])('literal: %s', (_name, value, sql) => {
    expect(sqlLiteral(value)).toBe(sql);
  });

  it('binds facts and keeps the order of operations with parentheses', () => {
    expect(ruleSql(and(eq(fact('status'), 502), or(ne(fact('cause'), ''), not(isIn(fact('status'), [499, 460])))), bind)).toBe(
      "((status = 502) AND ((error_cause != '') OR (NOT (status IN (499, 460)))))",
    );
    expect(ruleSql(sub(sub(fact('status'), 1), 2), bind)).toBe('((status - 1) - 2)');
  });

  it('turns the first-case-that-holds into multiIf, and text into toString', () => {
    expect(ruleSql(pick([[eq(fact('status'), 503), 'app-overload']], text(fact('status'))), bind)).toBe("multiIf((status = 503), 'app-overload', toString(status))");
    expect(ruleSql(pick([], 'x'), bind)).toBe("'x'");
    expect(ruleSql(isIn(fact('status'), []), bind)).toBe('0');
  });

  it('refuses a fact it was not told how to read', () => {
    expect(() => ruleSql(eq(fact('status'), 1), { cause: 'c' } as typeof bind)).toThrow('rule fact status is not bound to SQL');
  });
});
