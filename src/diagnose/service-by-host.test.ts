/** The service a request went to, named when nothing else explains its answer (service-hosts.yaml), on real pastes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { renderDiagnosisText } from './render-text.ts';
import { requestedHost } from './requested-host.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');
const first = (text: string) => diagnose(text).diagnoses[0];

describe('requestedHost', () => {
  it.each([
    ["curl's Connected to line", 'github/babel-401-git-push.txt', 'github.com'],
    ["a client's url: field, beside a documentation_url in the body", 'github/aca-keda-github-runner-401.log', 'api.github.com'],
    ["npm's request line with the whole URL", 'npm-registry/npm-cli-7298-publish-429.log', 'registry.npmjs.org'],
    ["Octokit's logged response object", 'github/skipdup301-502-octokit-server-error.log', 'api.github.com'],
    ["twine's status, reason and the URL it came from", 'pypi/twine-upload-400-file-already-exists.txt', 'upload.pypi.org'],
    ["git's unable to access '<url>'", 'bitbucket/github-desktop-push-bitbucket-503.txt', 'bitbucket.org'],
    ["Qt's Error transferring <url> (Prism Launcher's log)", 'minecraft-services/prism-launcher-login-429.log', 'api.minecraftservices.com'],
    ["Elixir Tesla's logged request line, beside a documentation link in the body", 'tesla-api/teslamate-owner-api-403-forbidden-see-fleet-api.log', 'owner-api.teslamotors.com'],
    ["docker's \"The push refers to repository [<registry>/…]\"", 'ghcr/actions-push-permission-denied-write-package.txt', 'ghcr.io'],
    ["buildx's \"pushing <registry>/… with docker\"", 'ghcr/buildx-push-denied-permission-denied-write-package.txt', 'ghcr.io'],
    ["cargo's \"failed to publish to registry at <url>\"", 'crates-io/cargo-publish-403-must-be-logged-in.txt', 'crates.io'],
    ["reqwest's \"for url (<url>)\" (mise's log)", 'github/mise-reqwest-401-bad-token-releases.txt', 'api.github.com'],
    ["NuGet's \"for source '<url>'\" while retrying", 'azure-devops/nuget-restore-429-pkgs-dev-azure.log', 'pkgs.dev.azure.com'],
    ["Maven's \"from/to <repository> (<url>)\"", 'maven-central/mvn-429-kroxylicious.log', 'repo.maven.apache.org'],
  ])('reads the host from %s', (_case, path, host) => {
    expect(requestedHost(wild(path))).toBe(host);
  });

  it('names no host for a page that names none where a request is', () => {
    expect(requestedHost(wild('cloudflare/yarn-8164-403-error1020-ci.log'))).toBeNull();
  });
});

describe('diagnose: the service by its host', () => {
  it("names GitHub for the 502 Octokit got from api.github.com (GitHub's own front servers), inferred and low", () => {
    const d = first(wild('github/skipdup301-502-octokit-server-error.log'));
    expect(d).toMatchObject({ verdict: 'inferred', status: 502, confidence: 'low', issuer: { component: 'GitHub', fingerprint: 'service-host' } });
    expect(d?.evidence).toContainEqual(expect.objectContaining({ kind: 'request', value: 'api.github.com' }));
    expect(d?.summary).toMatch(/^GitHub answered 502 itself \(inferred from the host\)/);
    // Its own causes, not a proxy's: nothing in the path points at an upstream of the user's.
    expect(d?.causes[0]).toMatch(/^A failure or an overload inside GitHub/);
  });

  it("names Bitbucket for the 503 git got from bitbucket.org (Bitbucket's own front servers)", () => {
    expect(first(wild('bitbucket/github-desktop-push-bitbucket-503.txt'))).toMatchObject({ verdict: 'inferred', status: 503, issuer: { component: 'Bitbucket' } });
  });

  it("names Amazon ECR for the 403 a registry push got from an account's registry host (corpus: aws-ecr/buildx-push-manifest-403-image-limit.txt)", () => {
    // `*.dkr.ecr.*.amazonaws.com`: the account and the region are labels of their own in the host.
    expect(first(wild('aws-ecr/buildx-push-manifest-403-image-limit.txt'))).toMatchObject({ verdict: 'inferred', status: 403, issuer: { component: 'Amazon ECR' } });
    expect(first("containerd: unexpected status from PUT request to https://ecr.example.com/v2/x/manifests/y: 403 Forbidden")?.issuer?.component).not.toBe('Amazon ECR');
  });

  it.each([
    ['crates.io', 'crates-io/429-too-many-crates-cargo-release.txt', 429],
    ['Amazon S3', 'aws-s3/aws-sdk-php-getobject-404-nosuchkey-at-key.txt', 404],
    ['Google APIs', 'google-apis/googleapiclient-httperror-503-analyticsreporting.txt', 503],
  ])('names %s for the answer from its own host (corpus: %s)', (component, path, status) => {
    // S3's older regional host (s3-eu-west-1.amazonaws.com) matches `s3-*.amazonaws.com`; googleapis.com's hosts are
    // Google's front end, which answers its 503 itself.
    expect(first(wild(path))).toMatchObject({ verdict: 'inferred', status, issuer: { component, fingerprint: 'service-host' } });
  });

  it("names the npm registry for npm's 429, a refusal Cloudflare in front does not make for it", () => {
    expect(first(wild('npm-registry/npm-cli-7298-publish-429.log'))).toMatchObject({ verdict: 'inferred', issuer: { component: 'npm registry' } });
  });

  it("keeps elimination's verdict for a 403 from a host behind a CDN, which may be the CDN's own refusal", () => {
    // twine's upload to upload.pypi.org, behind Fastly: a 403 is a refusal the CDN makes too.
    expect(first(wild('pypi/twine-upload-403-invalid-auth.log'))).toMatchObject({ verdict: 'inferred', issuer: { component: 'application' } });
  });

  it("names SendGrid for the 401 its Python client raised, by the client's own package (no host in the paste)", () => {
    const d = first(wild('sendgrid/python-unauthorizederror-401-traceback.txt'));
    expect(d).toMatchObject({ verdict: 'inferred', status: 401, confidence: 'low', issuer: { component: 'SendGrid', fingerprint: 'service-host' } });
    expect(d?.evidence).toContainEqual(expect.objectContaining({ kind: 'request', name: 'Client library' }));
    expect(d?.summary).toMatch(/^SendGrid answered 401 itself \(inferred from the client library\): the paste names /);
    const text = renderDiagnosisText(diagnose(wild('sendgrid/python-unauthorizederror-401-traceback.txt')));
    expect(text).toContain('inferred from the client library');
    expect(text).toContain('client library: python_http_client.exceptions.UnauthorizedError');
  });

  it("names HubSpot for the 429 its generated client printed without a reason phrase, a refusal Cloudflare in front does not make", () => {
    expect(first(wild('hubspot/python-apiexception-429-ten-secondly-rolling.txt'))).toMatchObject({ verdict: 'inferred', status: 429, issuer: { component: 'HubSpot' } });
  });

  it('names no service when the paste names two services\' clients, or a client a service behind a CDN may not have answered', () => {
    const sendgrid = wild('sendgrid/python-unauthorizederror-401-traceback.txt');
    expect(first(`${sendgrid}\ntelegram.error.RetryAfter: Flood control exceeded.`)?.issuer?.fingerprint).not.toBe('service-host');
    // HubSpot's hosts are behind Cloudflare: a 503 there may be the edge's own.
    const hubspot = wild('hubspot/python-apiexception-429-ten-secondly-rolling.txt').replace('(429)', '(503)');
    expect(first(hubspot)?.issuer?.component).not.toBe('HubSpot');
  });

  it("says in the report that the host decided, not elimination", () => {
    const text = renderDiagnosisText(diagnose(wild('github/skipdup301-502-octokit-server-error.log')));
    expect(text).toContain("confidence: low (inferred from the request's host)");
    expect(text).toContain('request sent to api.github.com');
  });

  it('says it in Indonesian too', () => {
    const [d] = diagnose(wild('github/skipdup301-502-octokit-server-error.log'), { locale: 'id' }).diagnoses;
    expect(d?.summary).toMatch(/^GitHub sendiri yang menjawab 502/);
  });
});
