import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { WrapperId } from '../../types.ts';
import { isLooseChain, Unwrapper, wrapperChain } from './unwrapper.ts';

const WILD = new URL('../../../../test/fixtures/logs/wild/', import.meta.url);
/** Line `n` (1-based) of a corpus file, as published. */
const corpusLine = (path: string, n: number): string => readFileSync(new URL(path, WILD), 'utf8').split('\n')[n - 1] as string;

/** What the chain's wrappers leave of `line`, and what they told. */
function unwrap(line: string, chain: readonly WrapperId[]) {
  const buf = Buffer.from(line);
  const unwrapper = new Unwrapper(chain);
  const complete = unwrapper.read(buf, buf.toString('latin1'), 0, buf.length);
  const l = unwrapper.line;
  const time = l.time.ms;
  return { complete, inner: l.buf.toString('utf8', l.start, l.end), host: l.host, stream: l.stream, time: Number.isNaN(time) ? null : new Date(time).toISOString() };
}

/** The wrappers `wrapperChain` finds on one line. */
const chainOf = (line: string): WrapperId[] => {
  const buf = Buffer.from(line);
  return wrapperChain([{ buf, text: buf.toString('latin1'), start: 0, end: buf.length }]);
};

/** A json-file record as docker writes it, around `log` (JSON-escaped already), `more` keys before the time. */
const record = (log: string, more = ''): string => `{"log":"${log}","stream":"stderr"${more},"time":"2017-09-01T01:01:01.000000001Z"}`;

describe('CRI / containerd', () => {
  it('reads the design proposal\'s example (kubernetes/design-proposals-archive, node/kubelet-cri-logging.md)', () => {
    expect(unwrap('2016-10-06T00:17:09.669794202Z stdout F The content of the log entry 1', ['cri'])).toEqual({
      complete: true,
      inner: 'The content of the log entry 1',
      host: '',
      stream: 'stdout',
      time: '2016-10-06T00:17:09.669Z',
    });
  });

  it('reads an Istio sidecar line (corpus: envoy-text/integrations-istio-container-cri.log)', () => {
    const line = corpusLine('envoy-text/integrations-istio-container-cri.log', 1);
    expect(chainOf(line)).toEqual(['cri']);
    expect(unwrap(line, ['cri']).inner).toMatch(/^\[2022-07-22T12:24:09\.217Z\] "GET \/reviews\/0 HTTP\/1\.1" 0 DC /);
  });

  it('mechanics (synthetic lines): more tags after the first, an empty line, a stream it does not know', () => {
    expect(unwrap('2024-05-14T00:00:00.1Z stderr F:x rest', ['cri'])).toMatchObject({ inner: 'rest', stream: 'stderr' });
    expect(unwrap('2024-05-14T00:00:00.1Z stdout F ', ['cri']).inner).toBe('');
    expect(unwrap('2024-05-14T00:00:00.1Z stdin F x', ['cri']).inner).toBe('2024-05-14T00:00:00.1Z stdin F x');
    expect(unwrap('2024-05-14T00:00:00.1Z stdout Fx y', ['cri']).inner).toBe('2024-05-14T00:00:00.1Z stdout Fx y');
  });
});

