/**
 * "Who failed?" questions from the committed lab captures. Expected answers are hand-written from the references
 * (logs-and-lab.md §6, §7; fingerprints.md §2, §4), not read from the data or the generator.
 */
import { describe, expect, it } from 'vitest';
import type { GatewayName, Scenario } from '../../lab/index.ts';
import { pageContext } from '../page-context.ts';
import { makeQuestion, type LabQuestion, type Question } from './generate.ts';
import { findCapture, labCaptures, WHO_FAILED_CHOICES } from './lab-questions.ts';
import { judge, presentQuestion } from './present.ts';

const ctx = (locale: 'en' | 'id') => pageContext(locale, '/quiz', 'http://localhost:3000', { cssUrl: '/a.css', jsUrl: '/a.js' });
const ALL = labCaptures();
const isLab = (q: Question): q is LabQuestion => q.kind === 'who-failed';

/** The who-failed question some seed asks about exactly this capture (the only one offered). */
function questionAbout(scenario: Scenario, gateway: GatewayName): LabQuestion {
  const only = [findCapture(ALL, scenario, gateway)];
  for (let seed = 0; seed < 1_000; seed++) {
    const q = makeQuestion(seed, undefined, only);
    if (isLab(q)) return q;
  }
  throw new Error('no who-failed question in 1,000 seeds');
}

describe('who-failed questions', () => {
  it('come from every gateway and offer the four hops, one of them the answer', () => {
    const lab = Array.from({ length: 2_000 }, (_, i) => makeQuestion(i * 104_729)).filter(isLab);
    expect(lab.length).toBeGreaterThan(300);
    expect(new Set(lab.map((q) => q.capture.gateway))).toEqual(new Set(['httpwhy', 'nginx', 'haproxy', 'caddy']));
    for (const q of lab) {
      expect(q.options.toSorted()).toEqual([...WHO_FAILED_CHOICES].toSorted());
      expect(q.options).toContain(q.answer);
    }
  });

  it.each([
    // A refused connection: HAProxy answers 503 (SC--), not 502, but the link to the app is what failed.
    ['connection-refused', 'haproxy', 'link'],
    ['slow-headers', 'nginx', 'link'],
    // A body cut after a 200 head is still the link's failure.
    ['truncated-body', 'caddy', 'link'],
    ['app-exception', 'haproxy', 'app'],
    // An app 503 with Retry-After is the app's, even behind a proxy.
    ['app-unavailable', 'nginx', 'app'],
    ['overload', 'nginx', 'proxy'],
    ['rate-limited', 'haproxy', 'proxy'],
    ['rate-limited', 'httpwhy', 'proxy'],
    // Caddy 2.6 has no limit module: the app answered, nothing failed.
    ['rate-limited', 'caddy', 'none'],
    // Caddy relays a 64 KB header that nginx and HAProxy refuse.
    ['oversized-headers', 'caddy', 'none'],
    ['oversized-headers', 'nginx', 'link'],
  ] as const)('%s through %s: %s', (scenario, gateway, answer) => {
    expect(questionAbout(scenario, gateway).answer).toBe(answer);
  });

  it('shows the real response and the gateway’s log lines, then explains', () => {
    const q = questionAbout('connection-refused', 'haproxy');
    const p = presentQuestion(ctx('en'), q);
    expect(p.prompt).toBe('HAProxy was in front of the app. Here is what the client got and what HAProxy logged. Who failed?');
    expect(p.exhibit?.kind).toBe('capture');
    if (p.exhibit?.kind !== 'capture') return;
    expect(p.exhibit.text).toMatch(/^HTTP\/1\.1 503 Service Unavailable\n/);
    expect(p.exhibit.log).toMatch(/ be_\d+\/app .* 503 .* SC-- .*"GET \/connection-refused HTTP\/1\.1"/);
    expect(p.options.find((o) => o.value === 'link')?.label).toBe('the link between the gateway and the application');

    const f = judge(ctx('en'), q, 'proxy');
    expect(f.correct).toBe(false);
    expect(f.verdict).toBe('Not quite: the answer is the link between the gateway and the application.');
    expect(f.explanation).toContainEqual({ label: 'What HAProxy logged', text: '503 SC-- app Tc=-1 Tr=-1 retries=3' });
    expect(f.explanation).toContainEqual({ label: 'The application’s log', text: 'nothing for this request' });
    expect(f.explanation).toContainEqual({ label: 'The diagnosis of the client’s view', text: 'answered by HAProxy' });
    expect(f.more.href).toBe('/lab/compare-gateways#connection-refused');
  });

  it('explains in Indonesian, and says why Caddy let the request through', () => {
    const q = questionAbout('overload', 'caddy');
    const f = judge(ctx('id'), q, 'none');
    expect(f.correct).toBe(true);
    expect(f.verdict).toBe('Benar!');
    expect(f.explanation[0]?.text).toContain('Build standar Caddy 2.6 tidak punya rate limit');
    expect(f.explanation).toContainEqual({ label: 'Log aplikasi', text: expect.stringMatching(/ INFO request_id=\S+ GET \/overload status=200 /) });
    expect(f.more.href).toBe('/id/lab/compare-gateways#overload');
    expect(presentQuestion(ctx('id'), q).prompt).toBe('Caddy berada di depan aplikasi. Ini yang diterima client dan yang dicatat Caddy. Siapa yang gagal?');
  });
});
