// Every command's Indonesian output: no English label, no glued column. Each command runs in-process twice, with
// --lang en and --lang id, with colour on so that the labels the CLI styles bold can be told apart from the content.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpServer, type Loopback } from '../../test/helpers/loopback.ts';
import { memoryIo } from '../../test/helpers/memory-io.ts';
import { messages } from '../i18n/index.ts';
import { comparisonTable } from './runners/compare.ts';
import { relatedLines } from './runners/explain.ts';
import { run } from './index.ts';

const ESC = '\u001b';
const ANSI = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');
const BOLD = new RegExp(`${ESC}\\[1m(.*?)${ESC}\\[22m`, 'g');
const plain = (text: string) => text.replace(ANSI, '');
const norm = (text: string) => plain(text).trim().replace(/:$/, '').trim().toLowerCase();

async function cli(argv: string[]) {
  const io = memoryIo({ tty: true });
  const code = await run(argv, io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

/** Every leaf of a catalogue, functions called with markers for their parameters. */
function leaves(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (...a: string[]) => unknown)(...Array.from({ length: value.length }, (_, i) => `\u0001${i}\u0002`)))]];
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  return [];
}

const en = new Map(leaves(messages('en')));
const id = new Map(leaves(messages('id')));
/** Words the Indonesian catalogue deliberately shares with the English one (Header, Body, TLS, Lab, ...). */
const shared = new Set([...en].filter(([path, text]) => id.get(path) === text).map(([, text]) => norm(text)));
/**
 * English catalogue texts with no identical Indonesian twin, as patterns (template holes match anything). A template
 * needs a word of four letters or more outside its holes: "{0} to {1} {2}" would match any English sentence.
 */
const english = [...en]
  .filter(([path, text]) => id.get(path) !== text && /\p{L}{4}/u.test(text.replace(/\u0001\d\u0002/g, ' ')))
  .map(([, text]) => new RegExp(`^${text.toLowerCase().trim().replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\u0001\d\u0002/g, '.+?')}$`, 'su'));

/**
 * What an output labels: bold segments, the part before ": " at the start of a line, the first cell of an indented
 * line laid out in columns (two spaces or more after it), and the lines on stderr. A cell before a URL names a route
 * or a scenario as often as it is a label, so it is only checked against the English catalogue (`named`).
 */
function labels(out: string, err: string): { all: string[]; named: string[] } {
  const bold = [...out.matchAll(BOLD)].map((m) => m[1] ?? '');
  const lines = plain(out).split('\n');
  const prefixes = lines.flatMap((line) => /^(\p{L}[^:\n]{0,40}):( |$)/u.exec(line)?.[1] ?? []);
  const cells = lines.map((line) => /^ +(\p{L}[^\n]{0,40}?) {2,}(\S+)/u.exec(line)).filter((m) => m !== null);
  const stderr = plain(err).split('\n').filter((line) => /\p{L}{2}/u.test(line));
  const clean = (items: readonly string[]) => items.map(norm).filter((label) => label !== '');
  return {
    all: clean([...bold, ...prefixes, ...cells.filter((m) => !/^https?:/.test(m[2] ?? '')).map((m) => m[1] ?? ''), ...stderr]),
    named: clean(cells.filter((m) => /^https?:/.test(m[2] ?? '')).map((m) => m[1] ?? '')),
  };
}

/** Content the two runs share, not labels: code titles and statuses, the command's name, URLs, paths, file banners. */
const isContent = (label: string) => /^\d|^httpwhy\b|^== |\/|^[a-z0-9]+(-[a-z0-9]+)+$/.test(label);
const isEnglishText = (label: string) => english.some((pattern) => pattern.test(label));

/** Labels of the Indonesian output that are English: an English catalogue text, or the same as in the English run. */
function englishLabels(enRun: { out: string; err: string }, idRun: { out: string; err: string }): string[] {
  const enLabels = new Set(labels(enRun.out, enRun.err).all);
  const { all, named } = labels(idRun.out, idRun.err);
  return [
    ...new Set([
      ...all.filter((label) => isEnglishText(label) || (!isContent(label) && !shared.has(label) && enLabels.has(label))),
      ...named.filter(isEnglishText),
    ]),
  ];
}

/** Lines where a label runs into the value after it: the (longest) label is not followed by two spaces or the end. */
function gluedColumns(text: string, columnLabels: readonly string[]): string[] {
  return plain(text)
    .split('\n')
    .filter((line) => {
      const label = columnLabels.filter((l) => line.startsWith(l)).toSorted((a, b) => b.length - a.length)[0];
      return label !== undefined && !/^( {2}|$)/.test(line.slice(label.length));
    });
}

/** Runs `httpwhy lab` in-process until its banner is out, then stops it as Ctrl-C would. */
async function labRun(lang: 'en' | 'id') {
  const io = memoryIo({ tty: true });
  const exit = run(['lab', '--port', '0', '--gateway-port', '0', '--lang', lang], io);
  const { lab } = messages(lang).cli;
  await expect.poll(() => io.stdoutText(), { timeout: 10_000 }).toContain(lab.failuresThrough(lab.theGateway));
  process.emit('SIGINT');
  expect(await exit).toBe(0);
  return { out: io.stdoutText(), err: io.stderrText() };
}

