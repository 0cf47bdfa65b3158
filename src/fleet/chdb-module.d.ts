/**
 * The part of npm `chdb` (ClickHouse in this process) that chdb-engine.ts uses. chDB is about 546 MB with its
 * library, so it is no dependency: `--engine chdb` loads it when the user installed it.
 */
declare module 'chdb' {
  export interface ChdbResult {
    text(): string;
  }
  export class Session {
    constructor(path?: string);
    queryAsync(query: string, options?: { format?: string }): Promise<ChdbResult>;
    insert(params: { table: string; values: Buffer | string; format: 'JSONEachRow' }): Promise<unknown>;
    close(): void;
  }
}