describe("docker's json-file", () => {
  it("reads the driver documentation's example (docs.docker.com/engine/logging/drivers/json-file/)", () => {
    expect(unwrap('{"log":"Log line is here\\n","stream":"stdout","time":"2019-01-01T11:11:11.111111111Z"}', ['docker-json'])).toEqual({
      complete: true,
      inner: 'Log line is here',
      host: '',
      stream: 'stdout',
      time: '2019-01-01T11:11:11.111Z',
    });
  });

  it('unescapes the line (corpus: docker-json/fluent-bit-apache-logs.log)', () => {
    const line = corpusLine('docker-json/fluent-bit-apache-logs.log', 1);
    expect(unwrap(line, ['docker-json']).inner).toBe('20.38.166.115 - - [21/Feb/2018:17:26:53 +0000] "GET /intra-abdominally HTTP/1.0" 500 2216');
  });

  it("mechanics (synthetic records, the escapes moby's jsonlogbytes_test.go expects): HTML escapes, UTF-8, \\r, attrs and a tag", () => {
    expect(unwrap(record('A log line with \\u0026 \\u003c \\u003e\\n'), ['docker-json']).inner).toBe('A log line with & < >');
    expect(unwrap(record('utf8 : 🚀 ψ \\ud83d\\ude80 \\u00e9 \\"q\\" \\\\ \\/\\n'), ['docker-json']).inner).toBe('utf8 : 🚀 ψ 🚀 é "q" \\ /');
    expect(unwrap(record('crlf\\r\\n'), ['docker-json']).inner).toBe('crlf');
    expect(unwrap(record('x\\n', ',"attrs":{"tag":"web","value":"1"}'), ['docker-json'])).toMatchObject({ inner: 'x', host: 'web', stream: 'stderr' });
  });

  it('ends a line at a newline a copy escaped twice (a literal \\n, as istio/istio#13848 shows it), and only there', () => {
    expect(unwrap(record('[2019-05-29T11:48:56.105Z] \\"GET / HTTP/1.1\\" 503 UC\\\\n'), ['docker-json'])).toMatchObject({ inner: '[2019-05-29T11:48:56.105Z] "GET / HTTP/1.1" 503 UC', complete: true });
    expect(unwrap(record('a line docker split'), ['docker-json'])).toMatchObject({ complete: false });
  });

  it('reads records a shipper rewrote, whatever their key order (corpus: emissary/beats-envoy-json.log, Filebeat)', () => {
    const line = corpusLine('emissary/beats-envoy-json.log', 1);
    expect(chainOf(line)).toEqual(['docker-json', 'emissary']);
    expect(unwrap(line, ['docker-json', 'emissary'])).toMatchObject({
      inner: expect.stringMatching(/^\[2019-02-12T18:37:42\.921Z\] "GET \/httpbin\/ip HTTP\/1\.1" 200 /),
      host: 'ambassador-76c58d9df4-jwhsg/ambassador',
      stream: 'stdout',
      time: '2019-02-12T18:37:43.139Z',
    });
  });
});

