/**
 * Nginx Proxy Manager's access logs. Its nginx configuration defines two formats (NginxProxyManager/
 * nginx-proxy-manager, docker/rootfs/etc/nginx/conf.d/include/log.conf at 0b09f03f496fc73b39512810a80584216f61a3fd,
 * the same in log-proxy.conf): `proxy`, written by proxy hosts, and `standard`, written by redirection hosts, dead
 * hosts (404 hosts) and the default site, which has no upstream fields. One file holds one of them; this parser reads
 * both, so either is detected as Nginx Proxy Manager's.
 */
import type { AccessRecord } from '../types.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';
import { compileLogFormat, PRESET_FORMATS } from './log-format.ts';
import { NginxFormatParser } from './nginx-format.ts';

/** `log_format standard` of log.conf. */
const NPM_STANDARD_FORMAT =
  '[$time_local] $status - $request_method $scheme $host "$request_uri" [Client $remote_addr] [Length $body_bytes_sent] [Gzip $gzip_ratio] "$http_user_agent" "$http_referer"';

const PROXY = compileLogFormat(PRESET_FORMATS['nginx-proxy-manager']);
const STANDARD = compileLogFormat(NPM_STANDARD_FORMAT);

export class NginxProxyManagerParser extends BaseParser {
  readonly format = 'nginx-proxy-manager' as const;
  private readonly proxy = new NginxFormatParser('nginx-proxy-manager', PROXY);
  private readonly standard = new NginxFormatParser('nginx-proxy-manager', STANDARD);
  private last: NginxFormatParser = this.proxy;

  parse(buf: Buffer, text: string, start: number, end: number): LineKind {
    let kind = this.proxy.parse(buf, text, start, end);
    this.last = this.proxy;
    if (kind === KIND.none) {
      kind = this.standard.parse(buf, text, start, end);
      this.last = this.standard;
    }
    if (kind === KIND.access) {
      this.status = this.last.status;
      this.timeMs = this.last.timeMs;
      this.tzOffsetMin = this.last.tzOffsetMin;
      this.flagged = this.last.flagged;
    }
    return kind;
  }

  override access(): AccessRecord {
    return this.last.access();
  }
}
