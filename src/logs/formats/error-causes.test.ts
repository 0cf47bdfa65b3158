import { describe, expect, it } from 'vitest';
import { wildLines } from '../../../test/logs/helpers.ts';
import { causeOfErrno, causeOfMessage, goErrorAddress, phaseOfMessage } from './error-causes.ts';

// Messages from fingerprints.md §1c (nginx), §4 (Caddy / Go) and §6 (Apache), and the lab captures.
describe('causeOfMessage', () => {
  it.each([
    ['connect() failed (111: Connection refused) while connecting to upstream', 'refused'],
    ['connect() to unix:/run/php/php8.2-fpm.sock failed (2: No such file or directory) while connecting to upstream', 'refused'],
    ['connect() to unix:/run/app.sock failed (11: Resource temporarily unavailable) while connecting to upstream', 'refused'],
    ['connect() to 10.0.0.5:80 failed (113: No route to host) while connecting to upstream', 'unreachable'],
    ['upstream timed out (110: Connection timed out) while reading response header from upstream', 'timeout'],
    ['upstream timed out (110: Connection timed out) while connecting to upstream', 'timeout'],
    ['upstream prematurely closed connection while reading response header from upstream', 'reset'],
    ['recv() failed (104: Connection reset by peer) while reading response header from upstream', 'reset'],
    ['upstream sent too big header while reading response header from upstream', 'header-too-big'],
    ['upstream sent invalid header: "Bad\\x01..." while reading response header from upstream', 'invalid-response'],
    // nginx's error log committed with a LEMP example (held-out set 114): an HTTP server behind fastcgi_pass.
    ['upstream sent unsupported FastCGI protocol version: 72 while reading response header from upstream', 'invalid-response'],
    ['upstream sent no valid HTTP/1.0 header while reading response header from upstream', 'non-http-reply'],
    ['no live upstreams while connecting to upstream', 'no-live-upstream'],
    // AzuraCast/AzuraCast#4534 (held-out logs set 52): the warn line for the first of two 502s
    ['upstream server temporarily disabled while connecting to upstream', 'connect-failed'],
    ['backend could not be resolved (3: Host not found)', 'dns'],
    // Kong's balancer (Kong/kong#6624's log)
    ['[lua] balancer.lua:900: execute(): DNS resolution failed: dns server error: 3 name error.', 'dns'],
    ['upstream SSL certificate verify error: (2:unable to get issuer certificate) while SSL handshaking to upstream', 'tls'],
    ['limiting requests, excess: 1.000 by zone "rl"', 'load-shed'],
    // nginx's own 500 for a try_files loop (held-out logs set 47, soozookaizokuhunter's docker logs)
    ['rewrite or internal redirection cycle while internally redirecting to "/index.html"', 'proxy-config'],
    // Apache 2.2's own 500 for a mod_rewrite loop (held-out logs set 142, flighttracker's error_log)
    ["Request exceeded the limit of 10 internal redirects due to probable configuration error. Use 'LimitInternalRecursion' to increase the limit if necessary. Use 'LogLevel debug' to get a backtrace.", 'proxy-config'],
    // Symfony's uncaught exception on PHP-FPM's stderr, relayed by nginx (held-out logs set 142, volga22's error log)
    ['FastCGI sent in stderr: "PHP message: 2022-03-23T18:12:32+00:00 [critical] Uncaught Exception: The path "security.providers" should have at least 1 element(s) defined" while reading upstream', 'app-error'],
    ['epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too', 'client-closed'],
    ['FastCGI sent in stderr: "PHP message: PHP Fatal error:  Uncaught Error: boom" while reading response header from upstream', 'app-error'],
    ['dial tcp 127.0.0.1:8080: connect: connection refused', 'refused'],
    ['net/http: timeout awaiting response headers', 'timeout'],
    ['EOF', 'reset'],
    ['net/http: HTTP/1.x transport connection broken: malformed HTTP status code "OK"', 'invalid-response'],
    ['dial tcp: lookup app on 127.0.0.11:53: no such host', 'dns'],
    ['context canceled', 'client-closed'],
    ['no upstreams available', 'no-live-upstream'],
    ['(111)Connection refused: AH00957: HTTP: attempt to connect to 127.0.0.1:8080 (localhost) failed', 'refused'],
    // PHP's fatal error first, whatever failure its message quotes (mechanics, a synthetic line: nginx's FastCGI relay of
    // a fatal error whose message quotes the app's own database refusing it).
    ['FastCGI sent in stderr: "PHP message: PHP Fatal error:  Uncaught PDOException: SQLSTATE[HY000] [2002] Connection refused in /app/db.php:12" while reading response header from upstream', 'app-error'],
    // Apache's mod_php (wild corpus: apache-error/app2-apache-error.log).
    ["PHP Parse error:  syntax error, unexpected '}', expecting end of file in /var/www/html/connection.php on line 13, referer: http://192.168.1.9:8832/login.php", 'app-error'],
    // nginx for Windows prints Winsock's codes and words (held-out logs set 136, a Node blog's nginx on Windows).
    ['connect() failed (10061: No connection could be made because the target machine actively refused it) while connecting to upstream', 'refused'],
    ['upstream timed out (10060: A connection attempt failed because the connected party did not properly respond after a period of time, or established connection failed because connected host has failed to respond) while reading response header from upstream', 'timeout'],
    ['WSARecv() failed (10054: An existing connection was forcibly closed by the remote host) while reading response header from upstream', 'reset'],
    ['(70007)The timeout specified has expired: AH01102: error reading status line from remote server localhost:8080', 'timeout'],
    ['(104)Connection reset by peer: AH01102: error reading status line from remote server localhost:8080', 'reset'],
    // Apache 2.2 writes mod_proxy's messages without AH codes.
    ['proxy: HTTP: disabled connection for (localhost)', 'no-live-upstream'],
  ])('%s', (message, cause) => expect(causeOfMessage(message)).toBe(cause));

  it("reads PHP-FPM's stderr as the script's words only: a warning is no failure, whatever it quotes (corpus: nginx-error/namthanh-eftk-wp-error.log)", () => {
    const warning = wildLines('nginx-error/namthanh-eftk-wp-error.log').find((l) => l.includes('FastCGI sent in stderr: "PHP message: PHP Warning'));
    const message = (warning ?? '').replace(/^.*?\*\d+ /, '');
    expect(message.startsWith('FastCGI sent in stderr:')).toBe(true);
    expect(causeOfMessage(message)).toBeNull();
    // Mechanics: a warning quoting a database's refused connection is still the script's, not the upstream's.
    expect(causeOfMessage('FastCGI sent in stderr: "PHP message: PHP Warning:  mysqli::__construct(): (HY000/2002): Connection refused in /app/db.php on line 3" while reading response header from upstream')).toBeNull();
  });

  it('ignores lines that are not about a request failing upstream', () => {
    expect(causeOfMessage('open() "/var/www/favicon.ico" failed (2: No such file or directory)')).toBeNull();
    expect(causeOfMessage('start worker process 29')).toBeNull();
    // A kept-alive connection closing between requests (held-out logs set 139's error log, at info level).
    expect(causeOfMessage('client closed connection while waiting for request, client: 127.0.0.1, server: 0.0.0.0:85')).toBeNull();
  });
});