describe('docker compose', () => {
  it('reads the service prefix (corpus: caddy-json/lnav-caddy-compose.log)', () => {
    const line = corpusLine('caddy-json/lnav-caddy-compose.log', 1);
    expect(chainOf(line)).toEqual(['compose']);
    expect(unwrap(line, ['compose'])).toMatchObject({ inner: expect.stringMatching(/^\{"level":"info"/), host: 'caddy' });
  });

  it('reads a process runner\'s name of several words (corpus: caddy-json/hoppscotch-4589-aio.log, and under compose in hoppscotch-4232-compose.log)', () => {
    const alone = corpusLine('caddy-json/hoppscotch-4589-aio.log', 1);
    expect(chainOf(alone)).toEqual(['compose']);
    expect(unwrap(alone, ['compose'])).toMatchObject({ inner: expect.stringMatching(/^\{"level":"error"/), host: 'App/Admin Dashboard Caddy' });
    const nested = corpusLine('caddy-json/hoppscotch-4232-compose.log', 1);
    expect(chainOf(nested)).toEqual(['compose', 'compose']);
    expect(unwrap(nested, ['compose', 'compose'])).toMatchObject({ inner: expect.stringMatching(/^\{"level":"error"/), host: 'App/Admin Dashboard Caddy' });
  });

  it('reads compose around forego (corpus: compose/x3rus-nginx-proxy-504.log)', () => {
    const line = corpusLine('compose/x3rus-nginx-proxy-504.log', 1);
    expect(chainOf(line)).toEqual(['compose', 'compose']);
    expect(unwrap(line, ['compose', 'compose'])).toMatchObject({ inner: expect.stringMatching(/^2017\/10\/20 11:39:43 \[error\] 49#49: \*1 upstream timed out/), host: 'nginx.1' });
  });

  it('reads the task prefix of `docker service logs`, its node after @ (traefik/traefik#9648)', () => {
    const line = 'myswarm_traefik.1.of166iz3i553@swarm    | 10.0.0.2 - - [08/Jan/2023:12:28:57 +0000] "GET / HTTP/1.0" - - "-" "-" 746 "-" "-" 0ms';
    expect(unwrap(line, ['compose'])).toMatchObject({ inner: expect.stringMatching(/^10\.0\.0\.2 - - \[08\/Jan/), host: 'myswarm_traefik.1.of166iz3i553@swarm' });
  });

  it('mechanics (synthetic lines, the prefixes of compose v2 and v1 in colour): the colour codes go with the prefix', () => {
    expect(unwrap('\u001b[36mweb-1  | \u001b[0mGET / 200', ['compose'])).toMatchObject({ inner: 'GET / 200', host: 'web-1' });
    expect(unwrap('\u001b[33;1mweb_1  |\u001b[0m GET / 200', ['compose'])).toMatchObject({ inner: 'GET / 200', host: 'web_1' });
    expect(chainOf('a|b c')).toEqual([]);
  });

  it('mechanics (synthetic lines): the erase-line code of compose\'s progress display and the time of `logs -t` go with the prefix', () => {
    expect(unwrap('\u001b[2Kweb-1  | GET / 200', ['compose'])).toMatchObject({ inner: 'GET / 200', host: 'web-1' });
    expect(unwrap('web-1  | 2024-04-25T05:32:35.584725130Z  * Running', ['compose'])).toMatchObject({ inner: ' * Running', time: '2024-04-25T05:32:35.584Z' });
    // A line's own time without a fraction (or with a zone other than Z) is the line's, not compose's.
    expect(unwrap('web-1  | 2024-04-25T05:32:35Z ERROR boom', ['compose'])).toMatchObject({ inner: '2024-04-25T05:32:35Z ERROR boom', time: null });
  });
});

describe('kubectl logs', () => {
  it('--prefix (corpus: kubectl-prefix/kubernetes-124732-nginx-startup.log)', () => {
    const line = corpusLine('kubectl-prefix/kubernetes-124732-nginx-startup.log', 9);
    expect(chainOf(line)).toEqual(['kubectl-prefix']);
    expect(unwrap(line, ['kubectl-prefix'])).toMatchObject({ inner: '2024/03/07 21:10:16 [notice] 1#1: using the "epoll" event method', host: 'y-844fbc9777-vhl79/nginx' });
  });

  it("Docker Desktop's wall-clock time (corpus: caddy-error/caddy-6605-docker-desktop.log)", () => {
    const line = corpusLine('caddy-error/caddy-6605-docker-desktop.log', 1);
    expect(chainOf(line)).toEqual(['timestamps']);
    expect(unwrap(line, ['timestamps'])).toMatchObject({ inner: expect.stringMatching(/^\{"level":"error","ts":1728027776\.6026268,/), time: null });
  });

  it("s6-log's time with nanoseconds and two blanks (corpus: nginx-custom/frigate-9671-s6-nginx.log)", () => {
    const line = corpusLine('nginx-custom/frigate-9671-s6-nginx.log', 3);
    expect(chainOf(line)).toEqual(['timestamps']);
    expect(unwrap(line, ['timestamps'])).toMatchObject({ inner: expect.stringMatching(/^172\.30\.32\.2 - - \[05\/Feb\/2024:13:39:43 \+0100\] "GET \/api\/config /), time: null });
  });

  it('--timestamps (corpus: envoy-text/istio-29109-kubectl-timestamps.log)', () => {
    const line = corpusLine('envoy-text/istio-29109-kubectl-timestamps.log', 1);
    expect(chainOf(line)).toEqual(['timestamps']);
    expect(unwrap(line, ['timestamps'])).toMatchObject({ inner: expect.stringMatching(/^\[2020-11-22T20:04:32\.765Z\] "GET \/products/), time: '2020-11-22T20:04:54.223Z' });
  });
});

describe('kail', () => {
  it('reads the namespace/pod[container] prefix, the pod as the line\'s origin (corpus: envoy-text/net-contour-202-nr.log)', () => {
    const line = corpusLine('envoy-text/net-contour-202-nr.log', 1);
    expect(chainOf(line)).toEqual(['kail']);
    expect(unwrap(line, ['kail'])).toMatchObject({ inner: expect.stringMatching(/^\[2020-08-12T01:04:10\.840Z\] "GET \/ HTTP\/1\.1" 503 NR /), host: 'envoy-gblck' });
  });

  it('leaves a line whose prefix is no namespace/pod[container] alone (mechanics)', () => {
    expect(chainOf('Error/Timeout[x]: something')).toEqual([]);
  });
});

describe('gcp-logging', () => {
  it("reads Logs Explorer's severity, time and summary fields before an entry (corpus: nginx-combined/ngf-longevity-2.2.0-gcp-502.log)", () => {
    const line = corpusLine('nginx-combined/ngf-longevity-2.2.0-gcp-502.log', 1);
    expect(chainOf(line)).toEqual(['gcp-logging']);
    expect(unwrap(line, ['gcp-logging'])).toMatchObject({ inner: expect.stringMatching(/^10\.154\.15\.240 - - \[19\/Oct\/2025/), host: 'nginx' });
  });

  it('takes no level word without an RFC 3339 time after it (mechanics)', () => {
    expect(chainOf('INFO starting server on :8080')).toEqual([]);
  });
});

describe('docker-json (a shipper\'s record)', () => {
  it("reads a Fluent Bit Kubernetes record pretty-printed and joined into one line, blanks around its colons (corpus: uvicorn/eks-spot-fluentbit-cloudwatch-readyz-503.json)", () => {
    const text = readFileSync(new URL('uvicorn/eks-spot-fluentbit-cloudwatch-readyz-503.json', WILD), 'utf8');
    const line = text.replace(/\s*\n\s*/g, ' ');
    expect(chainOf(line)).toEqual(['docker-json']);
    expect(unwrap(line, ['docker-json'])).toMatchObject({ inner: 'INFO:     10.0.151.205:41300 - "GET /readyz HTTP/1.1" 503 Service Unavailable', host: 'spot-test-app-65669c4b6d-tfkvb/spot-test-app' });
  });
});

describe('cloudwatch-csv', () => {
  it("reads the event's text out of a CloudWatch Logs Insights CSV row, its doubled quotes undone (corpus: combined/calvinchaparro-cloudwatch-insights-export.csv)", () => {
    const line = corpusLine('combined/calvinchaparro-cloudwatch-insights-export.csv', 2);
    expect(chainOf(line)).toEqual(['cloudwatch-csv']);
    expect(unwrap(line, ['cloudwatch-csv'])).toMatchObject({ inner: 'xxx - - [14/Jul/2024:23:58:52 +0000] "GET /protected/resource HTTP/1.1" 404 196 "-" "curl/8.5.0"', time: null });
  });

  it('finds the docker-json record inside the CSV field (corpus: werkzeug/coworking-eks-cloudwatch-insights-fluentbit-export.csv)', () => {
    const line = corpusLine('werkzeug/coworking-eks-cloudwatch-insights-fluentbit-export.csv', 2);
    expect(chainOf(line)).toEqual(['cloudwatch-csv', 'docker-json']);
    expect(unwrap(line, ['cloudwatch-csv', 'docker-json']).inner).toBe('192.168.25.221 - - [17/Mar/2024 14:36:12] "GET /readiness_check HTTP/1.1" 200 -');
  });

  it('takes no row whose field is not closed, or closed before other text than a comma (mechanics)', () => {
    expect(chainOf('2024-07-14 23:58:58.036,"GET / 500')).toEqual([]);
    expect(chainOf('2024-07-14 23:58:58.036,"a" b')).toEqual([]);
  });
});

describe('fluent-bit-stdout', () => {
  it("reads the record's log value out of Fluent Bit's stdout print, its inner quotes as printed (corpus: nginx-combined/fluent-bit-1915-stdout.log)", () => {
    const line = corpusLine('nginx-combined/fluent-bit-1915-stdout.log', 1);
    expect(chainOf(line)).toEqual(['fluent-bit-stdout']);
    expect(unwrap(line, ['fluent-bit-stdout']).inner).toBe(
      '172.28.0.1 - - [27/Jan/2020:17:44:05 +0000] "GET / HTTP/1.1" 304 0 "-" "Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:72.0) Gecko/20100101 Firefox/72.0" "-"',
    );
  });

  it('takes no print without a log or message key, and stops the value at the next key (mechanics)', () => {
    expect(chainOf('[0] tag: [1580147045.000000000, {"status"=>"500"}]')).toEqual([]);
    expect(unwrap('[0] tag: [1580147045.000000000, {"log"=>"GET / 500", "stream"=>"stdout"}]', ['fluent-bit-stdout']).inner).toBe('GET / 500');
  });
});

describe('inline-code (single quotes)', () => {
  it("takes off the single quotes a shell printed around a line, both or none (corpus: envoy-text/istio-sidecar-connect-h2-tunnel.log)", () => {
    const line = corpusLine('envoy-text/istio-sidecar-connect-h2-tunnel.log', 1);
    expect(unwrap(line, ['inline-code']).inner).toMatch(/^\[2024-06-20T01:29:57\.087Z\] \[170\] "CONNECT - HTTP\/2" 200 .* default$/);
    expect(unwrap("'GET / 500", ['inline-code']).inner).toBe("'GET / 500");
  });
});

describe('kubetail', () => {
  it("reads the bracketed pod name before the line (corpus: traefik-clf/traefik-7652-k8s-prefix-502.log)", () => {
    const line = corpusLine('traefik-clf/traefik-7652-k8s-prefix-502.log', 1);
    expect(chainOf(line)).toEqual(['kubetail']);
    expect(unwrap(line, ['kubetail'])).toMatchObject({ inner: expect.stringMatching(/^10\.0\.1\.122 - - \[11\/Dec\/2020/), host: 'traefik-c88c9f869-b8cm8' });
  });

  it('leaves a bracketed word that is no generated pod name alone (mechanics)', () => {
    expect(chainOf('[INFO] started')).toEqual([]);
    expect(chainOf('[worker-main] started')).toEqual([]);
  });
});

describe('stern', () => {
  const line = corpusLine('stern/ingress-nginx-json-log-40-stern.log', 1);
  const inner = line.slice('nginx-ingress-controller-v92ft nginx-ingress-controller '.length);

  it("strips the pod and the container before the line (corpus: stern/ingress-nginx-json-log-40-stern.log)", () => {
    expect(chainOf(line)).toEqual(['stern']);
    expect(unwrap(line, ['stern'])).toMatchObject({ inner, host: 'nginx-ingress-controller-v92ft' });
  });

  it('strips the names in the colours stern writes them in on a terminal', () => {
    // Constructed around the corpus line as stern's template colours each name (fatih/color: ESC[<n>m … ESC[0m).
    const coloured = `\x1b[32mnginx-ingress-controller-v92ft\x1b[0m \x1b[33mnginx-ingress-controller\x1b[0m ${inner}`;
    expect(unwrap(coloured, ['stern'])).toMatchObject({ inner, host: 'nginx-ingress-controller-v92ft' });
  });

  it('leaves words that are no pod name alone, and is loose', () => {
    expect(unwrap(inner, ['stern']).inner).toBe(inner);
    expect(unwrap('worker started ok', ['stern']).inner).toBe('worker started ok');
    expect(isLooseChain(['stern'])).toBe(true);
  });
});

describe('docker logs --details', () => {
  it('reads the attributes before the line (corpus: nginx-custom/backslash-616-docker-details.log)', () => {
    const line = corpusLine('nginx-custom/backslash-616-docker-details.log', 1);
    expect(chainOf(line)).toEqual(['docker-details']);
    expect(unwrap(line, ['docker-details'])).toMatchObject({ inner: expect.stringMatching(/^172\.18\.0\.1 - - \[29\/Sep\/2020/) });
  });

  // Constructed around a corpus line (the nginx line of sentry-self-hosted-477) the way write_log_stream.go writes
  // the attributes: sorted, comma-joined, query-escaped; or a lone space when the container has none.
  const inner = corpusLine('nginx-error/sentry-self-hosted-477.log', 2);
  it('reads several attributes, empty values and none at all', () => {
    expect(unwrap(`com.docker.compose.service=nginx,env=,tag=web%2Fnginx ${inner}`, ['docker-details']).inner).toBe(inner);
    expect(unwrap(` ${inner}`, ['docker-details']).inner).toBe(inner);
  });

  it('leaves a line whose first word is no attribute list', () => {
    expect(unwrap(inner, ['docker-details']).inner).toBe(inner);
    expect(unwrap(`a=b:c ${inner}`, ['docker-details']).inner).toBe(`a=b:c ${inner}`);
    expect(unwrap(`  indented`, ['docker-details']).inner).toBe('  indented');
  });
});

describe('grep -H / -n', () => {
  // Constructed around a corpus line the way GNU grep prints a match: `FILE:` with -H, `LINE:` with -n.
  const inner = corpusLine('nginx-error/sentry-self-hosted-477.log', 2);
  it('reads the file name and the line number, the name kept as where the line came from', () => {
    expect(unwrap(`/var/log/nginx/access.log:12:${inner}`, ['grep'])).toMatchObject({ inner, host: '/var/log/nginx/access.log' });
    expect(unwrap(`access.log.1:${inner}`, ['grep'])).toMatchObject({ inner, host: 'access.log.1' });
    expect(unwrap(`12:${inner}`, ['grep']).inner).toBe(inner);
    // A context line of `grep -n -C` (a dash); a line that starts with a date keeps it.
    expect(unwrap(`3236741-${inner}`, ['grep']).inner).toBe(inner);
    expect(unwrap('2019-10-14 10:56:06 x', ['grep']).inner).toBe('2019-10-14 10:56:06 x');
    expect(unwrap('14-05-2020 10:56:06 x', ['grep']).inner).toBe('14-05-2020 10:56:06 x');
  });

  it("takes a text file's name too: AWS's load balancer log objects end in .txt (elb-log-analyzer#14)", () => {
    const line = corpusLine('aws-elb/elb-log-analyzer-14-grep.log', 1);
    const name = line.slice(0, line.indexOf(':'));
    expect(name).toMatch(/_elasticloadbalancing_.*\.txt$/);
    expect(unwrap(line, ['grep'])).toMatchObject({ inner: line.slice(name.length + 1), host: name });
  });

  it('takes no name that is not a log file\'s, and loses to the bare reading on a tie (an IPv6 client)', () => {
    expect(unwrap(`web 1:${inner}`, ['grep']).inner).toBe(`web 1:${inner}`);
    expect(unwrap(`db:${inner}`, ['grep']).inner).toBe(`db:${inner}`);
    expect(isLooseChain(['grep'])).toBe(true);
  });
});

describe('syslog and the journal', () => {
  it("RFC 3164's example (§5.4), and one without a host (corpus: haproxy-http/cerebro-syslog-504-sH.log)", () => {
    expect(unwrap("<34>Oct 11 22:14:15 mymachine su: 'su root' failed for lonvick on /dev/pts/8", ['syslog'])).toMatchObject({
      inner: "'su root' failed for lonvick on /dev/pts/8",
      host: 'mymachine',
      time: null,
    });
    expect(unwrap(corpusLine('haproxy-http/cerebro-syslog-504-sH.log', 2), ['syslog'])).toMatchObject({ inner: expect.stringMatching(/^8\.6\.7\.10:55480 \[27\/Jun\/2019/), host: '' });
  });

  it('journalctl around compose (corpus: caddy-error/searx-3205-journald-compose.log)', () => {
    const line = corpusLine('caddy-error/searx-3205-journald-compose.log', 1);
    expect(chainOf(line)).toEqual(['syslog', 'compose']);
    expect(unwrap(line, ['syslog', 'compose'])).toMatchObject({ inner: expect.stringMatching(/^\{"level":"error","ts":1649018456/), host: 'caddy' });
  });

  it('mechanics (synthetic line in the layout of journalctl -o short-iso): the time has a zone, the tag needs its [pid]', () => {
    expect(unwrap('2024-05-14T10:00:00+0200 web1 nginx[812]: GET / 502', ['syslog'])).toMatchObject({ inner: 'GET / 502', host: 'web1', time: '2024-05-14T08:00:00.000Z' });
    expect(chainOf('2024-05-14T10:00:00.123Z ERROR api: request failed')).toEqual(['timestamps']);
    // rsyslog's RFC 3339 file format writes a tag without its pid (Squid's is `(squid-1)`) after a qualified host name.
    expect(unwrap('2024-05-14T10:00:00.123456+02:00 proxy.example.lan (squid-1): 1715673600.000 0 10.0.0.1 TCP_MISS/200', ['syslog'])).toMatchObject({
      inner: '1715673600.000 0 10.0.0.1 TCP_MISS/200',
      host: 'proxy.example.lan',
    });
  });

  it.each([
    ["<165>1 2003-08-24T05:14:15.000003-07:00 192.0.2.1 myproc 8710 - - %% It's time to make the do-nuts.", "%% It's time to make the do-nuts.", '192.0.2.1', '2003-08-24T12:14:15.000Z'],
    [
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"] \uFEFFAn application event log entry...',
      'An application event log entry...',
      'mymachine.example.com',
      '2003-10-11T22:14:15.003Z',
    ],
    [
      '<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47 [exampleSDID@32473 iut="3" eventSource="Application" eventID="1011"][examplePriority@32473 class="high"]',
      '',
      'mymachine.example.com',
      '2003-10-11T22:14:15.003Z',
    ],
  ])("RFC 5424's examples (§6.5): %s", (line, inner, host, time) => {
    expect(chainOf(line)).toEqual(['syslog-5424']);
    expect(unwrap(line, ['syslog-5424'])).toMatchObject({ inner, host, time });
  });
});

describe('cf logs', () => {
  it('reads the Cloud Foundry CLI\'s prefix: time, source, stream (corpus: gorouter/maeddes-cf-logs-rtr.log)', () => {
    const line = corpusLine('gorouter/maeddes-cf-logs-rtr.log', 1);
    expect(chainOf(line)).toEqual(['cf-logs']);
    const { inner, host, stream, time } = unwrap(line, ['cf-logs']);
    expect([inner.slice(0, 46), host, stream, time]).toEqual(['cf-simple-hello.local.pcfdev.io - [21/04/2017:', 'RTR/0', 'stdout', '2017-04-21T16:03:55.460Z']);
  });

  it('reads an indented line with an unpadded long source and ERR (mechanics)', () => {
    const { inner, host, stream } = unwrap('   2017-07-18T06:38:07.36-0700 [APP/PROC/WEB/0]ERR  * Running on http://0.0.0.0:8080/', ['cf-logs']);
    expect([inner, host, stream]).toEqual([' * Running on http://0.0.0.0:8080/', 'APP/PROC/WEB/0', 'stderr']);
  });
});


describe('the BOSH CLI', () => {
  it('strips the instance and the stream before the line (corpus: gorouter/routing-release-132-bosh-wrapped.log)', () => {
    const line = corpusLine('gorouter/routing-release-132-bosh-wrapped.log', 4);
    expect(chainOf(line)).toEqual(['bosh']);
    expect(unwrap(line, ['bosh'])).toMatchObject({
      inner: expect.stringMatching(/^app\.example\.com - \[2018-12-05T10:07:24\.229\+0000\] "GET \/ HTTP\/1\.1" 502 0 67 /),
      host: 'router/3ff2487f-185a-497c-9805-1f77edb2ffea',
      stream: 'stdout',
    });
  });

  it('leaves a line without an instance id alone', () => {
    expect(unwrap('router: stdout | x', ['bosh']).inner).toBe('router: stdout | x');
  });
});

describe('fly logs', () => {
  it('reads the source[machine], region and level, and the time (corpus: fly-logs/clio-voice-server-log-pu02-crash-loop.log)', () => {
    const line = corpusLine('fly-logs/clio-voice-server-log-pu02-crash-loop.log', 13);
    expect(chainOf(line)).toEqual(['fly']);
    expect(unwrap(line, ['fly'])).toMatchObject({ inner: expect.stringMatching(/^\[PU02\] could not/), host: 'proxy[5683970eae6308]', time: '2025-08-15T13:20:58.000Z' });
    // No blank after the level: the app's own text starts right after it.
    expect(unwrap(corpusLine('fly-logs/clio-voice-server-log-pu02-crash-loop.log', 1), ['fly']).inner).toBe('POST /api/asr/temp-key - 200 (1117ms)');
  });

  it('reads a release that prints the time without its zone, and keeps no time then (corpus: fly-logs/actual-server-139-proxy-refused.log)', () => {
    const line = corpusLine('fly-logs/actual-server-139-proxy-refused.log', 17);
    expect(chainOf(line)).toEqual(['fly']);
    expect(unwrap(line, ['fly'])).toMatchObject({ inner: 'instance refused connection', host: 'proxy[ed63d73f]', time: null });
  });

  it("takes no other time-first line for Fly's (mechanics)", () => {
    expect(chainOf('2024-05-14T00:00:00Z myapp lhr [info] hello')).not.toContain('fly');
    expect(chainOf('2024-05-14T00:00:00Z app[web.1] lhr [info] hello')).not.toContain('fly');
  });
});

describe('Heroku Logplex', () => {
  it('reads the time and source[dyno] of a router line (corpus: heroku/mattermost-giphy-6-h10.log)', () => {
    const line = corpusLine('heroku/mattermost-giphy-6-h10.log', 1);
    // docker-details (loose) would take `at=error` for an attribute next; detection reads both depths.
    expect(chainOf(line)[0]).toBe('heroku');
    const { inner, host, time } = unwrap(line, ['heroku']);
    expect([inner.slice(0, 35), host, time]).toEqual(['at=error code=H10 desc="App crashed', 'router', '2016-03-25T19:57:06.979Z']);
  });

  it("reads an app line, and an app line with no message (corpus: heroku/burger-readme-crash.log)", () => {
    expect(unwrap(corpusLine('heroku/burger-readme-crash.log', 4), ['heroku'])).toMatchObject({ inner: 'Server started listening on part 57439', host: 'web.1' });
    expect(unwrap(corpusLine('heroku/burger-readme-crash.log', 3), ['heroku'])).toMatchObject({ inner: '', host: 'web.1', time: '2019-01-30T08:29:57.684Z' });
  });

  it('reads a line without the time, as Dev Center articles quote them, and no other source (mechanics)', () => {
    expect(unwrap('heroku[web.1]: Process exited with status 1', ['heroku'])).toMatchObject({ inner: 'Process exited with status 1', host: 'web.1', time: null });
    expect(chainOf('worker[web.1]: hello')).toEqual([]);
  });

  it('reads the `<app> heroku/router` form log services show (corpus: heroku/rocket-buildpack-3-h13.log)', () => {
    const line = corpusLine('heroku/rocket-buildpack-3-h13.log', 1);
    expect(chainOf(line)[0]).toBe('heroku');
    expect(unwrap(line, ['heroku'])).toMatchObject({ host: 'router', time: null });
    expect(unwrap(line, ['heroku']).inner.startsWith('at=error code=H13 ')).toBe(true);
    expect(unwrap('heroku/router: at=info method=GET', ['heroku'])).toMatchObject({ inner: 'at=info method=GET', host: 'router' });
    expect(chainOf('my-app worker/web.1 hello')).toEqual([]);
  });

  it.each([
    // Heroku's drain lines as a Stack Overflow question quotes them ("Explain format of Heroku logs", 2014).
    ['<158>1 2014-08-04T18:28:43.078581+00:00 host heroku router - at=info method=GET path="/foo" host=app-name-7277.herokuapp.com request_id=e5bb3580-44b0-46d2-aad3-185263641044 fwd="50.168.96.221" dyno=web.1 connect=0ms service=2ms status=200 bytes=415', 'at=info method=GET path="/foo"'],
    // Octet-counted, as an HTTPS drain's body frames it (Timber's Heroku parsing docs).
    ['83 <40>1 2012-11-30T06:45:29+00:00 host app web.3 - State changed from starting to up', 'State changed from starting to up'],
  ])('reads a syslog drain line without structured data: %s', (line, start) => {
    expect(chainOf(line)[0]).toBe('syslog-5424');
    expect(unwrap(line, ['syslog-5424']).inner.startsWith(start)).toBe(true);
  });
});

describe('indentation', () => {
  it('takes the blanks before an indented line off (corpus: envoy-text/docs-csm-keycloak-uf-urx-sds.log)', () => {
    const line = corpusLine('envoy-text/docs-csm-keycloak-uf-urx-sds.log', 1);
    expect(chainOf(line)).toEqual(['indent']);
    expect(unwrap(line, ['indent']).inner).toBe(line.trimStart());
    expect(isLooseChain(['indent'])).toBe(true);
  });

  it('finds none on a line that starts with no blank', () => {
    expect(chainOf(corpusLine('envoy-text/docs-csm-keycloak-uf-urx-sds.log', 1).trimStart())).toEqual([]);
  });
});

describe('inline code', () => {
  // rjjfox/ab-test-calculator#3: the first line of a pasted block opened by a backtick, the others bare.
  it('strips a backtick before the line, and after it when kept, from any line, outside the chain', () => {
    const line = corpusLine('heroku/ab-test-calculator-3-inline-code.log', 1);
    expect(line.startsWith('`2020-12-02T17:55:31')).toBe(true);
    expect(unwrap(line, []).inner).toBe(line.slice(1));
    expect(unwrap('`10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "-"`', []).inner).toBe('10.0.0.1 - - [01/May/2024:10:00:00 +0000] "GET / HTTP/1.1" 200 5 "-" "-"');
    expect(unwrap('```', []).inner).toBe('```');
  });
});

describe('markdown quote', () => {
  // istio/istio#39758: an Istio sidecar line quoted in the description, with nothing else around it.
  it('strips "> " from a quoted line, and a file of such lines gets it as its chain (bare lines are read without an unwrapper)', () => {
    const line = corpusLine('envoy-text/istio-39758-md-quote-200-uf-grpc.log', 1);
    expect(line.startsWith('> [2022-07-03T06:20:43.573Z]')).toBe(true);
    expect(unwrap(line, []).inner).toBe(line.slice(2));
    expect(chainOf(line)).toEqual(['markdown-quote']);
    expect(unwrap('>x', []).inner).toBe('>x');
  });
});

describe('markdown bold', () => {
  // alextselegidis/plainpad#71: nginx's error line pasted in bold in the description.
  it('strips "**" from both ends of a bold line, and leaves a line with one pair or a bold run inside it alone', () => {
    const line = corpusLine('nginx-error/plainpad-71-markdown-bold-connect-refused.log', 1);
    expect(line.startsWith('**2024/01/18 15:36:46 [error]')).toBe(true);
    expect(unwrap(line, []).inner).toBe(line.slice(2, -2));
    expect(chainOf(line)).toEqual(['markdown-bold']);
    expect(unwrap('**x', []).inner).toBe('**x');
    expect(unwrap('** a **', []).inner).toBe('** a **');
  });
});
