/**
 * Against a real peer on published logs: on the wild-corpus files GoAccess reads with one of its predefined formats
 * (GOACCESS_FORMATS), httpwhy's per-status totals equal GoAccess's where GoAccess reads every request of the file,
 * and, where it reads fewer (variants it does not parse), httpwhy counts at least as many of every status GoAccess
 * counts. Rows whose requests httpwhy does not read yet (KNOWN_GAPS) run with `it.fails`. GoAccess comes from the
 * Debian package (`npm run setup:system`); with CI=true a missing binary fails the test.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCorpus, measure, WILD_DIR } from './wild-corpus.ts';
import { KNOWN_GAPS } from './wild-known-gaps.ts';

const GOACCESS = '/usr/bin/goaccess';
const available = existsSync(GOACCESS);
/** Per GoAccess run; the files are small, so this only bounds a hang. */
const RUN_TIMEOUT_MS = 30_000;

/**
 * GoAccess 1.7's predefined SQUID format reads Squid's lines after a syslog header (`%^ %^ %^ %v %^: %x.%^ %~%L %h
 * %^/%s %b %m %U`); bare access.log lines take the same specifiers without the header, and epoch times.
 */
const SQUID_NATIVE = ['--log-format=%x.%^ %~%L %h %^/%s %b %m %U', '--date-format=%s', '--time-format=%s'];

/** Corpus files GoAccess 1.7 reads, with the predefined `--log-format` that reads most of their lines (or the arguments that do). */
const GOACCESS_FORMATS: Record<string, string | readonly string[]> = {
  'apache-combined/beats-apache-access-test.log': 'COMMON',
  'nginx-combined/beats-nginx-access-test.log': 'COMBINED',
  'nginx-combined/piped-docker-17-main-502.log': 'COMBINED',
  'nginx-custom/openresty-lua-upstream-78.log': 'COMBINED',
  'ingress-nginx/beats-ingress-controller.log': 'COMBINED',
  'traefik-clf/beats-traefik-1x.log': 'COMBINED',
  'traefik-clf/traefik-6481-2x.log': 'COMBINED',
  'aws-alb/beats-application-lb-http.log': 'AWSALB',
  'cloudfront/integrations-test-cloudfront.log': 'CLOUDFRONT',
  'iis-w3c/lnav-w3c-big.log': 'W3C',
  'squid/integrations-test-access.log': SQUID_NATIVE,
  'squid/plaso-squid-access.log': SQUID_NATIVE,
  'squid/acabe10-squid3-buster-503.log': SQUID_NATIVE,
  'squid/salrashid-squid-proxy-10-tag-none.log': SQUID_NATIVE,
  'squid/netdata-2235-local-proxy.log': SQUID_NATIVE,
};

interface GoAccessReport {
  general: { valid_requests: number };
  status_codes: { data: Array<{ data: string; items: Array<{ data: string; hits: { count: number } }> }> };
}

/** GoAccess's counts: per status it names, and per class (first digit) for the statuses it calls "Unknown" (ALB's 460). */
interface PeerCounts {
  valid: number;
  byStatus: Record<string, number>;
  unknownByClass: Record<string, number>;
}

async function goaccess(file: string, format: string | readonly string[], dir: string): Promise<PeerCounts> {
  const out = join(dir, `${file.replace(/\W/g, '_')}.json`);
  const formatArgs = typeof format === 'string' ? [`--log-format=${format}`] : format;
  await promisify(execFile)(GOACCESS, [join(WILD_DIR, file), ...formatArgs, '--no-global-config', '-o', out], { timeout: RUN_TIMEOUT_MS });
  const report = JSON.parse(readFileSync(out, 'utf8')) as GoAccessReport;
  const counts: PeerCounts = { valid: report.general.valid_requests, byStatus: {}, unknownByClass: {} };
  for (const group of report.status_codes.data) {
    for (const item of group.items) {
      const status = /^\d{3}\b/.exec(item.data)?.[0];
      if (status) counts.byStatus[status] = item.hits.count;
      else counts.unknownByClass[group.data.charAt(0)] = (counts.unknownByClass[group.data.charAt(0)] ?? 0) + item.hits.count;
    }
  }
  return counts;
}

describe.skipIf(!available && process.env.CI !== 'true')('per-status totals vs GoAccess on the wild corpus', () => {
  const dir = mkdtempSync(join(tmpdir(), 'httpwhy-goaccess-wild-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const rows = loadCorpus();

  it('names only corpus files without a wrapper', () => {
    const unwrapped = new Set(rows.filter((r) => r.wrapper === 'none').map((r) => r.file));
    expect(Object.keys(GOACCESS_FORMATS).filter((f) => !unwrapped.has(f))).toEqual([]);
  });

  /** GoAccess and httpwhy on one file, compared as the module comment says. */
  async function compare(file: string, format: string | readonly string[]): Promise<void> {
    const row = rows.find((r) => r.file === file);
    if (!row) throw new Error(`${file} is not in corpus.tsv`);
    const [peer, ours] = await Promise.all([goaccess(file, format, dir), measure(row)]);
    expect(peer.valid, 'GoAccess reads none of the file').toBeGreaterThan(0);
    const mine = ours.report.totals.byStatus;
    const mineUnnamed: Record<string, number> = {};
    for (const [status, n] of Object.entries(mine)) if (!(status in peer.byStatus)) mineUnnamed[status.charAt(0)] = (mineUnnamed[status.charAt(0)] ?? 0) + n;
    // Where GoAccess reads every request the totals must be equal; where it skips variants of the format, httpwhy
    // must count at least what it counts.
    const exact = peer.valid === row.requests;
    const differs = (have: number, want: number) => (exact ? have !== want : have < want);
    const statuses = Object.entries(peer.byStatus).filter(([s, n]) => differs(mine[s] ?? 0, n));
    const classes = Object.entries(exact ? { ...mineUnnamed, ...peer.unknownByClass } : peer.unknownByClass).filter(([c]) => differs(mineUnnamed[c] ?? 0, peer.unknownByClass[c] ?? 0));
    expect({ statuses, classes }).toEqual({ statuses: [], classes: [] });
  }

  for (const [file, format] of Object.entries(GOACCESS_FORMATS)) {
    const known = KNOWN_GAPS[file]?.fails.includes('requests') ?? false;
    const test = known ? it.fails : it;
    test(`${file} (GoAccess ${typeof format === 'string' ? format : 'SQUID, native lines'})${known ? ' (known gap)' : ''}`, { timeout: RUN_TIMEOUT_MS * 2 }, () => compare(file, format));
  }
});
