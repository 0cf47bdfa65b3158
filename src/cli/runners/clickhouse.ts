/** `httpwhy clickhouse schema|queries`: prints SQL on stdout, nothing else; `--json` wraps it with its statements. */
import { HttpwhyError } from '../../errors.ts';
import { checkIdentifier, dashboardScript, DEFAULT_DATABASE, parseTtl, schemaScript, schemaStatements } from '../../fleet/index.ts';
import type { ClickHouseOptions } from '../commands/clickhouse.ts';
import type { CommandContext } from '../context.ts';

export function runClickHouse([what]: [what: 'schema' | 'queries'], options: ClickHouseOptions, ctx: CommandContext): number {
  const database = checkIdentifier(options.database ?? DEFAULT_DATABASE, '--database');
  if (options.perNode && options.cluster === undefined) throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_OPTION', '--per-node goes with --cluster.');
  if (what === 'queries') {
    if (options.ttl !== undefined || options.perNode) throw new HttpwhyError('HW_ERR_CLICKHOUSE_BAD_OPTION', '--ttl and --per-node go with schema.');
    const sql = dashboardScript({ database, cluster: options.cluster });
    ctx.io.stdout.write(ctx.json ? `${JSON.stringify({ sql }, null, 2)}\n` : sql);
    return 0;
  }
  const schema = { database, cluster: options.cluster, perNode: options.perNode, ttlDays: options.ttl === undefined ? undefined : parseTtl(options.ttl) };
  ctx.io.stdout.write(ctx.json ? `${JSON.stringify({ statements: schemaStatements(schema) }, null, 2)}\n` : schemaScript(schema));
  return 0;
}
