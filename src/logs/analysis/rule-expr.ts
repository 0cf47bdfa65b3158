/**
 * A small expression language over named facts, so that the analyzer's combining rules are data: the streaming
 * analyzer compiles them to JavaScript here, the fleet domain translates the same trees to SQL. Values are
 * strings, numbers and booleans; absent things are '' or 0 or false, never null, so both sides compare alike.
 */
export type Scalar = string | number | boolean;

/** An expression over facts named `F`. */
export type Expr<F extends string> =
  | { readonly fact: F }
  | { readonly value: Scalar }
  | { readonly op: 'eq' | 'ne' | 'ge' | 'le' | 'add' | 'sub' | 'mul'; readonly args: readonly [Expr<F>, Expr<F>] }
  | { readonly op: 'and' | 'or'; readonly args: readonly Expr<F>[] }
  | { readonly op: 'not'; readonly arg: Expr<F> }
  | { readonly op: 'in'; readonly arg: Expr<F>; readonly values: readonly Scalar[] }
  /** The value of the first case whose condition holds, else `otherwise`. */
  | { readonly op: 'case'; readonly cases: readonly (readonly [Expr<F>, Expr<F>])[]; readonly otherwise: Expr<F> }
  /** A number as decimal text. */
  | { readonly op: 'text'; readonly arg: Expr<F> };

type Operand<F extends string> = Expr<F> | Scalar;

const wrap = <F extends string>(e: Operand<F>): Expr<F> => (typeof e === 'object' ? e : { value: e });

/** Builders whose fact names are checked against `F`. */
export function exprBuilders<F extends string>() {
  return {
    fact: (name: F): Expr<F> => ({ fact: name }),
    eq: (a: Operand<F>, b: Operand<F>): Expr<F> => ({ op: 'eq', args: [wrap(a), wrap(b)] }),
    ne: (a: Operand<F>, b: Operand<F>): Expr<F> => ({ op: 'ne', args: [wrap(a), wrap(b)] }),
    ge: (a: Operand<F>, b: Operand<F>): Expr<F> => ({ op: 'ge', args: [wrap(a), wrap(b)] }),
    le: (a: Operand<F>, b: Operand<F>): Expr<F> => ({ op: 'le', args: [wrap(a), wrap(b)] }),
    add: (a: Operand<F>, b: Operand<F>): Expr<F> => ({ op: 'add', args: [wrap(a), wrap(b)] }),
    sub: (a: Operand<F>, b: Operand<F>): Expr<F> => ({ op: 'sub', args: [wrap(a), wrap(b)] }),
    mul: (a: Operand<F>, b: Operand<F>): Expr<F> => ({ op: 'mul', args: [wrap(a), wrap(b)] }),
    and: (...args: Operand<F>[]): Expr<F> => ({ op: 'and', args: args.map(wrap) }),
    or: (...args: Operand<F>[]): Expr<F> => ({ op: 'or', args: args.map(wrap) }),
    not: (arg: Operand<F>): Expr<F> => ({ op: 'not', arg: wrap(arg) }),
    isIn: (arg: Operand<F>, values: readonly Scalar[]): Expr<F> => ({ op: 'in', arg: wrap(arg), values }),
    pick: (cases: ReadonlyArray<readonly [Operand<F>, Operand<F>]>, otherwise: Operand<F>): Expr<F> => ({
      op: 'case',
      cases: cases.map(([when, then]) => [wrap(when), wrap(then)] as const),
      otherwise: wrap(otherwise),
    }),
    text: (arg: Operand<F>): Expr<F> => ({ op: 'text', arg: wrap(arg) }),
  };
}

export type Evaluator<F extends string> = (facts: Readonly<Record<F, Scalar>>) => Scalar;

const JS_OPERATORS = { eq: '===', ne: '!==', ge: '>=', le: '<=', add: '+', sub: '-', mul: '*' } as const;

/** JavaScript source of an expression over an object `f` of facts. Fact names are identifiers; literals are JSON. */
export function jsSource<F extends string>(e: Expr<F>): string {
  if ('fact' in e) return `f.${e.fact}`;
  if ('value' in e) return JSON.stringify(e.value);
  switch (e.op) {
    case 'and':
    case 'or':
      return `(${e.args.map((a) => jsSource(a)).join(e.op === 'and' ? ' && ' : ' || ')})`;
    case 'not':
      return `!${jsSource(e.arg)}`;
    case 'in': {
      const arg = jsSource(e.arg);
      return e.values.length === 0 ? 'false' : `(${e.values.map((v) => `${arg} === ${JSON.stringify(v)}`).join(' || ')})`;
    }
    case 'case':
      return `(${e.cases.map(([when, then]) => `${jsSource(when)} ? ${jsSource(then)} : `).join('')}${jsSource(e.otherwise)})`;
    case 'text':
      return `String(${jsSource(e.arg)})`;
    default:
      return `(${jsSource(e.args[0])} ${JS_OPERATORS[e.op]} ${jsSource(e.args[1])})`;
  }
}

/**
 * Compiles an expression to a JavaScript function, as fast as code written by hand (the analyzer evaluates rules
 * for every 5xx). Needs code generation, which the log session checks up front (code-generation.ts).
 */
export function compileExpr<F extends string>(e: Expr<F>): Evaluator<F> {
  return new Function('f', `return ${jsSource(e)};`) as Evaluator<F>;
}
