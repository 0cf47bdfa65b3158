import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBase } from './build-kb.ts';

const dataDir = fileURLToPath(new URL('../../data', import.meta.url));

/** A scratch data dir holding only the given code folders (copied from the real data). */
function scratch(ids: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-kb-'));
  for (const id of ids) cpSync(join(dataDir, 'codes', id), join(dir, 'codes', id), { recursive: true });
  return dir;
}

describe('the real knowledge base', () => {
  const report = buildKnowledgeBase(dataDir);

  it('validates without errors', () => expect(report.errors).toEqual([]));
  it('has no stale translation', () => expect(report.stale).toEqual([]));
  it('is deterministic', () => {
    expect(JSON.stringify(buildKnowledgeBase(dataDir).kb)).toBe(JSON.stringify(report.kb));
  });
});

describe('validation catches broken data', () => {
  it('flags a translation whose English source changed', () => {
    const dir = scratch(['500', '502']);
    const en = join(dir, 'codes', '502', 'en.yaml');
    writeFileSync(en, readFileSync(en, 'utf8').replace('Bad Gateway', 'Bad Gateway (edited)'));
    const { stale } = buildKnowledgeBase(dir);
    expect(stale).toEqual([expect.stringContaining('502/id.yaml is stale')]);
  });

  it('rejects unknown keys, missing translations and dangling related ids', () => {
    const dir = scratch(['502']);
    const meta = join(dir, 'codes', '502', 'meta.yaml');
    writeFileSync(meta, `${readFileSync(meta, 'utf8')}colour: red\n`);
    writeFileSync(join(dir, 'codes', '502', 'id.yaml'), 'title: ""\n');
    const { errors } = buildKnowledgeBase(dir);
    expect(errors.some((e) => e.includes('meta.yaml') && e.includes('colour'))).toBe(true);
    expect(errors.some((e) => e.includes('id.yaml') && e.includes('summary'))).toBe(true);
  });

  it('rejects a related id that does not exist', () => {
    const dir = scratch(['502']);
    const { errors } = buildKnowledgeBase(dir);
    expect(errors).toContain('502: related id "504" does not exist');
  });
});

describe('what the client receives (onTheWire)', () => {
  const byId = new Map(buildKnowledgeBase(dataDir).kb.codes.map((e) => [e.id, e]));
  it.each([
    ['502', '502'],
    ['502.3-iis-arr', '502'],
    ['495-nginx', '400'],
    ['498-arcgis', '200'],
    ['499-nginx', null],
    ['444-nginx', null],
    ['009-nginx', null],
  ])('%s goes out as %s', (id, wire) => expect(byId.get(id)?.onTheWire).toBe(wire));

  it('rejects an example response whose status line is not what the client receives', () => {
    const dir = scratch(['495-nginx']);
    const meta = join(dir, 'codes', '495-nginx', 'meta.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('wireStatus: "400"\n', ''));
    const { errors } = buildKnowledgeBase(dir);
    expect(errors).toContain('495-nginx: the example response shows 400, but the client receives no response (see wireStatus, clientVisible)');
  });

  it('rejects a wireStatus with no registry entry to point to', () => {
    const dir = scratch(['495-nginx']);
    const meta = join(dir, 'codes', '495-nginx', 'meta.yaml');
    writeFileSync(meta, readFileSync(meta, 'utf8').replace('wireStatus: "400"', 'wireStatus: "299"').replace('HTTP/1.1 400 Bad Request', 'HTTP/1.1 299 Odd'));
    const { errors } = buildKnowledgeBase(dir);
    expect(errors).toContain('495-nginx: the client receives 299, which has no registry entry to point to');
  });
});
