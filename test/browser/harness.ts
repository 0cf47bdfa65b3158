/**
 * Shared set-up for the browser suites: the real app on a loopback port, Debian's Chromium through
 * playwright-core, and a recorder for everything a browser context does (requests, console, errors, dialogs).
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions } from 'playwright-core';
import { describe } from 'vitest';
import { buildApp } from '../../src/web/index.ts';

const CHROMIUM = '/usr/bin/chromium';
const LAUNCH_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];

/**
 * Browser suites skip on a developer machine without Chromium, but never in CI (CI=true): there a missing
 * /usr/bin/chromium fails the suite (`npm run setup:system` installs it).
 */
export const browserSuite = existsSync(CHROMIUM) || process.env.CI === 'true' ? describe : describe.skip;

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: run npm run setup:system (CI never skips browser tests).`);
  return chromium.launch({ executablePath: CHROMIUM, args: LAUNCH_ARGS });
}

export interface Site {
  app: FastifyInstance;
  /** e.g. http://127.0.0.1:40123 */
  origin: string;
}

export async function startSite(): Promise<Site> {
  const app = await buildApp({ maxEventLoopDelay: 0 });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { app, origin: `http://127.0.0.1:${port}` };
}

/** Everything one browser context did; the suites assert on it. */
export interface Recording {
  requests: string[];
  /** Requests that got no response at all (refused, aborted, blocked). */
  failed: string[];
  /** Responses with a status of 400 or more, as "<status> <url>". */
  errorResponses: string[];
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
}

export async function recordedContext(browser: Browser, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; rec: Recording }> {
  const context = await browser.newContext({ locale: 'en-US', ...options });
  const rec: Recording = { requests: [], failed: [], errorResponses: [], consoleErrors: [], pageErrors: [], dialogs: [] };
  context.on('request', (r) => rec.requests.push(r.url()));
  context.on('requestfailed', (r) => rec.failed.push(`${r.url()} ${r.failure()?.errorText ?? ''}`));
  context.on('response', (r) => {
    if (r.status() >= 400) rec.errorResponses.push(`${r.status()} ${r.url()}`);
  });
  context.on('console', (m) => {
    if (m.type() === 'error') rec.consoleErrors.push(m.text());
  });
  context.on('weberror', (e) => rec.pageErrors.push(String(e.error())));
  context.on('dialog', (d) => {
    rec.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  return { context, rec };
}

/** Requests that left loopback (data: URLs never touch the network). */
export function offLoopback(requests: readonly string[]): string[] {
  return requests.filter((url) => !url.startsWith('data:') && new URL(url).hostname !== '127.0.0.1');
}
