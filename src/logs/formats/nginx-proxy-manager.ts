/**
 * Nginx Proxy Manager's access logs. Its nginx configuration defines two formats (NginxProxyManager/
 * nginx-proxy-manager, docker/rootfs/etc/nginx/conf.d/include/log.conf at 0b09f03f496fc73b39512810a80584216f61a3fd,
 * the same in log-proxy.conf): `proxy`, written by proxy hosts, and `standard`, written by redirection hosts, dead
 * hosts (404 hosts) and the default site, which has no upstream fields. One file holds one of them; this parser reads
 * both, so either is detected as Nginx Proxy Manager's.
 */
import { compileLogFormat, PRESET_FORMATS } from './log-format.ts';
import { NginxVariantsParser } from './nginx-variants.ts';

/** `log_format standard` of log.conf. */
const NPM_STANDARD_FORMAT =
  '[$time_local] $status - $request_method $scheme $host "$request_uri" [Client $remote_addr] [Length $body_bytes_sent] [Gzip $gzip_ratio] "$http_user_agent" "$http_referer"';

const PROXY = compileLogFormat(PRESET_FORMATS['nginx-proxy-manager']);
const STANDARD = compileLogFormat(NPM_STANDARD_FORMAT);

/** Proxy hosts' layout first: most files are theirs. */
export const nginxProxyManagerParser = () => new NginxVariantsParser('nginx-proxy-manager', [PROXY, STANDARD]);
