import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { jsonDocumentAsLines, jsonDocumentKind, jsonDocumentRecords, type JsonDocumentKind } from './json-document.ts';

/** The records of `text` fed in chunks of `size` bytes, as lines. */
async function records(text: string, kind: JsonDocumentKind, size = 7): Promise<string[]> {
  const bytes = Buffer.from(text);
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  const out: Buffer[] = [];
  for await (const chunk of jsonDocumentRecords(chunks(), kind)) out.push(chunk);
  return Buffer.concat(out).toString('utf8').split('\n').slice(0, -1);
}

// Azure Application Gateway's diagnostics page (MicrosoftDocs/azure-docs, wild corpus): four records, each
// pretty-printed over many lines, as its JSON examples print them.
const AZURE_DOCS = readFileSync(new URL('../../../test/fixtures/logs/wild/azure-appgw/azure-docs-diagnostics-examples.json', import.meta.url), 'utf8');

describe('JSON documents read record by record', () => {
  it('knows a document from its head, and leaves JSON lines and text logs alone', () => {
    expect(jsonDocumentKind(Buffer.from(AZURE_DOCS))).toBe('objects');
    expect(jsonDocumentKind(Buffer.from('[\n  {\n    "insertId": "x"'))).toBe('array');
    expect(jsonDocumentKind(Buffer.from('\ufeff[{"a":1}]'))).toBe('array');
    expect(jsonDocumentKind(Buffer.from('{"records": [{"time": "x"}]}\n'))).toBe('objects');
    expect(jsonDocumentKind(Buffer.from('{"level":"info","msg":"handled request"}\n{"level":"info"}\n'))).toBeNull();
    expect(jsonDocumentKind(Buffer.from('[Sun Mar 13 22:49:12 2016] [error] [client 1.2.3.4] x'))).toBeNull();
    expect(jsonDocumentKind(Buffer.from('[2019-04-06T06:20:05.972Z] "- - -" 0 UF,URX'))).toBeNull();
    expect(jsonDocumentKind(Buffer.from('[pid: 88185|app: 0|req: 1/1] 127.0.0.1 ()'))).toBeNull();
  });

  it('makes one line of each pretty-printed record, whatever the chunk boundaries', async () => {
    for (const size of [1, 7, 4096]) {
      const lines = await records(AZURE_DOCS, 'objects', size);
      expect(lines).toHaveLength(4);
      expect(lines.map((l) => (JSON.parse(l) as { operationName: string }).operationName)).toEqual([
        'ApplicationGatewayAccess',
        'ApplicationGatewayAccess',
        'ApplicationGatewayPerformance',
        'ApplicationGatewayFirewall',
      ]);
    }
  });

  it("reads an array's elements, strings holding brackets, quotes and escapes untouched (mechanics)", async () => {
    const doc = '[\r\n  {"a": "x]}\\"{[", "b": [1, {"c": 2}]},\r\n  {"d": "\\\\"}\r\n]\r\n';
    expect(await records(doc, 'array')).toEqual(['{"a": "x]}\\"{[", "b": [1, {"c": 2}]}', '{"d": "\\\\"}']);
  });

  it("reads the records of batches (Azure's records, Cloud Logging's entries), dropping the wrapper (mechanics)", async () => {
    const doc = '{"records": [{"a": 1}, {"a": 2}]}\n{"nextPageToken": "t", "entries": [\n {"b": 3}\n]}\n{"c": 4}\n';
    expect(await records(doc, 'objects')).toEqual(['{"a": 1}', '{"a": 2}', '{"b": 3}', '{"c": 4}']);
  });

  it('hands on a record the input cut off, as it is (mechanics)', async () => {
    expect(await records('[{"a": 1}, {"b": [2', 'array')).toEqual(['{"a": 1}', '{"b": [2']);
  });
});

describe('a pasted JSON document as lines', () => {
  it('puts each record on the line where it opens and blanks the rest, so line numbers stay the paste’s', () => {
    const lines = jsonDocumentAsLines(AZURE_DOCS)?.split('\n') ?? [];
    expect(lines).toHaveLength(AZURE_DOCS.split('\n').length);
    expect(lines.flatMap((l, i) => (l === '' ? [] : [i + 1]))).toEqual([1, 44, 67, 83]);
    expect(jsonDocumentAsLines('{"level":"info"}\n{"level":"warn"}')).toBeNull();
  });
});
