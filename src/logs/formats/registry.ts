/**
 * The registry: every format the analyzer reads, one line each, and what follows from it (`--format` names, the
 * formats detection tries, a format's role, its parser). Adding a format takes its parser file, its id in
 * `FORMAT_IDS` (types.ts) and its line here; the compiler asks for the line once the id exists.
 */
import { HttpwhyError } from '../../errors.ts';
import { FORMAT_IDS, type FileRole, type FormatId } from '../types.ts';
import { AlbParser } from './alb.ts';
import { ApacheErrorParser } from './apache-error.ts';
import { HaproxyAlertParser } from './haproxy-alert.ts';
import { LighttpdErrorParser } from './lighttpd-error.ts';
import { LitespeedErrorParser } from './litespeed-error.ts';
import { VercelParser } from './vercel.ts';
import { ApiGatewayExecutionParser } from './apigateway-execution.ts';
import { AzureApimParser } from './azure-apim.ts';
import { GoHttputilParser } from './go-httputil.ts';
import { OAuth2ProxyParser } from './oauth2-proxy.ts';
import { FlyProxyParser } from './fly-proxy.ts';
import { AppJsonParser, type AppFieldOptions } from './app-json.ts';
import { AppTextParser } from './app-text.ts';
import { AzureAppGatewayParser } from './azure-appgw.ts';
import { AzureFrontDoorParser } from './azure-frontdoor.ts';
import { CaddyParser } from './caddy.ts';
import { CloudflareLogpushParser } from './cloudflare-logpush.ts';
import { GcpLbParser } from './gcp-lb.ts';
import { AwsElbParser } from './aws-elb.ts';
import { CloudFrontParser } from './cloudfront.ts';
import { EnvoyParser } from './envoy.ts';
import { EnvoyJsonParser } from './envoy-json.ts';
import { HaproxyParser } from './haproxy.ts';
import { IisW3cParser } from './iis-w3c.ts';
import { compileHaproxyFormat, isHaproxyFormat, type HaproxyFormat } from './haproxy-log-format.ts';
import type { LineParser } from './line-parser.ts';
import { NginxErrorParser } from './nginx-error.ts';
import { compileLogFormat, PRESET_FORMATS, type CompiledFormat } from './log-format.ts';
import { NginxFormatParser } from './nginx-format.ts';
import { nginxProxyManagerParser } from './nginx-proxy-manager.ts';
import { ingressNginxParser } from './ingress-nginx.ts';
import { SquidParser } from './squid.ts';
import { localZone, type TimeZone } from './time-zone.ts';
import { TraefikClfParser } from './traefik-clf.ts';
import { TraefikJsonParser } from './traefik-json.ts';
import { KongParser } from './kong.ts';
import { FastlyParser } from './fastly.ts';
import { BunnyCdnParser } from './bunny-cdn.ts';
import { S3AccessParser } from './s3-access.ts';
import { GorouterParser } from './gorouter.ts';
import { ZoraxyParser } from './zoraxy.ts';
import { HerokuRouterParser } from './heroku-router.ts';
import { TykParser } from './tyk.ts';
import { LinkerdParser } from './linkerd.ts';
import { ApiGatewayParser } from './aws-apigateway.ts';
import { SkipperParser } from './skipper.ts';
import { isKrakendMark, KrakendParser } from './krakend.ts';
import { CloudflaredParser, isCloudflaredMark } from './cloudflared.ts';
import { isKamalProxyMark, KamalProxyParser } from './kamal-proxy.ts';
import { AuthentikOutpostParser, isAuthentikOutpostMark } from './authentik-outpost.ts';
import { isTraefikLogMark, TraefikLogParser } from './traefik-log.ts';
import { VarnishlogParser } from './varnishlog.ts';
import { PoundParser } from './pound.ts';

export interface ParserOptions {
  appFields: AppFieldOptions;
  /** Request-id pattern for plain-text app logs (first capture group). */
  idPattern?: RegExp;
  /** The compiled `--format` string, for `nginx-custom` and `nginx-json`. */
  custom?: CompiledFormat;
  /** The compiled `--format` string, for `haproxy` given a log-format. */
  haproxy?: HaproxyFormat;
  /** `--tz`: the zone of times logged without one (HAProxy defaults to this machine's). */
  timeZone?: TimeZone;
  /**
   * The session has no access log, only app logs: the lines an app writes for each request it answered
   * (app-request-line.ts) are its requests. Beside an access log they are the app's side of the join instead.
   */
  appRequests?: boolean;
}

