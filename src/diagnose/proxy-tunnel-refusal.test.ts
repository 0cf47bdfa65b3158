import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import { clientProxyRefusal } from './proxy-tunnel-refusal.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe('clientProxyRefusal', () => {
  it.each([
    // Python's http.client through the AWS CLI, and through requests inside the Azure CLI (held-out set 288).
    [wild('corporate-proxy/aws-cli-s3-tunnel-connection-failed-403.txt'), 403],
    [wild('corporate-proxy/azurecli-task-tunnel-connection-failed-302.txt'), 302],
    // Built from Java's HttpURLConnection.doTunneling and .NET's net_http_proxy_tunnel_returned_failure_status_code.
    ['java.io.IOException: Unable to tunnel through proxy. Proxy returns "HTTP/1.1 407 Proxy Authentication Required"', 407],
    ["System.Net.Http.HttpRequestException: The proxy tunnel request to proxy 'http://proxy.example:8080/' failed with status code '403'.", 403],
  ])('reads the proxy\'s status from %j', (text, status) => {
    const obs = clientProxyRefusal(text);
    expect(obs?.response?.status).toBe(status);
    expect(obs?.failure).toMatchObject({ tool: 'client', exitCode: null });
  });

  it('reads nothing in a message about the server itself', () => {
    expect(clientProxyRefusal('requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://example.com/')).toBeNull();
  });
});

describe('diagnose: a proxy that refused the tunnel, in the client\'s words', () => {
  it('names the forward proxy, also for a 3xx it answered CONNECT with (its login page), which is no redirect of the server', () => {
    const [d] = diagnose(wild('corporate-proxy/azurecli-task-tunnel-connection-failed-302.txt')).diagnoses;
    expect(d).toMatchObject({ verdict: 'identified', status: 302, issuer: { component: 'Forward proxy (HTTP CONNECT)', fingerprint: 'forward-proxy-tunnel-refused' } });
  });
});
