import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCassette } from './parse-cassette.ts';
import { parseInput } from './parse-input.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

// Recordings from the wild corpus (corpus-x.tsv and corpus-y.tsv give each one's repository and commit).
describe('parseCassette', () => {
  it("reads a VCR cassette's response as pasted, out of its indentation: status, reason, every header, the body", () => {
    const [response] = parseCassette(wild('openai/conversations-401-invalid-api-key-cassette.txt')) ?? [];
    expect(response).toMatchObject({ status: 401, reason: 'Unauthorized', form: 'message' });
    expect(response?.headers).toContainEqual({ name: 'Server', value: 'cloudflare' });
    expect(response?.body).toContain('invalid_api_key');
  });

  it("reads go-vcr's response (`code` beside `status: 503 Service Unavailable`), with its headers and body", () => {
    const [response] = parseCassette(wild('linode-api/linodego-vcr-503-lke-api-endpoints-not-ready.txt')) ?? [];
    expect(response).toMatchObject({ status: 503, reason: 'Service Unavailable', form: 'message' });
    expect(response?.headers.length).toBeGreaterThan(3);
    expect(response?.body).toContain('errors');
  });

  it("reads vcrpy's JSON and nock's recorded definitions (a status beside its response, rawHeaders in pairs)", () => {
    expect(parseCassette(wild('google/sheets-api-404-esf-cassette.json'))?.[0]).toMatchObject({ status: 404, form: 'message' });
    const [nock] = parseCassette(wild('github/api-422-validation-failed-nock.json')) ?? [];
    expect(nock).toMatchObject({ status: 422, reason: '' });
    expect(nock?.headers[0]).toEqual({ name: 'Server', value: 'GitHub.com' });
    expect(JSON.parse(nock?.body ?? '')).toMatchObject({ message: 'Validation Failed' });
  });

  it("reads a Betamax interaction copied without its braces, its status thousands of characters after `\"response\": {` (held-out set 228)", () => {
    const [response] = parseCassette(wild('reddit/prawcore-wiki-edit-415-special-errors.txt')) ?? [];
    expect(response).toMatchObject({ status: 415, reason: 'Unsupported Media Type', form: 'message' });
    expect(response?.headers).toContainEqual({ name: 'Server', value: 'snooserv' });
    expect(JSON.parse(response?.body ?? '')).toMatchObject({ reason: 'SPECIAL_ERRORS' });
  });

  it("reads nock's printed .reply(status, body, headers) call", () => {
    const [reply] = parseCassette(wild('azure-key-vault/azure-node-keyvault-403-disabled-secret.log')) ?? [];
    expect(reply).toMatchObject({ status: 403 });
    expect(reply?.headers).toContainEqual({ name: 'server', value: 'Microsoft-IIS/10.0' });
    expect(JSON.parse(reply?.body ?? '')).toMatchObject({ error: { code: 'Forbidden' } });
  });

  it("reads Java's and .NET's recorded stubs: a WireMock mapping, a MockServer expectation, an EasyVCR interaction (held-out set 375)", () => {
    const [wiremock] = parseCassette(wild('github/503-unicorn-service-down-wiremock-mapping.json')) ?? [];
    expect(wiremock).toMatchObject({ status: 503, form: 'message' });
    expect(wiremock?.headers).toContainEqual({ name: 'Server', value: 'GitHub.com' });
    expect(wiremock?.body).toContain('<title>Unicorn! &middot; GitHub</title>');
    const [mockserver] = parseCassette(wild('datadog/422-mute-findings-expiration-mockserver-java.json')) ?? [];
    expect(mockserver).toMatchObject({ status: 422, reason: 'Unprocessable Entity' });
    expect(mockserver?.headers).toContainEqual({ name: 'Content-Type', value: 'application/vnd.api+json' });
    expect(JSON.parse(mockserver?.body ?? '')).toMatchObject({ errors: [{ status: '422', title: 'Invalid Request' }] });
    const [easyvcr] = parseCassette(wild('easypost-api/403-apikey-inactive-easyvcr-csharp.json')) ?? [];
    expect(easyvcr).toMatchObject({ status: 403, reason: 'Forbidden' });
    expect(easyvcr?.headers).toContainEqual({ name: 'x-backend', value: 'easypost' });
    expect(easyvcr?.headers).toContainEqual({ name: 'Content-Length', value: '149' });
    expect(JSON.parse(easyvcr?.body ?? '')).toMatchObject({ error: { code: 'APIKEY.INACTIVE' } });
  });

  it('is read as a cassette by parseInput, and leaves other YAML and JSON alone', () => {
    expect(parseInput(wild('openai/conversations-401-invalid-api-key-cassette.txt')).format).toBe('cassette');
    expect(parseCassette('response: 502\n')).toBeNull();
    expect(parseCassette('{"status": 502, "body": "x"}')).toBeNull();
    // A JSON log record with a request and a status is no WireMock mapping unless its response holds the status.
    expect(parseCassette('{"request": {"method": "GET"}, "response": {"bytes": 12}, "status": 502}')).toBeNull();
  });
});