interface FormatEntry {
  /** What a file in this format holds (a file of a mixed format may hold only error lines: see detect.ts). */
  role: FileRole;
  /** Other names `--format` accepts. */
  aliases?: readonly string[];
  /** Read with an nginx log_format (given with --format or inferred), so neither named nor tried without one. */
  logFormat?: true;
  /** Its files interleave the app's own lines (Heroku's Logplex stream), read by the app formats. */
  withAppLines?: true;
  /**
   * Its lines are another program's too (KrakenD's are Gin's): detection tries it only on a sample with a line that
   * bears its own mark, and it reads no other format's file's lines (no fallback).
   */
  mark?: (line: string) => boolean;
  create(options: ParserOptions): LineParser;
}

const compiledPresets = new Map<keyof typeof PRESET_FORMATS, CompiledFormat>();

/** Presets are compiled once per process, so their generated scanners are too (format-scanner.ts caches per format). */
function presetParser(format: keyof typeof PRESET_FORMATS): LineParser {
  let compiled = compiledPresets.get(format);
  if (!compiled) compiledPresets.set(format, (compiled = compileLogFormat(PRESET_FORMATS[format])));
  return new NginxFormatParser(format, compiled);
}

function logFormatParser(format: 'nginx-custom' | 'nginx-json', options: ParserOptions): LineParser {
  if (!options.custom) throw new HttpwhyError('HW_ERR_LOGS_BAD_LOG_FORMAT', `${format} needs the log_format string as --format.`);
  return new NginxFormatParser(format, options.custom);
}

