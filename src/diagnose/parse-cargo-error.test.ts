import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { parseCargoError } from './parse-cargo-error.ts';

/** Cargo's messages in the wild corpus (corpus-zh.tsv and corpus-zc.tsv give their sources). */
const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe("cargo's message for a registry's error status", () => {
  it("reads the status, the debug headers and the body behind a Docker build's prefix, cut where the paste ends (fastly/cargo-index-503)", () => {
    const read = parseCargoError(wild('fastly/cargo-index-503-object-too-large.log'));
    expect(read?.url).toBe('https://index.crates.io/go/og/google-api-proto');
    expect(read?.response).toMatchObject({ status: 503, headers: [{ name: 'x-served-by', value: 'cache-iad-kiad7000066-IAD' }, { name: 'x-cache', value: 'MISS' }], form: 'client-message' });
    expect(read?.response.body?.startsWith('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE html PUBLIC')).toBe(true);
    expect(diagnose(wild('fastly/cargo-index-503-object-too-large.log')).diagnoses[0]?.issuer?.fingerprint).toBe('fastly-synthetic-heading-served-by');
  });

  it("reads a body without debug headers (artifactory/cargo-publish-new-crate-index-400)", () => {
    const read = parseCargoError(wild('artifactory/cargo-publish-new-crate-index-400.log'));
    expect(read?.response).toMatchObject({ status: 400, headers: [] });
    expect(JSON.parse(read?.response.body ?? '')).toEqual({ errors: [{ status: 400, message: 'Bad Request' }] });
  });

  it("reads the digits GitHub Actions' log viewer turned into line links as the log's own (cloudfront/crates-cargo-421-runwasi)", () => {
    const [first] = diagnose(wild('cloudfront/crates-cargo-421-runwasi.log')).diagnoses;
    expect(first).toMatchObject({ status: 421, verdict: 'identified', issuer: { component: 'Amazon CloudFront' } });
  });

  it('reads no other message', () => {
    expect(parseCargoError('error: failed to get a 200 OK response, got 503')).toBeNull();
  });
});
