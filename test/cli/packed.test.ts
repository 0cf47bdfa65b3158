// The published artefact, not the source tree: npm pack, install the tarball into a scratch project, run its bin.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
let project = '';

function npx(args: string[]): { code: number; out: string; err: string } {
  try {
    const out = execFileSync('npx', ['--no-install', 'httpwhy', ...args], { cwd: project, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    return { code: 0, out, err: '' };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: e.stdout, err: e.stderr };
  }
}

describe('the packed tarball', () => {
  beforeAll(() => {
    project = mkdtempSync(join(tmpdir(), 'httpwhy-pack-'));
    const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--pack-destination', project, '--json'], { cwd: root, encoding: 'utf8' });
    const [{ filename }] = JSON.parse(packed) as [{ filename: string }];
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', join(project, filename)], { cwd: project, stdio: 'ignore' });
  }, 240_000);

  it('runs `npx httpwhy 502`', () => {
    const r = npx(['502']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('502 Bad Gateway');
  });

  it('exits 2 on bad input', () => {
    const r = npx(['abc']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an HTTP status code/);
  });

  it('reads a log and prints its report text from the installed package', () => {
    writeFileSync(join(project, 'access.log'), '10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET /api HTTP/1.1" 502 150 "-" "curl/8.0"\n');
    const r = npx(['logs', 'access.log']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Bad Gateway|502/);
  });

  it('exports the site, lab comparison included (data/lab ships)', () => {
    const r = npx(['build', '--out', 'site']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(existsSync(join(project, 'site', 'lab', 'compare-gateways', 'index.html'))).toBe(true);
  }, 120_000);

  it('exposes the typed library', () => {
    writeFileSync(join(project, 'use.mjs'), "import { getCode, compare } from 'httpwhy';\nconsole.log(getCode(504)[0].reason + '|' + compare('502','500').id);\n");
    const out = execFileSync(process.execPath, ['use.mjs'], { cwd: project, encoding: 'utf8' });
    expect(out.trim()).toBe('Gateway Timeout|500-vs-502');
  });
});