/** The message of a corpus error log's first line with PHP's message on FastCGI's stderr and a phase. */
const stderrMessage = (file: string) => (wildLines(file).find((l) => l.includes('FastCGI sent in stderr: "PHP message:') && l.includes(' while ')) ?? '').replace(/^.*?\*\d+ /, '');

describe('phaseOfMessage', () => {
  it.each([
    ['upstream prematurely closed connection while reading upstream', 'body'],
    ['readv() failed (104: Connection reset by peer) while reading upstream', 'body'],
    ['upstream timed out (110: Connection timed out) while reading response header from upstream', 'header'],
    ['connect() failed (111: Connection refused) while connecting to upstream', 'header'],
    ['limiting requests, excess: 1.000 by zone "rl"', 'none'],
  ])('%s', (message, phase) => expect(phaseOfMessage(message)).toBe(phase));

  it("gives the app's message on FastCGI's stderr no body phase, whenever nginx read it (corpus: volga22's and magento2's error logs)", () => {
    expect(phaseOfMessage(stderrMessage('nginx-error/volga22-fpm-error.log'))).toBe('none');
    expect(phaseOfMessage(stderrMessage('nginx-error/magento2-fastcgi-error.log'))).toBe('header');
  });
});

describe('causeOfErrno', () => {
  it.each([
    [111, 'refused'],
    [110, 'timeout'],
    [70007, 'timeout'],
    [104, 'reset'],
    [70014, 'reset'],
    [113, 'unreachable'],
    [20014, null],
  ])('(%i) → %s', (errno, cause) => expect(causeOfErrno(errno)).toBe(cause));
});

describe('goErrorAddress', () => {
  it("names the upstream of a Go dial error and of a read on an open connection (corpus: traefik-log/portainer-swarm-traefik17-debug-lines-1-2000.log)", () => {
    const lines = wildLines('traefik-log/portainer-swarm-traefik17-debug-lines-1-2000.log');
    const message = (needle: string) => (lines.find((l) => l.includes(needle)) as string).replace(/^.*caused by: /, '');
    expect(goErrorAddress(message('caused by: dial tcp'))).toBe('10.11.0.119:9000');
    expect(goErrorAddress(message('caused by: read tcp'))).toBe('10.0.26.3:9000');
    expect(goErrorAddress('context canceled')).toBe('');
  });
});