let server: Loopback;
beforeAll(async () => {
  const page = '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
  server = await httpServer((req, res) => {
    if (req.url === '/go') res.writeHead(302, { location: '/502' }).end();
    else res.writeHead(502, { server: 'nginx', 'content-type': 'text/html' }).end(page);
  });
});
afterAll(() => server.close());

const fixture = (path: string) => `test/fixtures/${path}`;
const COMMANDS: string[][] = [
  ['502'],
  ['499'],
  ['009'],
  ['502.5'],
  ['compare', '502', '504'],
  ['compare', '499', '418'],
  ['list', '--class', '5xx', '--vendor', 'nginx'],
  ['search', 'gateway', 'timeout'],
  ['search', 'zzzzqqq'],
  ['diagnose', fixture('diagnose/akamai/403-access-denied.http')],
  ['diagnose', fixture('diagnose/har/checkout.har')],
  ['diagnose', fixture('diagnose/curl/refused-verbose.http'), fixture('diagnose/unknown/bare-503.http')],
  ['logs', fixture('logs/nginx/access.log'), fixture('logs/nginx/error.log'), '--app', fixture('logs/nginx/app.log'), '--no-progress'],
];

describe('every command in Indonesian', () => {
  it.each(COMMANDS.map((argv) => [argv.join(' '), argv] as const))('%s has no English label', async (_name, argv) => {
    const [enRun, idRun] = [await cli([...argv, '--lang', 'en']), await cli([...argv, '--lang', 'id'])];
    expect(idRun.code).toBe(enRun.code);
    expect(englishLabels(enRun, idRun)).toEqual([]);
  });

  it('check: the detail view and the bulk table have no English label', async () => {
    for (const argv of [['check', `${server.origin}/go`], ['check', `${server.origin}/go`, `${server.origin}/502`, '--no-progress']]) {
      const [enRun, idRun] = [await cli([...argv, '--allow-private', '--lang', 'en']), await cli([...argv, '--allow-private', '--lang', 'id'])];
      // Timings differ from run to run; labels do not.
      expect(englishLabels(enRun, idRun), argv.join(' ')).toEqual([]);
    }
  });

  it('lab: the banner it prints has no English label', async () => {
    expect(englishLabels(await labRun('en'), await labRun('id'))).toEqual([]);
  });

  it('build: its summary is Indonesian', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'httpwhy-build-id-'));
    try {
      const idRun = await cli(['build', '--out', join(dir, 'site'), '--lang', 'id']);
      expect(idRun.code).toBe(0);
      expect(idRun.err).toMatch(/^httpwhy: \d+ file \(\d+ byte\) untuk /);
      expect(englishLabels({ out: '', err: '' }, idRun)).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('the checks can fail: an English label and a glued column are reported', async () => {
    const enRun = await cli(['compare', '502', '504', '--lang', 'en']);
    expect(englishLabels(enRun, enRun)).toContain('who failed');
    expect(englishLabels({ out: '', err: '' }, { out: `${ESC}[1mResponse:${ESC}[22m HTTP/1.1 502`, err: '3 code(s)\n' })).toEqual(['response', '3 code(s)']);
    expect(gluedColumns('Bisa di-cache secara defaulttidak      tidak', ['Bisa di-cache secara default'])).toHaveLength(1);
  });
});

describe('column layouts', () => {
  it('keeps every compare label apart from its value, in both languages', async () => {
    for (const lang of ['en', 'id'] as const) {
      const r = await cli(['compare', '502', '504', '--lang', lang]);
      expect(gluedColumns(r.out, Object.values(messages(lang).aspect))).toEqual([]);
    }
  });

  it('widens the label column for a long label (planted)', () => {
    const planted = 'A label far longer than twenty-two characters';
    const lines = comparisonTable(['502 Bad Gateway', '504 Gateway Timeout'], [{ aspect: planted, a: 'tidak', b: 'tidak' }], 100, (s) => s);
    expect(gluedColumns(lines.join('\n'), [planted])).toEqual([]);
    expect(lines[1]).toMatch(new RegExp(`^${planted} {2,}tidak {2,}tidak$`));
  });

  it('keeps related ids apart from their line, however long the id', async () => {
    const ids = ['500', '500.30-iis-ancm'];
    const lines = relatedLines(ids, { '500': 'plain 500', '500.30-iis-ancm': 'the in-process start failure' }, 100, (s) => s);
    expect(gluedColumns(lines.join('\n').replace(/^ {2}/gm, ''), ids)).toEqual([]);
    const r = await cli(['502', '--lang', 'id']);
    expect(plain(r.out)).toMatch(/^ {2}520-cloudflare {2}520 adalah versi Cloudflare/m);
    expect(plain(r.out)).toMatch(/^ {2}500 {2,}500 berarti aplikasinya sendiri/m);
  });
});
