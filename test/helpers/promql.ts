/**
 * The series names a PromQL expression reads: what is left once strings, label matchers, ranges, grouping clauses,
 * function names, keywords and numbers are taken out. Enough for the expressions httpwhy ships (rules, dashboard);
 * not a PromQL parser.
 */
const KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'and', 'or', 'unless', 'bool', 'offset']);

export function seriesNamesIn(expr: string): string[] {
  const stripped = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  // A whole name (the lookahead and back-reference keep it from backtracking into a prefix), not followed by `(`.
  const names = [...stripped.matchAll(/(?<![\w:])(?=([A-Za-z_:][\w:]*))\1(?!\s*\()/g)].map((m) => m[1] as string).filter((n) => !KEYWORDS.has(n));
  return [...new Set(names)];
}