/** In detection order: proxy and web-server formats most specific first (ties go to the earlier one), then app logs. */
const FORMATS: Record<FormatId, FormatEntry> = {
  'ingress-nginx': { role: 'access', create: ingressNginxParser },
  'traefik-clf': { role: 'access', create: () => new TraefikClfParser() },
  // Before the CLF presets: its line is a combined one with Skipper's own fields after it.
  skipper: { role: 'access', aliases: ['zalando-skipper'], create: () => new SkipperParser() },
  krakend: { role: 'access', aliases: ['krakend-gin', 'lura'], mark: isKrakendMark, create: (o) => new KrakendParser(o.timeZone ?? localZone()) },
  'nginx-main': { role: 'access', create: () => presetParser('nginx-main') },
  'nginx-proxy-manager': { role: 'access', aliases: ['npm'], create: nginxProxyManagerParser },
  npmplus: { role: 'access', create: () => presetParser('npmplus') },
  'aws-eb-healthd': { role: 'access', aliases: ['healthd', 'elastic-beanstalk'], create: () => presetParser('aws-eb-healthd') },
  'atlassian-access': { role: 'access', aliases: ['confluence-access', 'jira-access'], create: () => presetParser('atlassian-access') },
  'atlassian-access-xff': { role: 'access', create: () => presetParser('atlassian-access-xff') },
  apisix: { role: 'access', aliases: ['apache-apisix'], create: () => presetParser('apisix') },
  // Before nginx-proxy, whose `$host` field would read Apache's `%v:%p` too.
  'apache-vhost-combined': { role: 'access', aliases: ['vhost_combined', 'vcombined'], create: () => presetParser('apache-vhost-combined') },
  // Before nginx-proxy, which would take BunkerWeb's request id and user for one user field.
  bunkerweb: { role: 'access', aliases: ['bunkerweb-access'], create: () => presetParser('bunkerweb') },
  'nginx-proxy': { role: 'access', aliases: ['vhost'], create: () => presetParser('nginx-proxy') },
  combined: { role: 'access', aliases: ['nginx', 'nginx-combined', 'apache', 'apache-combined'], create: () => presetParser('combined') },
  common: { role: 'access', aliases: ['apache-common', 'clf'], create: () => presetParser('common') },
  'nginx-custom': { role: 'access', logFormat: true, create: (o) => logFormatParser('nginx-custom', o) },
  'nginx-json': { role: 'access', logFormat: true, create: (o) => logFormatParser('nginx-json', o) },
  'nginx-error': { role: 'error', create: () => new NginxErrorParser() },
  'apache-error': { role: 'error', create: () => new ApacheErrorParser() },
  'lighttpd-error': { role: 'error', create: () => new LighttpdErrorParser() },
  'litespeed-error': { role: 'error', aliases: ['openlitespeed-error'], create: () => new LitespeedErrorParser() },
  'haproxy-alert': { role: 'error', aliases: ['haproxy-error'], create: () => new HaproxyAlertParser() },
  'fly-proxy': { role: 'error', aliases: ['fly', 'fly-logs'], create: () => new FlyProxyParser() },
  'go-httputil': { role: 'error', aliases: ['go-reverse-proxy', 'httputil'], create: () => new GoHttputilParser() },
  haproxy: { role: 'access', create: (o) => new HaproxyParser(o.timeZone ?? localZone(), o.haproxy) },
  squid: { role: 'access', aliases: ['squid-native'], create: () => new SquidParser() },
  alb: { role: 'access', aliases: ['aws-alb'], create: () => new AlbParser() },
  'aws-elb': { role: 'access', aliases: ['classic-elb'], create: () => new AwsElbParser() },
  'aws-apigateway': { role: 'access', aliases: ['api-gateway', 'apigateway'], create: () => new ApiGatewayParser() },
  'aws-apigateway-execution': { role: 'access', aliases: ['apigateway-execution', 'api-gateway-execution'], create: () => new ApiGatewayExecutionParser() },
  cloudfront: { role: 'access', aliases: ['aws-cloudfront'], create: () => new CloudFrontParser() },
  'iis-w3c': { role: 'access', aliases: ['iis'], create: () => new IisW3cParser() },
  envoy: { role: 'access', create: () => new EnvoyParser() },
  'envoy-json': { role: 'access', aliases: ['istio-json'], create: () => new EnvoyJsonParser() },
  caddy: { role: 'access', create: () => new CaddyParser() },
  'traefik-json': { role: 'access', aliases: ['traefik'], create: () => new TraefikJsonParser() },
  kong: { role: 'access', aliases: ['kong-file-log'], create: () => new KongParser() },
  tyk: { role: 'access', aliases: ['tyk-gateway'], create: () => new TykParser() },
  linkerd: { role: 'access', aliases: ['linkerd-proxy'], create: () => new LinkerdParser() },
  gorouter: { role: 'access', aliases: ['cf-gorouter', 'cloudfoundry'], create: () => new GorouterParser() },
  'heroku-router': { role: 'access', aliases: ['heroku', 'heroku-logs'], withAppLines: true, create: () => new HerokuRouterParser() },
  vercel: { role: 'access', aliases: ['vercel-runtime', 'vercel-logs'], create: () => new VercelParser() },
  'cloudflare-logpush': { role: 'access', aliases: ['cloudflare'], create: () => new CloudflareLogpushParser() },
  // zerolog's console lines are any Go program's: only a tunnel's own lines make a file cloudflared's.
  cloudflared: { role: 'access', aliases: ['cloudflare-tunnel'], mark: isCloudflaredMark, create: () => new CloudflaredParser() },
  // logrus's and zerolog's lines are any Go program's too: only Traefik's own error and round-trip lines mark its log.
  'traefik-log': { role: 'access', aliases: ['traefik-debug'], mark: isTraefikLogMark, create: () => new TraefikLogParser() },
  varnishlog: { role: 'access', aliases: ['varnish', 'vsl'], create: () => new VarnishlogParser() },
  pound: { role: 'access', create: () => new PoundParser() },
  'oauth2-proxy': { role: 'access', aliases: ['oauth2_proxy'], create: () => new OAuth2ProxyParser() },
  fastly: { role: 'access', aliases: ['fastly-json'], create: () => new FastlyParser() },
  'bunny-cdn': { role: 'access', aliases: ['bunny', 'bunnycdn'], create: () => new BunnyCdnParser() },
  's3-access': { role: 'access', aliases: ['s3', 'aws-s3'], create: () => new S3AccessParser() },
  'gcp-lb': { role: 'access', aliases: ['gcp', 'google-lb'], create: () => new GcpLbParser() },
  'azure-appgw': { role: 'access', aliases: ['application-gateway'], create: () => new AzureAppGatewayParser() },
  'azure-frontdoor': { role: 'access', aliases: ['front-door'], create: () => new AzureFrontDoorParser() },
  'azure-apim': { role: 'access', aliases: ['apim', 'api-management'], create: () => new AzureApimParser() },
  zoraxy: { role: 'access', create: (o) => new ZoraxyParser(o.timeZone ?? localZone()) },
  // slog's JSON records are any Go program's: only kamal-proxy's own messages and fields mark its log.
  'kamal-proxy': { role: 'access', aliases: ['kamal'], mark: isKamalProxyMark, create: () => new KamalProxyParser() },
  // Its records are JSON any program could write: only its logger names and its proxy's warning mark its log.
  'authentik-outpost': { role: 'access', aliases: ['authentik'], mark: isAuthentikOutpostMark, create: () => new AuthentikOutpostParser() },
  'app-json': { role: 'app', aliases: ['json'], create: (o) => new AppJsonParser(o.appFields, o.timeZone, o.appRequests) },
  'app-text': { role: 'app', aliases: ['text'], create: (o) => new AppTextParser(o.idPattern, o.timeZone, o.appRequests) },
};

