import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ChangedJsonFormatParser } from './changed-json-format.ts';
import { inferJsonLogFormat } from './infer-json-format.ts';
import { KIND } from './line-parser.ts';

// jakkaret/waf_project's access.json (wild corpus): a request_id key added after line 55, nginx reloaded.
const lines = readFileSync(new URL('../../../test/fixtures/logs/wild/nginx-json/waf-project-modsec-json.log', import.meta.url), 'utf8')
  .split('\n')
  .filter((l) => l !== '');
const firstFormat = inferJsonLogFormat(lines[0] as string) ?? '';

function parse(parser: ChangedJsonFormatParser, line: string): number {
  const buf = Buffer.from(line);
  return parser.parse(buf, buf.toString('latin1'), 0, buf.length);
}

describe('ChangedJsonFormatParser', () => {
  it("reads the lines written after the log_format changed, with the new keys' values", () => {
    const parser = new ChangedJsonFormatParser(firstFormat);
    const later = lines[55] as string;
    expect(parse(parser, later)).toBe(KIND.access);
    expect(parser.status).toBe(200);
    expect(parser.access().path).toBe('/login.php');
    expect(parser.access().requestId).toBe('e677aceb6213c3ca3643607887a1d809');
  });

  it('leaves a line of the file’s own format and JSON that is not an nginx line to the others', () => {
    const parser = new ChangedJsonFormatParser(firstFormat);
    expect(parse(parser, lines[0] as string)).toBe(KIND.none);
    expect(parse(parser, '{"level":"info","msg":"started","status":"ok"}')).toBe(KIND.none);
    expect(parse(parser, 'GET / HTTP/1.1')).toBe(KIND.none);
  });
});
