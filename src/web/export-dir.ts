/**
 * The static export's output directory. It must be new, empty, or a previous export (recognised by its marker
 * file, which lists the files that export wrote); anything else is refused. A previous export's files are
 * replaced and its stale files removed; files it did not write (a CNAME, say) are left alone.
 */
import { mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, posix } from 'node:path';
import { HttpwhyError } from '../errors.ts';

export const EXPORT_MARKER = '.httpwhy-export.json';

function refuse(outDir: string, why: string): HttpwhyError {
  return new HttpwhyError(
    'HW_ERR_WEB_EXPORT_DIR_NOT_EMPTY',
    `Refusing to export into ${outDir}: ${why}. Use a new or empty directory, or one that holds a previous httpwhy export.`,
    { outDir },
  );
}

/** A relative, normalised path that stays inside the directory ("codes/502/index.html"). */
function isInside(file: unknown): file is string {
  return typeof file === 'string' && file !== '' && !isAbsolute(file) && posix.normalize(file) === file && !file.split('/').includes('..');
}

/** The files a previous export wrote into outDir ([] for a new or empty directory); throws when it is not safe to write there. */
export function previousExport(outDir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(outDir);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw refuse(outDir, 'it is a file, not a directory');
    throw error;
  }
  if (entries.length === 0) return [];
  if (!entries.includes(EXPORT_MARKER)) throw refuse(outDir, `it is not empty and has no ${EXPORT_MARKER}, so it is not a previous export`);
  let files: unknown;
  try {
    files = (JSON.parse(readFileSync(join(outDir, EXPORT_MARKER), 'utf8')) as { files?: unknown }).files;
  } catch {
    files = undefined;
  }
  if (!Array.isArray(files) || !files.every(isInside)) throw refuse(outDir, `its ${EXPORT_MARKER} is not a list of files inside it`);
  return files;
}

function writeMarker(outDir: string, files: readonly string[]): void {
  writeFileSync(join(outDir, EXPORT_MARKER), `${JSON.stringify({ generator: 'httpwhy build', files }, null, 1)}\n`);
}

/** Removes a file, then each parent directory it leaves empty, up to outDir. Never removes a directory with content. */
function removeFile(outDir: string, file: string): void {
  rmSync(join(outDir, file), { force: true });
  for (let dir = posix.dirname(file); dir !== '.'; dir = posix.dirname(dir)) {
    const path = join(outDir, dir);
    try {
      if (readdirSync(path).length > 0) return;
      rmdirSync(path);
    } catch {
      return;
    }
  }
}

/** Writes the files (relative path -> content) in sorted order, replacing the previous export's files. */
export function writeExport(outDir: string, files: ReadonlyMap<string, Buffer>, previous: readonly string[]): void {
  const names = [...files.keys()].toSorted();
  mkdirSync(outDir, { recursive: true });
  // Claim the directory first, listing old and new files, so that an interrupted export can still be replaced.
  writeMarker(outDir, [...new Set([...previous, ...names])].toSorted());
  for (const stale of previous.filter((file) => !files.has(file))) removeFile(outDir, stale);
  for (const name of names) {
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    writeFileSync(join(outDir, name), files.get(name) as Buffer);
  }
  writeMarker(outDir, names);
}
