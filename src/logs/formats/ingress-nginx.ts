/**
 * ingress-nginx's access lines: its default `log-format-upstream` as each release line wrote it, newest first. Files
 * from old clusters and old issues are still pasted, and a line read as plain `combined` would lose the upstream
 * fields that say whether the controller's nginx answered itself.
 */
import { compileLogFormat, PRESET_FORMATS } from './log-format.ts';
import { NginxVariantsParser } from './nginx-variants.ts';

const RELEASE_LAYOUTS = [
  // Since 0.25 (kubernetes/ingress-nginx@17e788b8e11536e037e52cfd56e5849e7bb5405f internal/ingress/controller/config/config.go).
  PRESET_FORMATS['ingress-nginx'],
  // 0.9 to 0.24 (kubernetes/ingress-nginx@9c6201b79a8b4 internal/ingress/controller/config/config.go): the client's
  // address twice, no alternative upstream; before 0.10 without `$req_id`, and with X-Forwarded-For in the brackets.
  '$the_real_ip - [$the_real_ip] - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_length $request_time [$proxy_upstream_name] $upstream_addr $upstream_response_length $upstream_response_time $upstream_status $req_id',
  '$remote_addr - [$proxy_add_x_forwarded_for] - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_length $request_time [$proxy_upstream_name] $upstream_addr $upstream_response_length $upstream_response_time $upstream_status',
  // 2016, the controller in kubernetes/contrib: no upstream name either (its lines in the wild corpus:
  // ingress-nginx/contrib-1047-early-controller-503-loop.log).
  '$remote_addr - [$proxy_add_x_forwarded_for] - $remote_user [$time_local] "$request" $status $body_bytes_sent "$http_referer" "$http_user_agent" $request_length $request_time $upstream_addr $upstream_response_length $upstream_response_time $upstream_status',
].map(compileLogFormat);

/**
 * The controller's own default server, which its nginx serves itself and puts in a Service's upstream when the Service
 * has no endpoints (and for requests no rule matches): DefaultEndpoint() is 127.0.0.1 on --default-server-port, 8181
 * unless changed (kubernetes/ingress-nginx@dbb11b92d internal/ingress/controller/nginx.go, pkg/flags/flags.go).
 */
const DEFAULT_SERVER = '127.0.0.1:8181';

export const ingressNginxParser = () => new NginxVariantsParser('ingress-nginx', RELEASE_LAYOUTS, DEFAULT_SERVER);
