/**
 * The verdict table (logs/analysis/verdict-rules.ts) as SQL: the same rules, in the same order, as one `multiIf`
 * per output, and the evidence list as arrays. Facts are bound to SQL expressions by the caller.
 */
import { VERDICT_APP_MESSAGE, VERDICT_EVIDENCE, VERDICT_RULES, type VerdictFact, type VerdictRule } from '../logs/index.ts';
import { ruleSql, sqlLiteral } from './rule-sql.ts';

/** The verdict's columns, in `WITH` alias form: rule_v, cause, confidence, reason, evidence_kinds, evidence_details, app_message_out. */
export function verdictAliases(facts: Readonly<Record<VerdictFact, string>>): string[] {
  const last = VERDICT_RULES.at(-1) as VerdictRule;
  const rule = (pick: (r: VerdictRule) => string): string => `multiIf(${VERDICT_RULES.slice(0, -1).map((r) => `${ruleSql(r.when, facts)}, ${pick(r)}`).join(', ')}, ${pick(last)})`;
  const evidence = (part: 'kind' | 'detail'): string => {
    const own = VERDICT_EVIDENCE.map((e) => `if(${ruleSql(e.when, facts)}, [${ruleSql(e[part], facts)}], emptyArrayString())`);
    // The deciding rule's own evidence (the app's silence) comes last.
    const byRule = VERDICT_RULES.flatMap((r) => (r.evidence ? [`rule_v = ${sqlLiteral(r.name)}, [${part === 'kind' ? sqlLiteral(r.evidence) : "''"}]`] : []));
    const extra = byRule.length === 0 ? [] : [`multiIf(${byRule.join(', ')}, emptyArrayString())`];
    return `arrayConcat(${[...own, ...extra].join(', ')})`;
  };
  return [
    `${rule((r) => sqlLiteral(r.name))} AS rule_v`,
    `${rule((r) => ruleSql(r.cause, facts))} AS cause`,
    `${rule((r) => ruleSql(r.confidence, facts))} AS confidence`,
    `${rule((r) => ruleSql(r.reason, facts))} AS reason`,
    `${evidence('kind')} AS evidence_kinds`,
    `${evidence('detail')} AS evidence_details`,
    `${ruleSql(VERDICT_APP_MESSAGE, facts)} AS app_message_out`,
  ];
}
