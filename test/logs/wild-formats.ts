/**
 * The wild corpus's format slugs (`test/fixtures/logs/wild/corpus.tsv`, column `format`) and the httpwhy format ids
 * that are right for a file of that slug. Slugs of formats httpwhy does not read yet map to the id the format is
 * expected to get (issue #13 §3): their rows are in KNOWN_GAPS (wild-known-gaps.ts) until it exists; a format that
 * lands under another id is renamed here.
 */
export const WILD_FORMATS: Record<string, readonly string[]> = {
  // Apache's `combined` and `common` differ only by the two trailing quoted fields; a file mixing both reads as common.
  // Apache's `vhost_combined` is `combined` with `%v:%p` first (Debian's other_vhosts_access.log).
  'apache-combined': ['combined', 'common', 'apache-vhost-combined'],
  // Held-out collectors' names: Apache's `common`, and nginx-proxy's `vhost` (combined with the virtual host first).
  'apache-common': ['common'],
  'nginx-vhost-combined': ['nginx-proxy'],
  'apache-vhost-combined': ['apache-vhost-combined'],
  'apache-error': ['apache-error'],
  'app-text': ['app-text'],
  'app-json': ['app-json'],
  // Apache with a LogFormat of its own (`(%T s)` between the time and the request): read by a log_format inferred
  // from its lines, so it lands under nginx-custom, the id of every inferred text format.
  'apache-custom': ['nginx-custom'],
  common: ['common'],
  // Bunny CDN's pipe-separated log lines (Logging API v1).
  'bunny-cdn': ['bunny-cdn'],
  // authentik's outposts' JSON log (logger authentik.outpost.…): the proxy outpost's requests and its own 502s.
  'authentik-outpost-json': ['authentik-outpost'],
  'aws-alb': ['alb'],
  // Formats held-out sets 32 and 33 brought that httpwhy does not read (known gaps): nginx's JSON error log, Tyk's
  // logfmt access log, Gorouter's JSON process log, Fly.io's and Traefik's process logs.
  'nginx-error-json': ['nginx-error'],
  // Skipper's access log (text or JSON) with its own [APP] error lines.
  skipper: ['skipper'],
  // Held-out sets 42 and 43's names: API Gateway's access log as CloudWatch stores it; Gloo's access log is Envoy's JSON;
  // Kong's file-log JSON is read by kong; Jetty's and Tomcat's request logs are NCSA lines (common or combined); app
  // servers' own request lines (uvicorn, uWSGI, Rails) are app text. Not read yet (known gaps): App Service's HTTP log
  // records, Couchbase's access log, pino's JSON records, morgan's custom format, OpenStack's WSGI lines.
  'aws-apigateway-json': ['aws-apigateway'],
  'gloo-json': ['envoy-json'],
  'kong-file-log-json': ['kong'],
  'jetty-access': ['combined', 'common'],
  'tomcat-access': ['common', 'combined', 'atlassian-access', 'atlassian-access-xff'],
  // Held-out sets 88 and 89: Apache's access and error lines in one file; gunicorn's error log at debug level and its
  // access lines in one file; morgan's `common` format. Bitbucket Server's access log (` | `-separated fields) is not
  // read yet (a known gap).
  'apache-access-error-mixed': ['common', 'combined', 'apache-error'],
  'gunicorn-mixed': ['combined'],
  'morgan-common': ['common'],
  'bitbucket-access': ['bitbucket-access'],
  // Held-out set 91: Envoy lines in a custom key=value format and one entry copied as a viewer's field table; linkerd2-proxy's
  // own diagnostic lines (no request in them). Not read as such yet (known gaps).
  'envoy-kv': ['envoy'],
  'envoy-field-table': ['envoy'],
  'linkerd-proxy-log': ['linkerd-proxy'],
  uvicorn: ['app-text'],
  uwsgi: ['app-text'],
  'rails-log': ['app-text'],
  // Caddy 1's access log in a custom format of its own (its `log` directive's placeholders).
  'caddy-v1-custom': ['caddy'],
  // Django's own logging (its logger lines and tracebacks), Mojolicious's development log, and node-restify's bunyan
  // audit records (JSON): apps' own logs.
  'django-logging': ['app-text'],
  mojolicious: ['app-text'],
  'restify-bunyan-audit': ['app-json'],
  // Apache Traffic Server's custom log formats (its tests' gold files): its squid-like result codes, fields of its own.
  'apache-traffic-server': ['squid'],
  // Grafana's own server log in JSON (its data-source proxy's line for a 502 among them).
  grafana: ['app-json'],
  // Grafana's dskit HTTP middleware's request line in logfmt (Loki, Mimir, Pyroscope): the app server's own.
  'dskit-http-logfmt': ['app-text'],
  // Traefik 3's own log in JSON (zerolog), not its access log.
  'traefik-log-json': ['traefik-log'],
  'azure-appservice-http': ['azure-appservice'],
  'couchbase-http-access': ['couchbase'],
  'pino-json': ['app-json'],
  'morgan-custom': ['app-text'],
  'openstack-wsgi': ['app-text'],
  // Held-out set 41's: AWS NLB's TLS access log (no HTTP requests in it), CloudFront's real-time log records (Kinesis),
  // an IIS request stored as a Windows event: not read yet, known gaps. LiteSpeed's access log is the combined format.
  'aws-nlb': ['aws-nlb'],
  'cloudfront-realtime': ['cloudfront-realtime'],
  'iis-xml-event': ['iis-xml-event'],
  // A combined line with one quoted field more (the DuckDB HTTP server's, set 49) is nginx's `main` layout.
  combined: ['combined', 'nginx-main'],
  'tyk-logfmt': ['tyk'],
  // KrakenD's access lines are Gin's logger (`[GIN] date | status | latency | client | METHOD "path"`), each 500 of the
  // gateway's own followed by Lura's `Error #01: Invalid status code`: no format reads them as the gateway's yet.
  'krakend-gin': ['krakend'],
  'gorouter-json': ['gorouter'],
  'fly-logs': ['fly-proxy'],
  'traefik-log': ['traefik-log'],
  // Railway's HTTP logs as JSON (railway logs --json): read by a JSON format inferred from its keys.
  'railway-http-json': ['nginx-json'],
  'aws-elb': ['aws-elb'],
  'azure-appgw': ['azure-appgw'],
  'azure-frontdoor': ['azure-frontdoor'],
  zoraxy: ['zoraxy'],
  npmplus: ['npmplus'],
  // Held-out set 107: Elastic Beanstalk's enhanced health log (its nginx's `log_format healthd`).
  'aws-eb-healthd': ['aws-eb-healthd'],
  fastly: ['fastly'],
  // Caddy's access and error lines are one JSON format, told apart by their logger.
  'caddy-error': ['caddy'],
  // Caddy v1's errors directive lines, read by the same parser; its `log` directive writes the Common Log Format.
  'caddy-v1-error': ['caddy'],
  'caddy-v1-common': ['common'],
  'caddy-json': ['caddy'],
  // Caddy 2's early `common_log` field: the Common Log Format.
  'caddy-common': ['common'],
  // Caddy's console encoder (its default on a terminal): the same records, read by the same parser.
  'caddy-console': ['caddy'],
  'cloudflare-logpush': ['cloudflare-logpush'],
  cloudfront: ['cloudfront'],
  // Emissary (Ambassador) writes Envoy's text format after an `ACCESS ` prefix.
  emissary: ['envoy'],
  'envoy-json': ['envoy-json'],
  // Kuma's MeshAccessLog default: Envoy's text format with the mesh's name after the time (held-out set 101).
  'kuma-access': ['envoy'],
  'envoy-text': ['envoy'],
  'gcp-lb': ['gcp-lb'],
  gorouter: ['gorouter'],
  heroku: ['heroku-router'],
  'haproxy-custom': ['haproxy'],
  'haproxy-http': ['haproxy'],
  'haproxy-tcp': ['haproxy'],
  'iis-w3c': ['iis-w3c'],
  // HTTP.sys's error log (HTTPERR): the same W3C reader, each 5xx HTTP.sys's by its s-reason field.
  'iis-httperr': ['iis-w3c'],
  // An IIS excerpt trimmed to four fields, its header without `#Fields:`: the IIS reader's, once read.
  'iis-w3c-trimmed': ['iis-w3c'],
  // Cilium Hubble's flow lines: not read yet (known gap), expected under their own id.
  'hubble-observe': ['hubble-observe'],
  // Gunicorn's error log without its time and pid: an application server's own lines.
  'gunicorn-error': ['app-text'],
  // The W3C extended format as other servers write it (Oracle Web Cache): read by the same parser.
  'w3c-extended': ['iis-w3c'],
  'ingress-nginx': ['ingress-nginx'],
  // Kong's proxy access log is nginx's, in the log_format Kong's template sets (JSON in some installs); its http-log
  // plugin's JSON is `kong`. Its container's output mixes nginx's error lines with the access lines.
  kong: ['kong', 'nginx-json', 'nginx-main', 'combined', 'nginx-error'],
  // nginx's default `main` is `combined` plus "$http_x_forwarded_for".
  'nginx-combined': ['combined', 'nginx-main'],
  // Held-out collectors file nginx's `main` layout (combined plus "$http_x_forwarded_for") and nginx-proxy's `vhost`
  // as custom formats: httpwhy reads both as the named layouts they are.
  'nginx-custom': ['nginx-custom', 'nginx-main', 'nginx-proxy'],
  'nginx-proxy-manager': ['nginx-proxy-manager'],
  // nginx-proxy's `vhost` format: `combined` with the virtual host first.
  'nginx-proxy': ['nginx-proxy'],
  'nginx-error': ['nginx-error'],
  'nginx-json': ['nginx-json'],
  squid: ['squid'],
  // Squid with a custom logformat: read with the native parser only when its fields are the native ones' (a known gap otherwise).
  'squid-custom': ['squid'],
  'traefik-clf': ['traefik-clf'],
  'traefik-json': ['traefik-json'],
  // Istio ambient mode's ztunnel (L4 connection records): not read yet, a known gap.
  ztunnel: ['ztunnel'],
  // The Tomcat connector's own log and IIS's native comma-separated log: no format of their own yet, known gaps.
  'mod-jk-log': ['mod-jk'],
  'iis-native': ['iis-native'],
  // Held-out sets 38 and 39: varnishncsa's default format is the combined one; lighttpd's and APISIX's access logs are
  // an nginx-style layout of their own, read through an inferred log_format (lighttpd's default accesslog.format is the
  // combined one, read as such); Linkerd's proxy log, apache or JSON, is
  // linkerd; go-httpbin's logfmt request log is an app's, not read as such yet (a known gap).
  varnishncsa: ['combined'],
  varnishlog: ['varnishlog'],
  'pound-log': ['pound'],
  // Held-out set 49's formats httpwhy does not read yet (known gaps): OpenBSD httpd's access line (the server's name
  // before the common format) and tiny-ssl-reverse-proxy's own Go log lines.
  'openbsd-httpd': ['common'],
  'tiny-ssl-reverse-proxy': ['app-text'],
  // Held-out set 48's: cPanel's cpsrvd access log (combined-like, a numeric month, two fields and the port more; a
  // known gap) and LiteSpeed's (CyberPanel's) error log.
  'cpanel-cpsrvd': ['combined'],
  'litespeed-error': ['litespeed-error'],
  'lighttpd-error': ['lighttpd-error'],
  // Held-out set 56: Pi-hole's lighttpd accesslog.format with pipes (`%{%s}t|%V|%r|%s|%b`), read by no format yet.
  'lighttpd-custom': ['nginx-custom'],
  // Held-out set 57: Akamai DataStream 2's JSON records, read by no format yet (a known gap).
  'akamai-datastream2': ['akamai-datastream2'],
  // Held-out set 108: Akamai's older Cloud Monitor JSON records and Transparent Edge's CDN access lines, read by no
  // format yet (known gaps).
  'akamai-cloud-monitor': ['akamai-cloud-monitor'],
  'transparentedge-cdn': ['transparentedge-cdn'],
  // Held-out sets 111 and 112: Traefik's stdout with its own log lines and access lines interleaved (either of its
  // log formats beside CLF or JSON); a log parser's made-up Akamai records, read by no format yet (a known gap).
  'traefik-mixed': ['traefik-clf', 'traefik-json', 'traefik-log'],
  'akamai-fixture-json': ['akamai-datastream2'],
  // Held-out set 58: PHP-FPM's and Puma's own logs (no requests in them), app servers' lines.
  'php-fpm-error': ['app-text'],
  puma: ['app-text'],
  // Held-out set 59: IIS Advanced Logging writes W3C's layout under its #Fields line; ASP.NET Core's console logger
  // is an app's text.
  'iis-advanced-logging': ['iis-w3c'],
  'aspnetcore-console': ['app-text'],
  'lighttpd-access': ['nginx-custom', 'combined'],
  apisix: ['apisix', 'nginx-custom'],
  'linkerd-json': ['linkerd'],
  'linkerd-access': ['linkerd'],
  'httpbin-logfmt': ['app-text'],
  // Held-out set 45: Cloudflare Tunnel's connector log (not read yet, a known gap), and a Cloud Run request LogEntry,
  // the Google Cloud LogEntry shape the gcp-lb reader takes for load balancers (a known gap while pretty-printed).
  cloudflared: ['cloudflared'],
  // Held-out set 46: application servers' own request logs. gunicorn's default access format and morgan's `combined`
  // are the combined format itself; Django's runserver, Gin's logger and Phoenix's Plug.Logger lines are an app's text
  // log; Serilog's and express-winston's JSON request records are an app's JSON log; a paste of gunicorn's and nginx's
  // lines together is read by nginx's formats.
  'gunicorn-access': ['combined'],
  'morgan-combined': ['combined'],
  'django-server': ['app-text'],
  'gin-logger': ['app-text'],
  'phoenix-logger': ['app-text'],
  'serilog-aspnetcore': ['app-text', 'app-json'],
  'express-winston-json': ['app-json'],
  'mixed-gunicorn-nginx': ['nginx-error', 'nginx-main', 'combined'],
  // Held-out set 47: Werkzeug's request lines are an app's text log (inside a CloudWatch export: a known gap).
  werkzeug: ['app-text'],
  'gcp-cloudrun-request': ['gcp-lb'],
  // Held-out set 61: HAProxy's JSON log-format lines are HAProxy's, read by their keys; HAProxy's own alert and warning
  // lines (a server down, a backend with no server) are an error log httpwhy does not read yet.
  'haproxy-json': ['haproxy'],
  'haproxy-alert': ['haproxy-alert'],
  // Held-out set 64: caching and forward proxies. A Traffic Server custom or LTSV format is an inferred log_format;
  // the other slugs name formats httpwhy does not read yet (Varnish's JSON varnishncsa format, varnishd's own syslog
  // lines, Traffic Server's error.log, tinyproxy's and Privoxy's logs, Squid's cache.log).
  'ats-custom': ['nginx-custom'],
  'ats-ltsv': ['nginx-custom'],
  'varnishncsa-json': ['varnishncsa-json'],
  'varnishd-syslog': ['varnishd'],
  'ats-error': ['ats-error'],
  'tinyproxy-log': ['tinyproxy'],
  'privoxy-log': ['privoxy'],
  'squid-cache-log': ['squid-cache'],
  'aws-apigateway-execution': ['aws-apigateway-execution'],
  'azure-apim-gatewaylogs': ['azure-apim'],
  'gcp-api-gateway': ['esp-v2'],
  'gcp-logs-explorer-summary': ['gcp-lb'],
  'netlify-function-log': ['netlify'],
  'reactor-netty-clf': ['common', 'nginx-custom'],
  'vercel-runtime-log': ['vercel'],
  'aws-alb-athena-table': ['alb'],
  'aws-waf': ['aws-waf'],
  'bunkerweb-access': ['bunkerweb'],
  'mixed-uwsgi-nginx': ['nginx-proxy', 'app-text'],
  'modsecurity-json': ['modsecurity'],
  'modsecurity-native': ['modsecurity'],
  'openappsec-json': ['openappsec'],
  // Held-out set 70: nginx's access and error lines in one s6 log (Frigate's add-on), a Go reverse proxy's
  // "http: proxy error" lines, and formats httpwhy does not read yet (known gaps): an Envoy access record's labels
  // cut from a metric line, oauth2-proxy's own access log, Pomerium's JSON log, tsdproxy's zerolog line.
  'nginx-access-error-mixed': ['nginx-error', 'nginx-main', 'combined'],
  // Held-out sets 73 and 74's names: nginx's main format by its own name; alp's LTSV example (read by a format inferred
  // from its keys, the id of every inferred format); CloudFront's streaming (RTMP) distribution log, CloudFront's own
  // W3C file; the Zeus/Stingray Traffic Manager access log (an NCSA line with fields of its own, inferred). Zeus's
  // event log is not read yet (a known gap).
  'nginx-main': ['nginx-main', 'combined'],
  'ltsv-access': ['nginx-custom'],
  'cloudfront-rtmp': ['cloudfront'],
  'zeus-ztm-access': ['nginx-custom'],
  'zeus-ztm-event': ['zeus-event'],
  // Held-out set 75's: the klog lines of a Kubernetes controller (ingress-nginx's start-up banner), not read yet.
  klog: ['klog'],
  // Held-out set 76's: Unicorn's process log and PHP-FPM's pool access log (`%R - %u %t "%m %r" %s`) are an application
  // server's own lines, read as app text.
  'unicorn-log': ['app-text'],
  'php-fpm-access': ['app-text'],
  // Held-out set 81's: Lotus Domino's access log (the virtual host second) and S3's server access log, not read yet.
  'domino-http-access': ['domino'],
  's3-server-access': ['s3-access'],
  // Held-out set 77's: kamal-proxy's JSON log (msg "Request" with status, target and service).
  'kamal-proxy-json': ['kamal-proxy'],
  'go-httputil-proxy-error': ['go-httputil'],
  'envoy-label-fragment': ['envoy'],
  // Envoy's own component log (`[2019-10-14 10:56:06.963][326][debug][router] …`): read by Envoy's reader beside its
  // access lines, whose local replies for an upstream's failure it counts.
  'envoy-debug-log': ['envoy'],
  // nghttpx's access log: CLF-like by default (accesslog-format), read as combined or common.
  'nghttpx-access': ['combined', 'common'],
  // istiod's own log (Istio's control plane): an application's log, with no request in it.
  'istio-ctrl-log': ['app-text'],
  // Cloudflare Logpush's HTTP requests in its CSV output: no reader yet.
  'cloudflare-logpush-csv': ['cloudflare-logpush'],
  // Flynn's router logging in logfmt through Flynn's log aggregator (`app[…]: t=… lvl=eror msg="retriable dial error"
  // app=router`): a router's own error lines, which no reader takes yet.
  'flynn-router-logfmt': ['flynn-router'],
  'oauth2-proxy-access': ['oauth2-proxy'],
  'pomerium-json': ['envoy-json'],
  'tsdproxy-zerolog': ['tsdproxy'],
  // Held-out set 71: log4js's connect logger (an app's own request lines, read as app text), and noxis-shield's JSON
  // records, read by an inferred JSON format (a known gap).
  'log4js-access': ['app-text'],
  'noxis-json': ['noxis'],
  // Held-out set 72: `linkerd viz tap` output (req, rsp and end events of one request), not read yet (a known gap).
  'linkerd-tap': ['linkerd'],
  // Held-out sets 131 and 132: 3proxy's own log (not read yet, a known gap); APISIX's JSON access record printed over
  // several lines (its log_format is nginx's JSON); Consul's agent lines (an application's log); Envoy's own trace
  // lines as Istio's sidecar writes them.
  '3proxy': ['3proxy'],
  'apisix-json-pretty': ['nginx-json'],
  consul: ['app-text'],
  'istio-proxy-log': ['envoy'],
  // Held-out set 133: Zeek's http.log, SHOUTcast's W3C-like log and Azure CDN's JSON access log, not read yet (known gaps).
  'zeek-http': ['zeek-http'],
  shoutcast: ['iis-w3c'],
  'azure-cdn': ['azure-frontdoor'],
  // Held-out sets 135 and 136: true-log's JSON request lines and a Spring Boot application's log (apps' logs), a Node
  // app's own request log with no status field (not read as requests, a known gap).
  'true-log-json': ['app-json'],
  'spring-boot': ['app-text'],
  'nodejs-custom': ['app-text'],
  // Held-out sets 137 and 138: Laravel's own log (an app's text), HAProxy's connection lines under syslog (its own log).
  'laravel-log': ['app-text'],
  'haproxy-connect': ['haproxy-alert'],
  // Held-out set 140: parser test fixtures of formats httpwhy does not read (F5 BIG-IP iRule logs, F5 Distributed Cloud
  // and UBIKA events, Logstash's and Fauna's own logs) and Gravitee's reporter log (known gaps).
  'f5-big-ip': ['f5-big-ip'],
  'f5-distributed-cloud': ['f5-distributed-cloud'],
  'ubika-cloud-protector-traffic': ['ubika-cloud-protector'],
  gravitee: ['gravitee'],
  'logstash-log': ['app-text'],
  'fauna-query-log': ['app-json'],
  // Held-out set 141: self-hosted apps' own logs (Gitea's router log, Immich's NestJS lines, Jellyfin's, authentik's JSON).
  gitea: ['app-text'],
  nestjs: ['app-text'],
  jellyfin: ['app-text'],
  authentik: ['app-json'],
  // Held-out sets 142 to 145: Apache's LogFormat written as JSON (read by a log_format inferred from its lines, so
  // under nginx-json, the id of every inferred JSON format); Fastify's pino lines; Citrix ADC's syslog events (no
  // request lines; not read yet); Undertow's (Spring Boot's) NCSA request log.
  'apache-json': ['nginx-json'],
  fastify: ['app-json'],
  'citrix-netscaler': ['citrix-netscaler'],
  undertow: ['common', 'combined'],
  // Held-out sets 146 to 150: Apache Traffic Control's Traffic Router access log and PingAccess's log (not read yet);
  // Harbor's proxy (nginx with a log_format of its own, no time); harbor-core's Beego router lines, Synapse's log and
  // Ghost's bunyan JSON, an app's text and JSON.
  'traffic-router-access': ['traffic-router-access'],
  'pingaccess-log': ['pingaccess-log'],
  harbor: ['nginx-custom'],
  beego: ['app-text'],
  synapse: ['app-text'],
  'ghost-bunyan-json': ['app-json'],
};

/**
 * Corpus format slugs of access logs an application server writes itself (gunicorn's and morgan's combined lines,
 * Tomcat's and Jetty's NCSA request logs): nothing on a line says so, so their files are analysed as a user who knows
 * it would, with `--written-by app`.
 */
export const WRITTEN_BY_APP: ReadonlySet<string> = new Set(['gunicorn-access', 'gunicorn-mixed', 'morgan-combined', 'morgan-common', 'morgan-custom', 'tomcat-access', 'jetty-access', 'reactor-netty-clf', 'log4js-access', 'couchbase-http-access', 'undertow']);
