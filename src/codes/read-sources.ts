/**
 * Reads the knowledge-base source tree (`data/codes`, `data/compare`) into raw, unvalidated records.
 * Kept apart from validation so the build and the tests read the files the same way.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export interface RawFile {
  path: string;
  text: string;
  data: unknown;
}

export interface RawEntry {
  id: string;
  meta: RawFile | undefined;
  prose: Record<string, RawFile | undefined>;
}

export function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function readYaml(path: string): RawFile | undefined {
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8');
  return { path, text, data: parse(text, { prettyErrors: true }) };
}

function readFolders(dir: string, files: readonly string[]): RawEntry[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .toSorted()
    .map((id) => {
      const [metaFile, ...proseFiles] = files;
      const prose: Record<string, RawFile | undefined> = {};
      for (const name of proseFiles) prose[name.replace(/\.yaml$/, '')] = readYaml(join(dir, id, name));
      return { id, meta: metaFile ? readYaml(join(dir, id, metaFile)) : undefined, prose };
    });
}

/** Every code folder: meta.yaml plus one prose file per locale. */
export function readCodeSources(dataDir: string): RawEntry[] {
  return readFolders(join(dataDir, 'codes'), ['meta.yaml', 'en.yaml', 'id.yaml']);
}

/** Every hand-written comparison folder (`<a>-vs-<b>`): prose only. */
export function readComparisonSources(dataDir: string): RawEntry[] {
  return readFolders(join(dataDir, 'compare'), ['', 'en.yaml', 'id.yaml']).map((e) => ({ ...e, meta: undefined }));
}
