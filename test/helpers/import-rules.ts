/**
 * The import rules of `src/`, checked on a parsed module graph (oxc-parser), so that no import form slips past:
 * static imports with either quote, bare `import '...'`, `export ... from`, type-only imports and dynamic
 * `import()` all count.
 *
 * 1. Doors: a folder with an `index.ts` is entered only through it, from anywhere outside that folder (the
 *    domains under `src/`, and rooms such as `logs/input/`). A file may import its own folder's and its
 *    ancestors' files directly.
 * 2. Layers: a domain imports only domains of a lower layer ({@link DOMAIN_LAYERS}); inside a domain with rooms, a
 *    room imports only rooms of a lower layer ({@link ROOM_LAYERS}).
 * 3. Shipped code never imports from `test/`.
 * 4. Every relative import names an existing file with its extension.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseSync } from 'oxc-parser';

/** Lower layers first. Top-level files of `src/` (`errors.ts`, ...) sit below every domain; `index.ts` above all. */
export const DOMAIN_LAYERS: readonly (readonly string[])[] = [
  ['i18n'],
  // logs sits beside codes: diagnose reads pasted access-log lines with its parsers and verdict table.
  ['codes', 'logs'],
  ['compare', 'diagnose'],
  ['check'],
  ['metrics', 'fleet'],
  ['lab'],
  ['web'],
  ['cli'],
];

/** Rooms of a domain, lower layers first; the domain's own top-level files may use every room. */
export const ROOM_LAYERS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  logs: [['input', 'formats'], ['analysis'], ['report']],
};

export interface ImportRef {
  from: string;
  specifier: string;
  kind: 'static' | 'bare' | 'type' | 're-export' | 'dynamic';
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

export function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sourceFiles(join(dir, d.name)) : /\.tsx?$/.test(d.name) && !d.name.endsWith('.d.ts') ? [join(dir, d.name)] : [],
  );
}

/** Every module specifier a file names, in any import form. A dynamic import of a non-literal is reported as such. */
export function importsOf(file: string): ImportRef[] {
  const text = readFileSync(file, 'utf8');
  const { module, errors } = parseSync(file, text);
  if (errors.length > 0) throw new Error(`${file}: ${errors[0]?.message ?? 'parse error'}`);
  const refs: ImportRef[] = [];
  for (const imp of module.staticImports) {
    const typeOnly = imp.entries.length > 0 && imp.entries.every((e) => e.isType);
    refs.push({ from: file, specifier: imp.moduleRequest.value, kind: imp.entries.length === 0 ? 'bare' : typeOnly ? 'type' : 'static' });
  }
  for (const exp of module.staticExports) {
    for (const entry of exp.entries) if (entry.moduleRequest) refs.push({ from: file, specifier: entry.moduleRequest.value, kind: 're-export' });
  }
  for (const dyn of module.dynamicImports) {
    const raw = text.slice(dyn.moduleRequest.start, dyn.moduleRequest.end);
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(raw);
    refs.push({ from: file, specifier: literal ? (literal[2] as string) : `<non-literal ${raw}>`, kind: 'dynamic' });
  }
  return refs;
}

const layerOf = (layers: readonly (readonly string[])[], name: string) => layers.findIndex((l) => l.includes(name));

/** The first folder under `base` on the way to `file`, or '' when the file sits directly in `base`. */
function firstFolder(base: string, file: string): string {
  const parts = relative(base, file).split(sep);
  return parts.length > 1 ? (parts[0] as string) : '';
}

/** The outermost folder with an `index.ts` that contains `target` but not `from`, if any: the door to go through. */
function doorBetween(srcDir: string, from: string, target: string): string | null {
  let dir = dirname(target);
  let door: string | null = null;
  while (dir.startsWith(srcDir) && dir !== srcDir) {
    const contains = (from + sep).startsWith(dir + sep);
    if (contains) break;
    if (existsSync(join(dir, 'index.ts'))) door = dir;
    dir = dirname(dir);
  }
  return door;
}

function layerViolation(srcDir: string, from: string, target: string): string | null {
  const fromDomain = firstFolder(srcDir, from);
  const toDomain = firstFolder(srcDir, target);
  if (toDomain === '' && fromDomain === '') return null;
  if (toDomain === '') return relative(srcDir, target) === 'index.ts' ? 'the package entry is above every domain' : null;
  if (fromDomain === '') return relative(srcDir, from) === 'index.ts' ? null : `top-level files sit below every domain (${toDomain})`;
  if (fromDomain !== toDomain) {
    const a = layerOf(DOMAIN_LAYERS, fromDomain);
    const b = layerOf(DOMAIN_LAYERS, toDomain);
    if (a < 0 || b < 0) return `domain not in DOMAIN_LAYERS: ${a < 0 ? fromDomain : toDomain}`;
    return b < a ? null : `${fromDomain} (layer ${a}) may not import ${toDomain} (layer ${b})`;
  }
  const rooms = ROOM_LAYERS[fromDomain];
  if (!rooms) return null;
  const domainDir = join(srcDir, fromDomain);
  const fromRoom = firstFolder(domainDir, from);
  const toRoom = firstFolder(domainDir, target);
  if (fromRoom === toRoom || fromRoom === '') return null;
  if (toRoom === '') return null; // the domain's shared files (types) serve every room
  const a = layerOf(rooms, fromRoom);
  const b = layerOf(rooms, toRoom);
  if (a < 0 || b < 0) return `room not in ROOM_LAYERS.${fromDomain}: ${a < 0 ? fromRoom : toRoom}`;
  return b < a ? null : `${fromDomain}/${fromRoom} (layer ${a}) may not import ${fromDomain}/${toRoom} (layer ${b})`;
}

/** All violations of the rules above in `srcDir`, one line each: `file -> specifier: why`. */
export function importViolations(srcDir: string): string[] {
  const root = resolve(srcDir);
  const violations: string[] = [];
  for (const file of sourceFiles(root)) {
    for (const ref of importsOf(file)) {
      const say = (why: string) => violations.push(`${relative(root, file)} -> ${ref.specifier} (${ref.kind}): ${why}`);
      if (ref.specifier.startsWith('<non-literal')) {
        say('dynamic import of a computed path cannot be checked');
        continue;
      }
      if (!ref.specifier.startsWith('.')) continue;
      const target = resolve(dirname(file), ref.specifier);
      if (!isTest(file) && /(^|\/)test\//.test(relative(dirname(root), target))) {
        say('shipped code imports test code');
        continue;
      }
      if (!target.startsWith(root + sep)) continue;
      if (!existsSync(target) || !statSync(target).isFile()) {
        say('no such file (imports name the file with its extension)');
        continue;
      }
      const door = doorBetween(root, file, target);
      if (door !== null && target !== join(door, 'index.ts')) say(`enter ${relative(root, door)}/ through its index.ts`);
      const layer = layerViolation(root, file, target);
      if (layer !== null) say(layer);
    }
  }
  return violations;
}
