import { describe, expect, it } from 'vitest';
import type { FormatId } from '../types.ts';
import { APP_FORMATS, isAppFormat, isErrorFormat, PROXY_FORMATS, resolveFormat } from './registry.ts';

describe('resolveFormat', () => {
  it('takes ids, aliases and log_format strings', () => {
    expect(resolveFormat('haproxy')).toEqual({ format: 'haproxy' });
    expect(resolveFormat('nginx').format).toBe('combined');
    expect(resolveFormat('apache-common').format).toBe('common');
    expect(resolveFormat('cloudflare').format).toBe('cloudflare-logpush');
    expect(resolveFormat('istio-json').format).toBe('envoy-json');
    expect(resolveFormat('iis').format).toBe('iis-w3c');
    expect(resolveFormat('$remote_addr $status').custom?.variables).toEqual(['remote_addr', 'status']);
  });

  // Names of Object.prototype are no aliases: they once slipped through a plain-object lookup as formats.
  it.each(['nginx-custom', 'nginx-json', 'constructor', 'toString'])('rejects %s with HW_ERR_LOGS_UNKNOWN_FORMAT and the names it takes', (name) => {
    expect(() => resolveFormat(name)).toThrow(
      expect.objectContaining({
        code: 'HW_ERR_LOGS_UNKNOWN_FORMAT',
        message: `Unknown log format "${name}". Use one of: combined, common, apache-vhost-combined, nginx-main, nginx-proxy-manager, npmplus, aws-eb-healthd, atlassian-access, atlassian-access-xff, apisix, bunkerweb, nginx-proxy, ingress-nginx, traefik-clf, nginx-error, apache-error, lighttpd-error, litespeed-error, haproxy-alert, fly-proxy, go-httputil, haproxy, squid, alb, aws-elb, aws-apigateway, aws-apigateway-execution, cloudfront, iis-w3c, envoy, envoy-json, caddy, traefik-json, kong, tyk, linkerd, skipper, krakend, gorouter, heroku-router, vercel, cloudflare-logpush, cloudflared, traefik-log, varnishlog, pound, oauth2-proxy, fastly, bunny-cdn, s3-access, gcp-lb, azure-appgw, azure-frontdoor, azure-apim, zoraxy, kamal-proxy, authentik-outpost, app-json, app-text, or an nginx log_format or HAProxy log-format string.`,
      }),
    );
  });
});

describe('the registry', () => {
  it('tries proxy formats most specific first, and never nginx-custom without a log_format', () => {
    expect(PROXY_FORMATS).toEqual(['ingress-nginx', 'traefik-clf', 'skipper', 'krakend', 'nginx-main', 'nginx-proxy-manager', 'npmplus', 'aws-eb-healthd', 'atlassian-access', 'atlassian-access-xff', 'apisix', 'apache-vhost-combined', 'bunkerweb', 'nginx-proxy', 'combined', 'common', 'nginx-error', 'apache-error', 'lighttpd-error', 'litespeed-error', 'haproxy-alert', 'fly-proxy', 'go-httputil', 'haproxy', 'squid', 'alb', 'aws-elb', 'aws-apigateway', 'aws-apigateway-execution', 'cloudfront', 'iis-w3c', 'envoy', 'envoy-json', 'caddy', 'traefik-json', 'kong', 'tyk', 'linkerd', 'gorouter', 'heroku-router', 'vercel', 'cloudflare-logpush', 'cloudflared', 'traefik-log', 'varnishlog', 'pound', 'oauth2-proxy', 'fastly', 'bunny-cdn', 's3-access', 'gcp-lb', 'azure-appgw', 'azure-frontdoor', 'azure-apim', 'zoraxy', 'kamal-proxy', 'authentik-outpost']);
    expect(APP_FORMATS).toEqual(['app-json', 'app-text']);
  });

  it('gives each format its role', () => {
    const formats: FormatId[] = ['nginx-error', 'apache-error', 'caddy', 'app-json'];
    expect(formats.map((f) => [isErrorFormat(f), isAppFormat(f)])).toEqual([
      [true, false],
      [true, false],
      [false, false],
      [false, true],
    ]);
  });
});
