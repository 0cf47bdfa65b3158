import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseClientError } from './parse-client-error.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

const read = (text: string) => {
  const found = parseClientError(text);
  return found ? { status: found.response.status, reason: found.response.reason, method: found.request.method, url: found.request.url, body: found.response.body } : null;
};

describe('parseClientError: each tool by its own wording', () => {
  // The lines are from public captures (GitHub issues), as the tools printed them.
  it.each([
    // the go command's module fetches (held-out set 240: mszostok/codeowners-validator, yakaa/log4g)
    ['verifying x@v0.5.1/go.mod: reading https://sum.golang.org/lookup/x@v0.5.1: 410 Gone', 410, 'Gone', 'GET', 'https://sum.golang.org/lookup/x@v0.5.1'],
    ['go: x@v1.0.1: unexpected status (https://goproxy.io/x/@v/v1.0.1.info): 410 Gone', 410, 'Gone', 'GET', 'https://goproxy.io/x/@v/v1.0.1.info'],
    // mozilla/bugbug#2571
    ['requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://api.github.com/repos/webcompat/web-bugs/issues/74471/events', 502, 'Bad Gateway', null, 'https://api.github.com/repos/webcompat/web-bugs/issues/74471/events'],
    // DarkCat09/python-aternos#45
    ['requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://aternos.org/go/', 403, 'Forbidden', null, 'https://aternos.org/go/'],
    // datopian/datahub.io#81
    ['urllib.error.HTTPError: HTTP Error 403: Forbidden', 403, 'Forbidden', null, null],
    // achillean/shodan-python#2
    ['"urllib2.HTTPError: HTTP Error 502: Bad Gateway" when trying to search exploitdb or msf', 502, 'Bad Gateway', null, null],
    // njthomson/SrvSurvey#243
    ['System.Net.Http.HttpRequestException: Response status code does not indicate success: 502 (Bad Gateway).', 502, 'Bad Gateway', null, null],
    // kubernetes-sigs/metrics-server#749
    ['Error from server (ServiceUnavailable): the server is currently unable to handle the request (get nodes.metrics.k8s.io)', 503, 'ServiceUnavailable', null, null],
    // npm/cli#1302
    ['npm ERR! 504 Gateway Timeout - GET https://registry.npmjs.org/@umai%2fshop-dashboard', 504, 'Gateway Timeout', 'GET', 'https://registry.npmjs.org/@umai%2fshop-dashboard'],
    ['code E503 npm ERR! 503 Service Unavailable - PUT https://registry.npmjs.org/@umai%2fshop-dashboard', 503, 'Service Unavailable', 'PUT', 'https://registry.npmjs.org/@umai%2fshop-dashboard'],
    // m-ab-s/media-autobuild_suite#3001, scm-manager/scm-manager#999
    ['error: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502', 502, '', null, null],
    ['error: RPC failed; HTTP 502 curl 22 The requested URL returned error: 502 Proxy Error', 502, 'Proxy Error', null, null],
    // mikf/gallery-dl#7738 (its -v log: urllib3's debug line); the older form under Python's default log format
    ['[urllib3.connectionpool][debug] https://imx.to:443 "GET URL HTTP/1.1" 403 898', 403, '', 'GET', 'https://imx.to'],
    ['DEBUG:urllib3.connectionpool:"GET /v1/items HTTP/1.1" 502 166', 502, '', 'GET', null],
    // rconfig/rconfig#151 (git in Polish around libcurl's English message), chaotic-aur's pacman mirror thread
    ['fatal: brak dostępu do „https://github.com/rconfig/rconfig.git/”: The requested URL returned error: 403', 403, '', null, null],
    ["error: failed retrieving file 'chaotic-aur.db' from xx-mirror.chaotic.cx : The requested URL returned error:403", 403, '', null, null],
    // aiohttp's ClientResponseError.__str__, old and new url forms
    ["aiohttp.client_exceptions.ClientResponseError: 502, message='Bad Gateway', url=URL('https://api.example.org/v1/x')", 502, 'Bad Gateway', null, 'https://api.example.org/v1/x'],
    ["ClientResponseError: 503, message='Service Unavailable', url='https://api.example.org/v1/x'", 503, 'Service Unavailable', null, 'https://api.example.org/v1/x'],
    ['AxiosError: Request failed with status code 502', 502, '', null, null],
    // IBM-Cloud/terraform-provider-ibm#393
    ['* ibm_org.organization: ibm_org.organization: Error retrieving billing manager in the org: Request failed with status code: 502, ServerErrorResponse: 502 Bad Gateway: Registered endpoint failed to handle the request.', 502, '', null, null],
    // spring-cloud/spring-cloud-openfeign#828, cloudfoundry-community/autosleep#162
    ['feign.FeignException$BadGateway: [502 Bad Gateway] during [POST] to [http://problemset1/api/v1/problemset/problem/test] [ProblemClient#test()]: []', 502, 'Bad Gateway', 'POST', 'http://problemset1/api/v1/problemset/problem/test'],
    ['2016-04-18T11:37:12.49+0200 [APP/0]      OUT Caused by: org.springframework.web.client.HttpServerErrorException: 502 Bad Gateway', 502, 'Bad Gateway', null, null],
    // cli/cli#10981
    ['failed to get run: HTTP 502: 502 Bad Gateway (https://api.github.com/repos/xxx/xxx/actions/runs/123123123?exclude_pull_requests=true', 502, 'Bad Gateway', null, 'https://api.github.com/repos/xxx/xxx/actions/runs/123123123?exclude_pull_requests=true'],
    ['Error response from daemon: received unexpected HTTP status: 502 Bad Gateway', 502, 'Bad Gateway', null, null],
    ['failed to resolve reference "docker.io/library/alpine:latest": unexpected status from HEAD request to https://registry-1.docker.io/v2/library/alpine/manifests/latest: 503 Service Unavailable', 503, 'Service Unavailable', 'HEAD', 'https://registry-1.docker.io/v2/library/alpine/manifests/latest'],
    ['Error: unexpected status code: 502', 502, '', null, null],
    ['ERROR: HTTP error 503 while getting https://files.pythonhosted.org/packages/x/y.whl', 503, '', 'GET', 'https://files.pythonhosted.org/packages/x/y.whl'],
    ['org.springframework.web.reactive.function.client.WebClientResponseException$BadGateway: 502 Bad Gateway from GET https://api.example.org/items', 502, 'Bad Gateway', 'GET', 'https://api.example.org/items'],
    // Guzzle, httpx, HttpURLConnection and .NET's WebException, as code and notes that quote them show them
    ['Server error: `GET https://api.hubapi.com/deals/v1/deal/12345?hapikey=***` resulted in a `502 Bad Gateway` response:', 502, 'Bad Gateway', 'GET', 'https://api.hubapi.com/deals/v1/deal/12345?hapikey=***'],
    ["httpx.HTTPStatusError: Server error '502 Bad Gateway' for url 'https://openrouter.ai/api/v1/chat/completions'", 502, 'Bad Gateway', null, 'https://openrouter.ai/api/v1/chat/completions'],
    ['java.io.IOException: Server returned HTTP response code: 502 for URL: https://httpstat.us/502', 502, '', null, 'https://httpstat.us/502'],
    ['Error calling PBS web service. The remote server returned an error: (502) Bad Gateway. ', 502, 'Bad Gateway', null, null],
    // apt, the status line's code and reason after two blanks (the server's address after them in newer releases)
    ['E: Failed to fetch http://deb.debian.org/debian-security/pool/updates/main/c/curl/curl_7.74.0-1.3+deb11u16_amd64.deb  404  Not Found [IP: 151.101.2.132 80]', 404, 'Not Found', 'GET', 'http://deb.debian.org/debian-security/pool/updates/main/c/curl/curl_7.74.0-1.3+deb11u16_amd64.deb'],
    // pypi/warehouse#7643: GNU wget's line for the status it got
    ['HTTP request sent, awaiting response... 503 Backend is unhealthy', 503, 'Backend is unhealthy', null, null],
    // fastify/json-schema-ref-resolver#9: npm's log prefix repeats the code before its message
    ['npm error 403 403 Forbidden - PUT https://registry.npmjs.org/json-schema-ref-resolver - You do not have permission to publish "json-schema-ref-resolver". Are you logged in as the correct user?', 403, 'Forbidden', 'PUT', 'https://registry.npmjs.org/json-schema-ref-resolver'],
    // cpsdqs/cohost-dl#20: a URL, then the status with its own reason phrase
    ['        3: https://cohost.org/api/v1/trpc/posts.singlePost?input=%7B%7D 503 Service Unavailable:', 503, 'Service Unavailable', null, 'https://cohost.org/api/v1/trpc/posts.singlePost?input=%7B%7D'],
  ])('%s', (text, status, reason, method, url) => {
    expect(read(text)).toMatchObject({ status, reason, method, url });
  });

  it("keeps a server's longer status description after .NET's reason as the body (corpus: wikimedia/israelhikingmap-1573-user-agent-policy-403.log)", () => {
    expect(read(wild('wikimedia/israelhikingmap-1573-user-agent-policy-403.log'))).toMatchObject({
      status: 403,
      reason: 'Forbidden',
      body: expect.stringMatching(/^Please comply with the User-Agent policy: https:\/\/meta\.wikimedia\.org\/wiki\/User-Agent_policy/),
    });
    // The usual message ends at its reason's period: no body (corpus: azure-app-service/500-request-timed-out-powershell.txt).
    const usual = wild('azure-app-service/500-request-timed-out-powershell.txt').split('\n').find((l) => l.includes('The remote server returned an error')) as string;
    expect(read(usual)).toMatchObject({ status: 500, body: null });
  });

  it("reads a Go API client's '<METHOD> <url>: <status> <message>' (godo, in Packer's output), the message kept as the body (corpus: digitalocean-api/packer-422-droplet-limit.txt)", () => {
    expect(read(wild('digitalocean-api/packer-422-droplet-limit.txt'))).toMatchObject({
      status: 422,
      method: 'POST',
      url: 'https://api.digitalocean.com/v2/droplets',
      body: 'creating this/these droplet(s) will exceed your droplet limit',
    });
  });

  it("reads Google's Python clients: google-api-core's '<status> <METHOD> <url>: <message>' and the 2017 '<status> <message> (<METHOD> <url>)' (corpus: google-cloud-storage/python-get-blob-503-service-unavailable.txt)", () => {
    // Built from google-api-core's _format_rest_error_message ("{method} {url}: {error}") after the exception's code.
    expect(read('google.api_core.exceptions.NotFound: 404 GET https://storage.googleapis.com/storage/v1/b/x/o/y?alt=media: No such object: x/y')).toMatchObject({
      status: 404,
      method: 'GET',
      url: 'https://storage.googleapis.com/storage/v1/b/x/o/y?alt=media',
      body: 'No such object: x/y',
    });
    expect(read(wild('google-cloud-storage/python-get-blob-503-service-unavailable.txt'))).toMatchObject({
      status: 503,
      reason: 'Service Unavailable',
      method: 'GET',
      url: 'https://www.googleapis.com/storage/v1/b/xxx/yyy.zzz',
    });
  });

  it("reads PHP's stream wrapper: the URL the function opened and the status line it got (corpus: steam-web-api/laravel-steam-auth-getplayersummaries-403.log, cloudflare/avideo-live-test-521.log)", () => {
    expect(read(wild('steam-web-api/laravel-steam-auth-getplayersummaries-403.log'))).toMatchObject({ status: 403, reason: 'Forbidden', url: expect.stringMatching(/^http:\/\/api\.steampowered\.com\/ISteamUser\//) });
    expect(read(wild('cloudflare/avideo-live-test-521.log'))).toMatchObject({ status: 521, url: null });
  });

  it("reads cargo's registry error: the status it names and the registry's own words, kept as a JSON answer's (corpus: crates-io/cargo-publish-403-token-lacks-permissions.txt)", () => {
    const found = parseClientError(wild('crates-io/cargo-publish-403-token-lacks-permissions.txt'));
    expect(found?.response).toMatchObject({ status: 403, reason: 'Forbidden', body: 'this token does not have the required permissions to perform this action', bodyNote: 'json-error-field' });
  });

  it("reads the AWS SDK for Go v2's status, and keeps its service, operation and error code as the body (corpus: garage/webui-listobjectsv2-403-invalid-signature.txt)", () => {
    expect(read(wild('garage/webui-listobjectsv2-403-invalid-signature.txt'))).toMatchObject({
      status: 403,
      body: 'S3: ListObjectsV2, https response error StatusCode: 403, RequestID: , HostID: , api error AccessDenied: Forbidden: Invalid signature',
    });
  });

  it("reads the kubelet's probe failure as a direct report, and .NET's reason when the server wrote a long sentence (corpus: app/sonarr-basic-auth-startup-probe-401.log, nuget-gallery/push-403-apikey.log)", () => {
    const probe = parseClientError(wild('app/sonarr-basic-auth-startup-probe-401.log'));
    expect(probe?.response.status).toBe(401);
    expect(probe?.request.direct).toBe("the kubelet's HTTP probe");
    expect(read(wild('nuget-gallery/push-403-apikey.log'))).toMatchObject({ status: 403, reason: 'The specified API key is invalid, has expired, or does not have permission to access the specified package.' });
    expect(parseClientError(wild('nuget-gallery/push-403-apikey.log'))?.request.direct).toBeUndefined();
  });

  it("reads package managers' messages: pnpm's fetch error, Composer's download error, apt's with a cache's long reason, .NET's cut by a console's wrap (corpus: aws-codeartifact, nexus, apt-cacher-ng, azure-devops)", () => {
    expect(read(wild('aws-codeartifact/pnpm-401-codeartifact.log'))).toMatchObject({ status: 401, reason: 'Unauthorized', method: 'GET' });
    expect(read(wild('nexus/composer-404-remote-auto-blocked.log'))).toMatchObject({ status: 404, reason: 'Remote Auto Blocked until', url: 'https://<local-nexus-composer-registry>/repository/composer-proxy/packages.json' });
    expect(read(wild('apt-cacher-ng/apt-503-dns-error-acng.log'))?.status).toBe(503);
    expect(read(wild('apt-cacher-ng/apt-503-dns-error-acng.log'))?.reason).toMatch(/^DNS error for hostname http\.debian\.net: Name or service not known\./);
    expect(read(wild('azure-devops/dotnet-restore-401-upstream.log'))?.reason).toMatch(/^Unauthorized - No local versions of package/);
  });

  it("reads a status line's code and reason with the JSON body after it (Go's resp.Status, web3.js), and reqwest's wording (corpus: infura/project-rate-exceeded-429.log, quicknode/ore-miner-413.log)", () => {
    expect(read(wild('infura/project-rate-exceeded-429.log'))).toMatchObject({ status: 429, reason: 'Too Many Requests' });
    expect(read(wild('infura/project-rate-exceeded-429.log'))?.body).toMatch(/^\{"jsonrpc":"2\.0".*\}$/);
    expect(read(wild('quicknode/ore-miner-413.log'))).toMatchObject({ status: 413, reason: 'Payload Too Large', url: 'https://blue-falling-mansion.solana-mainnet.quiknode.pro/4c584ea1b7b087884c7542f3aa17c74bdad27970/' });
    // Not a status line: a number with other words, or no JSON after it.
    expect(parseClientError('took 429 Too Many Requests seconds {"a":1}')).toBeNull();
    expect(parseClientError('Error: 404 Widget Missing: {"error":"x"}')).toBeNull();
  });

  it.each([
    // cfug/dio#2311 (dio 5) and cfug/dio#37 (dio 1, in a Flutter log)
    ['DioException [bad response]: This exception was thrown because the response has a status code of 404 and RequestOptions.validateStatus was configured to throw for this status code.', 404],
    ['flutter: error = DioError [DioErrorType.RESPONSE]: Http status error [422]', 422],
    // Alamofire/Alamofire#1659 (Alamofire 4's reason, no label)
    ['responseValidationFailed(Alamofire.AFError.ResponseValidationFailureReason.unacceptableStatusCode(400))', 400],
  ])("reads mobile clients' own wording: %s", (text, status) => {
    expect(read(text)?.status).toBe(status);
  });

  it("reads Elixir Tesla's logged request line: the method, the URL and the status after the arrow", () => {
    // TeslaMate's log (held-out set 274): Tesla.Middleware.Logger's "$method $url -> $status ($time ms)".
    expect(read('2024-02-03 12:12:10.702 [info] GET https://owner-api.teslamotors.com/api/1/vehicles -> 412 (729.845 ms)')).toMatchObject({ status: 412, method: 'GET', url: 'https://owner-api.teslamotors.com/api/1/vehicles' });
    // The arrow without the duration is no such line (a changelog's "GET /x -> 200").
    expect(read('GET https://owner-api.teslamotors.com/api/1/vehicles -> 412')).toBeNull();
  });

  it("reads Retrofit's, Volley's and Ktor's wording, and the body Ktor quotes (mechanics: lines built from each library's format string)", () => {
    // retrofit2.HttpException: "HTTP " + code + " " + message; Volley BasicNetwork: "Unexpected response code %d for %s";
    // Ktor DefaultResponseValidation: "Server error(${method} ${url}: ${status}. Text: \"${body}\"".
    expect(read('retrofit2.HttpException: HTTP 503 Service Unavailable')).toMatchObject({ status: 503, reason: 'Service Unavailable' });
    expect(read('BasicNetwork.performRequest: Unexpected response code 502 for https://api.example.com/v1/items')).toMatchObject({ status: 502, url: 'https://api.example.com/v1/items' });
    expect(read('io.ktor.client.plugins.ServerResponseException: Server error(GET https://api.example.com/x: 504 Gateway Timeout. Text: "upstream timed out"')).toMatchObject({
      status: 504,
      reason: 'Gateway Timeout',
      method: 'GET',
      url: 'https://api.example.com/x',
      body: 'upstream timed out',
    });
  });

  it("reads the JSON body inside a logger's quoted string, its escaped quotes undone (corpus: alchemy/op-node-cups-429.log)", () => {
    const found = read(wild('alchemy/op-node-cups-429.log'));
    expect(found).toMatchObject({ status: 429, reason: 'Too Many Requests' });
    expect(found?.body).toMatch(/^\{"jsonrpc":"2\.0","id":474,"error":\{"code":429,/);
  });

  it("reads a browser console's failed-fetch line, with or without the script's location and the method (corpus: webpack-dev-server/ngmean3-504-gateway-timeout.log, github/hpm306-400-no-changeorigin.log, webpack-dev-server/ngspring2-404-no-proxy.log)", () => {
    expect(read(wild('webpack-dev-server/ngmean3-504-gateway-timeout.log'))).toMatchObject({ status: 504, reason: 'Gateway Timeout', method: 'GET', url: 'http://localhost:4200/api/v1/todos' });
    expect(read(wild('github/hpm306-400-no-changeorigin.log'))).toMatchObject({ status: 400, reason: 'Bad Request', method: 'GET' });
    expect(read(wild('webpack-dev-server/ngspring2-404-no-proxy.log'))).toMatchObject({ status: 404, reason: 'Not Found', method: null });
    // An access log's request line is no console line: no URL with a scheme, no reason in parentheses.
    expect(parseClientError('10.0.0.1 - - [01/Jan/2024:00:00:00 +0000] "GET /api HTTP/1.1" 504 167 "-" "curl"')).toBeNull();
  });

  it('keeps a closing backtick or quote off the URL', () => {
    // opensanctions/opensanctions#3779
    expect(read('`403 Client Error: Forbidden for url: https://www.iadb.org/en/x` served by Cloudflare.')?.url).toBe('https://www.iadb.org/en/x');
  });
});

describe('parseClientError: the body printed with the message', () => {
  // nextcloud/server#15045: AWS's PHP SDK quoting Guzzle's message with a redacted URL, the XML error on the same line
  it("reads Guzzle's message with a redacted URL and the body it printed on the same line, up to its truncation mark", () => {
    const text = readFileSync(new URL('../../test/fixtures/diagnose/wild/digitalocean-spaces/nextcloud-503-slowdown.log', import.meta.url), 'utf8');
    const quoted = parseClientError(text);
    expect(quoted?.response).toMatchObject({ status: 503, reason: 'Slow Down' });
    expect(quoted?.response.body).toBe('<?xml version="1.0" encoding="UTF-8"?> <Error> <Code>SlowDown</Code> <Message>Please reduce your request rate.</Message>');
  });

  it("reads Spring RestTemplate's body in brackets, up to the line the bracket closes on, before the stack trace", () => {
    const text = [
      'org.springframework.web.client.HttpServerErrorException$ServiceUnavailable: 503 Service Unavailable: [<html><body><h1>503 Service Unavailable</h1>',
      'No server is available to handle this request.',
      '</body></html>',
      ']',
      '\tat org.springframework.web.client.HttpServerErrorException.create(HttpServerErrorException.java:103) ~[spring-web-5.3.9.jar:5.3.9]',
    ].join('\n');
    expect(read(text)).toMatchObject({
      status: 503,
      reason: 'Service Unavailable',
      body: '<html><body><h1>503 Service Unavailable</h1>\nNo server is available to handle this request.\n</body></html>',
    });
  });

  it("reads Feign's body in brackets, and an empty one as none", () => {
    expect(read('feign.FeignException$ServiceUnavailable: [503 Service Unavailable] during [GET] to [http://a/x] [C#x()]: [{"status":503}]')?.body).toBe('{"status":503}');
    expect(read('feign.FeignException$BadGateway: [502 Bad Gateway] during [POST] to [http://a/x] [C#x()]: []')?.body).toBeNull();
  });

  it('reads a quoted body (Spring 6) and "[no body]" as none', () => {
    expect(read('HttpClientErrorException$NotFound: 404 Not Found: "{"error":"not found"}"')?.body).toBe('{"error":"not found"}');
    expect(read('HttpClientErrorException$Unauthorized: 401 Unauthorized: [no body]')).toMatchObject({ status: 401, body: null });
  });

  it("reads the S3-style XML error a storage client quotes after the status (corpus: digitalocean-spaces/rclone-503-slowdown.log)", () => {
    expect(read(wild('digitalocean-spaces/rclone-503-slowdown.log'))).toMatchObject({ status: 503, body: expect.stringMatching(/^(?:<\?xml[^>]*>\s*)?<Error>\s*<Code>SlowDown<\/Code>[\s\S]*<\/Error>$/) });
  });

  it('reads Spring 6.1\'s request between the status and the body (corpus: keycloak/stirling6567-token-unauthorized-client-401.log)', () => {
    const message = 'HttpClientErrorException$Unauthorized: 401 Unauthorized on POST request for "https://auth.ozyria.fr/realms/Ozyria/protocol/openid-connect/token": "{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}"';
    expect(read(message)).toMatchObject({ status: 401, body: '{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}' });
  });

  it("decodes docker's registry client quoting of the body (Go %q)", () => {
    const message = String.raw`error parsing HTTP 413 response body: invalid character '<' looking for beginning of value: "<html>\r\n<center>nginx</center>\r\n<p>a \"b\"</p>"`;
    expect(read(message)).toMatchObject({ status: 413, body: '<html>\r\n<center>nginx</center>\r\n<p>a "b"</p>' });
  });

  it("reads request-promise's StatusCodeError with its JSON-stringified body, a string unquoted as the body itself (corpus: cloudflare/403-error-code-1020-statuscodeerror.txt)", () => {
    const found = parseClientError('StatusCodeError: 403 - "error code: 1020"  -- error cloudfire');
    expect(found?.response).toMatchObject({ status: 403, body: 'error code: 1020', bodyNote: 'unquoted' });
    expect(read('StatusCodeError: 502 - {"message":"Bad Gateway"}')).toMatchObject({ status: 502, body: '{"message":"Bad Gateway"}' });
    expect(read('StatusCodeError: 502 - 3 retries left')).toBeNull();
  });

  it('reads "<request> to <url> failed with status N" and the body labelled after it, never a bare exit status (corpus: app/ring-livecall-412.log, slack/glpi-webhook-400-invalid-payload.log)', () => {
    expect(parseClientError(wild('app/ring-livecall-412.log'))?.response).toMatchObject({ status: 412, body: '{"message":"RING_API_CALL_REQUEST_FAILURE"}' });
    expect(parseClientError(wild('slack/glpi-webhook-400-invalid-payload.log'))?.response).toMatchObject({ status: 400, body: 'invalid_payload' });
    expect(parseClientError('build step failed with status 255')).toBeNull();
  });

  it("reads Maven's wagon and Elasticsearch's Java client, whose messages name the status in their own words", () => {
    expect(parseClientError(wild('nginx/carina-nexus-maven-413.log'))?.request).toMatchObject({ status: 413, reason: 'Request Entity Too Large', url: expect.stringMatching(/\.jar$/) });
    const es = parseClientError(wild('nginx/es38119-monitoring-exporter-413.log'));
    expect(es?.request).toMatchObject({ status: 413, method: 'POST', url: expect.stringMatching(/^https:\/\/xyz:443\/_bulk/) });
    expect(es?.response.body).toContain('<title>413 Request Entity Too Large</title>');
  });

  it('reads a page on the lines after the message, and nothing when a traceback follows', () => {
    expect(read('AxiosError: Request failed with status code 502\nResponse body: <html><center>nginx</center></html>')?.body).toBe('<html><center>nginx</center></html>');
    expect(read('urllib.error.HTTPError: HTTP Error 503: Service Unavailable\n  File "x.py", line 3')?.body).toBeNull();
    expect(read('requests.exceptions.HTTPError: 502 Server Error: Bad Gateway for url: https://a.example/\n\nDuring handling of the above exception, another exception occurred:')?.body).toBeNull();
  });

  it('reads a page printed before the message when none follows it', () => {
    expect(read('fetch failed\n<html><center>nginx</center></html>\nAxiosError: Request failed with status code 502')?.body).toBe('<html><center>nginx</center></html>');
    expect(read('Traceback (most recent call last):\n  File "x.py", line 3\nurllib.error.HTTPError: HTTP Error 503: Service Unavailable')?.body).toBeNull();
  });

  it("keeps the page's words printed after the message as its body", () => {
    expect(read('AxiosError: Request failed with status code 502\n502 Bad Gateway\nnginx\n    at settle (node_modules/axios/lib/core/settle.js:19:12)')?.body).toBe('502 Bad Gateway\nnginx');
  });
});

describe("parseClientError: React Native's bundle download", () => {
  it('reads the status, and the body under "Body:" after the URL line', () => {
    const text = [
      'com.facebook.react.common.DebugServerException: The development server returned response error code: 500',
      '',
      'URL: http://10.0.2.2:8081/index.bundle?platform=android',
      '',
      'Body:',
      '{"type":"InternalError","errors":[],"message":"internal"}',
      '    at com.facebook.react.devsupport.BundleDownloader.processBundleResult(BundleDownloader.java:296)',
    ].join('\n');
    const parsed = parseClientError(text);
    expect(parsed?.response.status).toBe(500);
    expect(parsed?.response.body).toBe('{"type":"InternalError","errors":[],"message":"internal"}');
  });
});

describe('parseClientError: a number that is no response status', () => {
  it.each([
    'listen tcp 0.0.0.0:502: bind: address already in use',
    'Error: Process completed with exit code 502.',
    '  File "/usr/lib/python3.6/urllib/request.py", line 504, in _call_chain',
    'error: 5929 bytes of body are still expected',
    'npm ERR! code E503',
    'connect ECONNREFUSED 127.0.0.1:503',
    'https://example.org:503 timed out after 504 ms',
    'https://example.org/x 503 retries left',
    'Error from server (InternalError): an error on the server ("") has prevented the request from succeeding',
    'requests.exceptions.HTTPError: 200 Server Error: OK for url: https://example.org/',
  ])('%s', (text) => {
    expect(parseClientError(text)).toBeNull();
  });
});
