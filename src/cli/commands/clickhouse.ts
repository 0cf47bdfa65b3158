/** `httpwhy clickhouse schema|queries`: the DDL for the rows of `httpwhy logs --emit ndjson`, and the SQL for dashboards. */
import { Argument, Option, type CommandDeclaration } from '../command.ts';

export interface ClickHouseOptions {
  database?: string;
  cluster?: string;
  perNode?: boolean;
  ttl?: string;
}

export const clickhouseCommand: CommandDeclaration<[what: 'schema' | 'queries'], ClickHouseOptions> = {
  name: 'clickhouse',
  description: 'fleet scale on ClickHouse: the DDL for the rows of httpwhy logs --emit ndjson, or the SQL of its classification for dashboards',
  arguments: [new Argument('<what>', 'schema: the tables (and, with --cluster, the Distributed one) · queries: a view of every verdict and dashboard queries over it').choices(['schema', 'queries'])],
  options: [
    new Option('--database <name>', 'database of the rows (default httpwhy)'),
    new Option('--cluster <name>', 'a cluster of remote_servers: Distributed table sharded by request id, DDL ON CLUSTER'),
    new Option('--per-node', 'with --cluster: no ON CLUSTER, to run the DDL on every node yourself (no ZooKeeper or Keeper)'),
    new Option('--ttl <days>', 'schema: keep rows this long, e.g. 30d (ClickHouse 19.6 or later)'),
  ],
  helpAfter: `
Example (a fleet):
  httpwhy clickhouse schema --cluster logs --ttl 30d | clickhouse-client --multiquery
  httpwhy logs /var/log/nginx/access.log /var/log/nginx/error.log --emit ndjson | clickhouse-client --query "INSERT INTO httpwhy.log_rows_all FORMAT JSONEachRow"
  httpwhy logs --clickhouse http://clickhouse:8123 --since 1h`,
  run: (args, options, ctx) => import('../runners/clickhouse.ts').then((runner) => runner.runClickHouse(args, options, ctx)),
};
