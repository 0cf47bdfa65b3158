/**
 * The analyzer's rule expressions (logs/analysis/rule-expr.ts) as ClickHouse SQL: the same trees the streaming
 * analyzer compiles to JavaScript, so the SQL classification cannot drift from it. Facts are bound to SQL
 * expressions (a column, a join's output, or a constant the report fetched first). Booleans are UInt8.
 */
import type { Expr, Scalar } from '../logs/index.ts';

/** A value as a ClickHouse literal: strings quoted and escaped, booleans 1/0, infinities and NaN by name. */
export function sqlLiteral(value: Scalar): string {
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return 'nan';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    return String(value);
  }
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

const SQL_OPERATORS = { eq: '=', ne: '!=', ge: '>=', le: '<=', add: '+', sub: '-', mul: '*' } as const;

/** SQL of an expression whose facts are bound to the SQL expressions in `bind`. */
export function ruleSql<F extends string>(e: Expr<F>, bind: Readonly<Record<F, string>>): string {
  const sql = (x: Expr<F>): string => ruleSql(x, bind);
  if ('fact' in e) {
    const bound = bind[e.fact];
    if (bound === undefined) throw new Error(`rule fact ${e.fact} is not bound to SQL`);
    return bound;
  }
  if ('value' in e) return sqlLiteral(e.value);
  switch (e.op) {
    case 'and':
    case 'or':
      return `(${e.args.map(sql).join(e.op === 'and' ? ' AND ' : ' OR ')})`;
    case 'not':
      return `(NOT ${sql(e.arg)})`;
    case 'in':
      return e.values.length === 0 ? '0' : `(${sql(e.arg)} IN (${e.values.map(sqlLiteral).join(', ')}))`;
    case 'case':
      return e.cases.length === 0 ? sql(e.otherwise) : `multiIf(${e.cases.map(([when, then]) => `${sql(when)}, ${sql(then)}`).join(', ')}, ${sql(e.otherwise)})`;
    case 'text':
      return `toString(${sql(e.arg)})`;
    default:
      return `(${sql(e.args[0])} ${SQL_OPERATORS[e.op]} ${sql(e.args[1])})`;
  }
}