const IDS = Object.keys(FORMATS) as FormatId[];

/** Proxy and web-server formats that read a file without a log_format, in detection order. */
export const PROXY_FORMATS: readonly FormatId[] = IDS.filter((id) => FORMATS[id].role !== 'app' && !FORMATS[id].logFormat);
export const APP_FORMATS: readonly FormatId[] = IDS.filter((id) => FORMATS[id].role === 'app');

/** The names `--format` takes, in the order of `FORMAT_IDS`. */
const FORMAT_NAMES: readonly FormatId[] = FORMAT_IDS.filter((id) => !FORMATS[id].logFormat);
const ALIASES = new Map(IDS.flatMap((id) => (FORMATS[id].aliases ?? []).map((alias) => [alias, id] as const)));

/** Error logs are read before access logs so their events can be linked while access lines stream by. */
export function isErrorFormat(format: FormatId): boolean {
  return FORMATS[format].role === 'error';
}

export function isAppFormat(format: FormatId): boolean {
  return FORMATS[format].role === 'app';
}

/** Whether detection may try `format` on these lines: always, unless it needs its mark on one of them. */
export function isMarkedIn(format: FormatId, lines: () => readonly string[]): boolean {
  const mark = FORMATS[format].mark;
  return mark === undefined || lines().some(mark);
}

/** Whether `format` may read the lines another format's file holds (mixed files): not one that needs its mark. */
export function readsOthersLines(format: FormatId): boolean {
  return FORMATS[format].mark === undefined;
}

/** A file of this format interleaves the app's own lines with the proxy's (Heroku's router). */
export function hasAppLines(format: FormatId): boolean {
  return FORMATS[format].withAppLines === true;
}

/** Read with an nginx log_format, given or inferred: `nginx-custom` and `nginx-json`. */
export function readsLogFormat(format: FormatId): boolean {
  return FORMATS[format].logFormat === true;
}

/** The format that reads lines written with a compiled log_format. */
export function logFormatId(custom: CompiledFormat): FormatId {
  return custom.json ? 'nginx-json' : 'nginx-custom';
}

/** `--format`: a format id, an alias, a HAProxy `log-format` string (`%ST`, `%{+Q}r`…) or an nginx `log_format` string (a `$variable`). */
export function resolveFormat(value: string): { format: FormatId; custom?: CompiledFormat; haproxy?: HaproxyFormat } {
  if (isHaproxyFormat(value)) return { format: 'haproxy', haproxy: compileHaproxyFormat(value) };
  if (value.includes('$')) {
    const custom = compileLogFormat(value);
    return { format: logFormatId(custom), custom };
  }
  const format = ALIASES.get(value) ?? FORMAT_NAMES.find((id) => id === value);
  if (!format) {
    throw new HttpwhyError('HW_ERR_LOGS_UNKNOWN_FORMAT', `Unknown log format "${value}". Use one of: ${FORMAT_NAMES.join(', ')}, or an nginx log_format or HAProxy log-format string.`, {
      format: value,
    });
  }
  return { format };
}

export function createParser(format: FormatId, options: ParserOptions): LineParser {
  return FORMATS[format].create(options);
}
