import { describe, expect, it } from 'vitest';
import { memoryIo } from '../../test/helpers/memory-io.ts';
import { run } from './index.ts';

async function cli(argv: string[], options: Parameters<typeof memoryIo>[0] = {}) {
  const io = memoryIo(options);
  const code = await run(argv, io);
  return { code, out: io.stdoutText(), err: io.stderrText() };
}

describe('httpwhy <code>', () => {
  it('explains a code', async () => {
    const r = await cli(['502']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('502 Bad Gateway');
    expect(r.out).toContain('RFC 9110');
    expect(r.out).not.toMatch(/\u001b\[/);
  });

  it('speaks Indonesian', async () => {
    const r = await cli(['503', '--lang', 'id']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Periksa lebih dulu');
  });

  it('shows every meaning of a colliding number', async () => {
    const r = await cli(['499']);
    expect(r.out).toMatch(/499: \d meanings/);
    expect(r.out).toMatch(/nginx/);
    expect(r.out).toMatch(/arcgis/);
  });

  it('says what the client receives when it is not the code itself', async () => {
    expect((await cli(['495'])).out).toContain('What the client receives: 400 Bad Request');
    expect((await cli(['499'])).out).toContain('What the client receives: no HTTP response at all');
    expect((await cli(['502'])).out).not.toContain('What the client receives');
    const doc = JSON.parse((await cli(['502.3', '--json'])).out) as { meanings: { onTheWire: string | null }[] };
    expect(doc.meanings[0]?.onTheWire).toBe('502');
  });

  it('prints only JSON with --json', async () => {
    const r = await cli(['504', '--json']);
    const doc = JSON.parse(r.out) as { status: string; meanings: { id: string; locale: string; text: { title: string } }[] };
    expect(doc.status).toBe('504');
    expect(doc.meanings[0]).toMatchObject({ id: '504', locale: 'en', text: { title: 'Gateway Timeout' } });
  });

  it('uses colour only on a TTY and honours NO_COLOR', async () => {
    expect((await cli(['502'], { tty: true })).out).toMatch(/\u001b\[/);
    expect((await cli(['502'], { tty: true, env: { NO_COLOR: '1' } })).out).not.toMatch(/\u001b\[/);
    expect((await cli(['502', '--no-color'], { tty: true })).out).not.toMatch(/\u001b\[/);
  });
});

describe('bad input exits 2 with one clear line', () => {
  it.each([
    [['99'], /not an HTTP status code/],
    [['1000'], /not an HTTP status code/],
    [['abc'], /not an HTTP status code/],
    [['compare', '500'], /missing required argument 'b'/],
    [['502', '--lang', 'fr'], /Unknown language "fr"/],
    [['list', '--class', '6xx'], /Allowed choices/],
    [['logs', 'access.log', '--written-by', 'proxy'], /'proxy' is invalid\. Allowed choices are app/],
    [['frobnicate', 'x'], /too many arguments/],
    [['frobnicate'], /not an HTTP status code/],
    [['search', 'x', '--limit', '0'], /--limit must be/],
    // Every command gets the same context, so the language is checked for those that print none too.
    [['serve', '--port', 'none', '--lang', 'fr'], /Unknown language "fr"/],
  ])('%j', async (argv, message) => {
    const r = await cli(argv);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('says an unknown well-formed code is unknown, gives its class and near codes', async () => {
    const r = await cli(['299']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/299 is not a registered/);
    expect(r.err).toMatch(/2xx/);
    expect(r.err).toMatch(/Near codes: .*226/);
  });

  it('reports the error as JSON on stdout with --json', async () => {
    const r = await cli(['299', '--json']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toMatchObject({ error: { code: 'HW_ERR_CODES_UNKNOWN_CODE', details: { class: '2xx' } } });
  });
});

describe('other commands', () => {
  it('compares', async () => {
    const r = await cli(['compare', '500', '502']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('500 Internal Server Error  vs  502 Bad Gateway');
    const json = JSON.parse((await cli(['compare', '504', '502', '--json'])).out) as { id: string; curated: boolean; rows: unknown[] };
    expect(json).toMatchObject({ id: '502-vs-504', curated: true });
    expect(json.rows.length).toBeGreaterThan(5);
  });

  it('lists with filters', async () => {
    const r = await cli(['list', '--class', '4xx', '--vendor', 'nginx', '--json']);
    const doc = JSON.parse(r.out) as { count: number; codes: { id: string }[] };
    expect(doc.count).toBe(6);
    expect(doc.codes.map((c) => c.id)).toEqual(['444-nginx', '494-nginx', '495-nginx', '496-nginx', '497-nginx', '499-nginx']);
    const cf = JSON.parse((await cli(['list', '--vendor', 'cloudflare', '--json'])).out) as { count: number };
    expect(cf.count).toBe(9);
  });

  it('searches', async () => {
    const r = await cli(['search', 'gateway', 'timeout', '--json']);
    const doc = JSON.parse(r.out) as { hits: { id: string; exact: boolean }[] };
    expect(doc.hits[0]?.id).toBe('504');
    expect((await cli(['search', 'zzzzqqq'])).code).toBe(1);
  });

  it('prints help and version', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.out).toContain('Exit codes');
    const version = await cli(['--version']);
    expect(version.out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
  });
});
