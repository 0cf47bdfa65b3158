/**
 * The server, proxy and framework fingerprints against real captures of the wild corpus
 * (test/fixtures/diagnose/wild/corpus-b.tsv says where each one comes from and why its issuer is the one expected).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';
import type { Diagnosis } from './types.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

function diagnosisOf(path: string): Diagnosis {
  const [first] = diagnose(wild(path)).diagnoses;
  if (!first) throw new Error(`no diagnosis for ${path}`);
  return first;
}

/** Corpus item, issuing component, the fingerprint that should win, its confidence. */
const ISSUED: [string, string, string, 'high' | 'medium' | 'low'][] = [
  // aiohttp's "<status>: <reason>" copied as the page's text: its shape is its evidence (distinctiveShape).
  ['aiohttp/ha-400-untrusted-proxy-npm-addon-2025.txt', 'aiohttp', 'aiohttp-status-text', 'low'],
  ['aiohttp/lowercase-post-405.txt', 'aiohttp', 'aiohttp-status-text', 'low'],
  // Drogon's built-in 404 copies nginx's layout; its footer names it (held-out set 344).
  ['drogon/default-404-notfound-view.html', 'Drogon', 'drogon-not-found', 'high'],
  // Held-out sets 44 to 55 (corpus-y.tsv): frameworks' own answers.
  ['gin/gin-405-no-allow-header.http', 'Gin', 'gin-method-not-allowed', 'medium'],
  // Low: Azure API Management's ip-filter policy answers the same body (held-out set 199).
  ['nestjs/nest-401-local-login.json', 'NestJS', 'nestjs-http-exception-default', 'low'],
  ['express/express-default-handler-syntaxerror-pre.html', 'Express', 'express-stack-trace', 'medium'],
  ['sinatra/sinatra-404-error-highlight.txt', 'Sinatra', 'sinatra-not-found-cascade', 'medium'],
  ['puma/puma-caught-error-500.http', 'Puma', 'puma-lowlevel-error', 'high'],
  // Fastify's own errors by their FST_ERR_* code: the default handler's body, and its pino log's FastifyError.
  ['fastify/body-too-large-413-fst-err-ctp.json', 'Fastify', 'fastify-own-error-code', 'medium'],
  ['fastify/pino-log-413-body-too-large.log', 'Fastify', 'fastify-own-error-code', 'low'],
  // IIS's own 4xx by its sub-status in a pasted W3C line (403.7: client certificate required).
  ['iis/w3c-log-403-7-client-cert.log', 'IIS', 'iis-log-line-own-answer', 'high'],
  // The kubelet's authorizer in its own words (through kubectl logs and the API server's node proxy), and its answers as
  // metrics-server logs them, in its older and newer wording.
  ['kubelet/kubectl-139-logs-forbidden-anonymous-nodes-proxy.txt', 'Kubelet', 'kubelet-authorizer-forbidden', 'high'],
  ['kubelet/k8s-55872-logs-nodes-proxy-forbidden.txt', 'Kubelet', 'kubelet-authorizer-forbidden', 'high'],
  ['kubelet/metrics-server-105-summary-401.log', 'Kubelet', 'kubelet-answer-in-metrics-server-log', 'high'],
  ['kubelet/rancher-44039-metrics-server-scrape-node-401.log', 'Kubelet', 'kubelet-answer-in-metrics-server-log', 'high'],
  // Django's CSRF page copied without its heading; a Nextcloud OCS pattern's XML must not read "failure" in it.
  ['django/csrf-403-debug-help.txt', 'Django', 'django-csrf-failure', 'high'],
  ['tomcat/exhibitor158-notfound-page-text.txt', 'Apache Tomcat', 'tomcat-status-report-words', 'low'],
  // Proxies, gateways and edges.
  ['apisix/apisix-502-powered-by.html', 'Apache APISIX', 'apisix-error-page', 'medium'],
  ['apisix/zh-key-auth-401-missing.json', 'Apache APISIX', 'apisix-plugin-message', 'low'],
  // hmac-auth's sentence with the reason after it (held-out set 189)
  ['apisix/hmac-auth-401-missing-authorization-header.json', 'Apache APISIX', 'apisix-plugin-message', 'low'],
  // Kong's features' own messages as its documentation quotes them (held-out set 233).
  ['kong/admin-api-rbac-401-invalid-rbac-credentials.json', 'Kong Gateway', 'kong-feature-message', 'low'],
  ['kong/aws-lambda-plugin-sanitized-invoke-failure.json', 'Kong Gateway', 'kong-feature-message', 'low'],
  // Plex Media Server's protocol header in a client's printout of its 401.
  ['plex-media-server/sickrage-1335-401.log', 'Plex Media Server', 'plex-protocol-header', 'low'],
  // Nexus Repository's own words: Nexus 3's redeploy refusal as a reason phrase, Nexus 2's group 404.
  ['nexus/composer-push-guzzle-400-does-not-allow-updating-assets.txt', 'Sonatype Nexus Repository', 'nexus-own-words', 'medium'],
  ['nexus/npm-group-path-not-found-404.txt', 'Sonatype Nexus Repository', 'nexus-own-words', 'medium'],
  // Keycloak's bare error object (keycloak/keycloak#25843) and its older themes' "We're sorry..." page.
  ['keycloak/admin-api-get-users-403-unknown-error.json', 'Keycloak', 'keycloak-unknown-error', 'low'],
  ['keycloak/activiti79-invalid-redirect-uri.txt', 'Keycloak', 'keycloak-error-page', 'low'],
  // Exchange Server on premises: Outlook on the web's error details and EWS's SOAP header (Microsoft's documentation).
  ['exchange-server/owa-signin-quota-exceeded-something-went-wrong.txt', 'Microsoft Exchange Server', 'exchange-server-owa-error', 'low'],
  ['exchange-server/owa-after-security-update-something-went-wrong-500.txt', 'Microsoft Exchange Server', 'exchange-server-owa-error', 'medium'],
  ['exchange-server/eac-hybrid-412-cookies-are-disabled.txt', 'Microsoft Exchange Server', 'exchange-server-eac-cookies-disabled', 'high'],
  ['exchange-server/ews-getuseroofsettings-soap-fault-not-mailbox-owner.txt', 'Microsoft Exchange Server', 'exchange-server-ews-soap', 'low'],
  // BIG-IP's automation toolchain (AS3, Declarative Onboarding) refusing a declaration (held-out sets 228 and 235).
  ['f5-big-ip/as3-declare-422-sharenodes-pool-member-conflicts.json', 'F5 BIG-IP', 'f5-automation-toolchain-error', 'medium'],
  ['f5-big-ip/declarative-onboarding-400-bad-declaration.json', 'F5 BIG-IP', 'f5-automation-toolchain-error', 'medium'],
  // Its Admin API's error object (held-out sets 233 and 234).
  ['kong/admin-config-declarative-invalid-400.json', 'Kong Gateway', 'kong-admin-api-error', 'low'],
  // Its error.log's line for a plugin that ended the request (held-out set 231)
  ['apisix/404-public-api-plugin-exit.log', 'Apache APISIX', 'apisix-plugin-exit-log', 'high'],
  // jwe-decrypt's refusal (held-out set 229)
  ['apisix/jwe-decrypt-400-jwe-token-invalid.json', 'Apache APISIX', 'apisix-plugin-message', 'low'],
  ['envoy/envoy-507-retry-buffer.txt', 'Envoy', 'envoy-retry-buffer-exceeded', 'medium'],
  // BunkerWeb's own error and antibot pages by the campaign tag of their link to its site (held-out sets 194 and 228).
  ['bunkerweb/default-error-page-template.html', 'BunkerWeb', 'bunkerweb-own-page', 'medium'],
  ['bunkerweb/antibot-javascript-bot-detection-template.html', 'BunkerWeb', 'bunkerweb-own-page', 'medium'],
  // aaPanel's site pages and SWAG's 502 page until 2022, from their repositories (held-out set 232).
  ['aapanel/site-default-502-bad-gateway.html', 'aaPanel', 'aapanel-site-page', 'medium'],
  ['swag/default-site-502-nginx-can-not-connect.html', 'SWAG', 'swag-502-page', 'high'],
  // Hosting control panels' error documents for their sites (held-out set 227 and earlier sets), from their templates.
  ['vestacp/skel-document-errors-404.html', 'VestaCP', 'vestacp-error-document', 'medium'],
  ['hestiacp/skel-document-errors-410-gone.html', 'HestiaCP', 'hestiacp-error-document', 'medium'],
  // API Umbrella's web app page (held-out set 227) and its default message as a client printed it.
  ['api-umbrella/web-app-public-500.html', 'API Umbrella', 'api-umbrella-web-app-page', 'high'],
  ['api-umbrella/epa-cam-api-invalid-key.txt', 'API Umbrella', 'api-umbrella-error-message', 'low'],
  // kgateway's direct response for a route it found invalid (held-out sets 193 and 231).
  ['kgateway/500-invalid-route-configuration-direct-response.http', 'kgateway', 'kgateway-invalid-route-replaced', 'high'],
  // The health check filter's 503 while this Envoy fails its checks, behind kgateway (held-out set 229)
  ['kgateway/healthcheck-fail-503-immediate-health-check-fail.http', 'Envoy', 'envoy-health-check-failed', 'high'],
  ['envoy/eg-apikey-auth-401.txt', 'Envoy', 'envoy-api-key-auth', 'medium'],
  ['traefik/tpl-ratelimit-429.txt', 'Traefik', 'traefik-rate-limited', 'medium'],
  ['openfaas/faas-swarm-cant-reach-service.txt', 'OpenFaaS', 'openfaas-cant-reach-service', 'medium'],
  // Google's error model, as the Firebase CLI's debug log and a test suite's cassette recorded it.
  ['google-apis/firebase-tools-6110-hosting-versions-404.log', 'Google APIs', 'google-apis-error-model', 'medium'],
  ['google/sheets-api-403-permission-denied-cassette.json', 'Google APIs', 'google-apis-error-model', 'medium'],
  ['k8s-defaultbackend/haproxy-ingress-64-404.http', 'Kubernetes default backend', 'ingress-nginx-default-backend', 'high'],
  ['dokku/dokku-nginx-vhosts-502-error.html', 'Dokku', 'dokku-error-page', 'medium'],
  // A forum's typographic quotes around Tyk's JSON words.
  ['tyk/tyk-community-403-disallowed.txt', 'Tyk Gateway', 'tyk-auth-error', 'low'],
  ['cloudflare/quidproquo-502-origin-health.http', 'Cloudflare', 'cloudflare-5xx-plain', 'medium'],
  ['cloudflare/picsum-waf-block-ru-domain.txt', 'Cloudflare', 'cloudflare-waf-block', 'medium'],
  ['akamai/zenn-ja-yodobashi-access-denied.txt', 'Akamai', 'akamai-access-denied-url', 'low'],
  ['alibaba-cloud-waf/zhipu-proxy-405-block.html', 'Alibaba Cloud WAF', 'alibaba-cloud-waf-block-page', 'high'],
  ['tencent-cloud-waf/sams-zh-403-accessdeny.log', 'Tencent Cloud WAF', 'tencent-cloud-waf-block-page', 'medium'],
  // Forward proxies' and filters' own pages, from their templates at pinned commits (held-out set 53).
  ['dansguardian/tpl-ukenglish-template-2013.html', 'DansGuardian', 'dansguardian-denied', 'medium'],
  ['e2guardian/tpl-ukenglish-template.html', 'E2Guardian', 'e2guardian-block-page', 'medium'],
  // Its language templates by their titles (German, held-out set 228), and its page for a site it could not load.
  ['e2guardian/german-access-denied-template.html', 'E2Guardian', 'e2guardian-block-page', 'medium'],
  ['e2guardian/tpl-ukenglish-neterr.html', 'E2Guardian', 'e2guardian-network-error', 'medium'],
  ['c-icap/tpl-virus-found.html', 'c-icap', 'c-icap-message', 'medium'],
  ['smokescreen/tpl-deny-msg.txt', 'Smokescreen', 'smokescreen-denied', 'medium'],
  // apt's one-line "Invalid response from proxy:" with the proxy's head in it.
  ['apt-cacher-ng/riotweb3573-connect-denied.log', 'apt-cacher-ng', 'apt-cacher-ng-connect-refused', 'high'],
  ['tinyproxy/qubes8388-500-unable-to-connect.log', 'Tinyproxy', 'tinyproxy-error-page', 'high'],
  ['nginx/502-librecores-ubuntu.txt', 'nginx', 'nginx-502-page', 'high'],
  // Envoy's own local replies from two of its filters and its connection manager (Gloo, Envoy Gateway docs).
  ['envoy/gloo-edge-csrf-invalid-origin-403.http', 'Envoy', 'envoy-csrf-invalid-origin', 'high'],
  ['envoy/envoy-gateway-request-received-timeout-408.txt', 'Envoy', 'envoy-request-timeout', 'medium'],
  // Gin's 404 from a HEAD request: its 18 bytes of text/plain rebuilt into "404 page not found".
  ['app/gin-head-unrouted-404.headers', 'Go net/http', 'go-not-found', 'low'],
  // Frameworks' JSON bodies pasted without a status (one step lower for it).
  ['app/litestar-default-500.json', 'Litestar', 'litestar-exception-response', 'low'],
  ['app/falcon-raw-path-no-match-404.json', 'Falcon', 'falcon-http-error', 'low'],
  ['app-fastapi/not-authenticated-401-pt.json', 'FastAPI', 'fastapi-not-authenticated', 'low'],
  // An Azure SDK's printout of the failed response: the Headers section after the status and error code.
  ['kusto-copy-79/azure-blob-403.headers', 'Azure Storage', 'azure-storage-error', 'high'],
  // Twisted's NoResource page as Synapse served it, copied from the browser (no status shown: one step lower).
  ['synapse-5173/twisted-no-such-resource.txt', 'Twisted Web', 'twisted-no-resource', 'medium'],
  ['nginx/504-backupwordpress-tokens-off.txt', 'nginx', 'nginx-504-page', 'high'],
  ['nginx/404-template-1.13.1-bgcolor.http', 'nginx', 'nginx-error-page', 'high'],
  ['nginx/400-template-plain-http-to-https-port.http', 'nginx', 'nginx-plain-http-to-https', 'high'],
  ['nginx/413-template-1.31.5.http', 'nginx', 'nginx-413-page', 'high'],
  ['ingress-nginx/404-default-backend-multi-tls-doc.http', 'Kubernetes default backend', 'ingress-nginx-default-backend', 'medium'],
  ['openresty/502-template-1.31.3.1.http', 'OpenResty', 'openresty-502-page', 'high'],
  ['openresty/404-template-tokens-off.http', 'OpenResty', 'openresty-error-page', 'high'],
  ['nginx-proxy-manager/502-docker-loopback-upstream.txt', 'OpenResty', 'openresty-versionless-proxy-error', 'high'],
  ['nginx-proxy-manager/502-omada-https-upstream.txt', 'OpenResty', 'openresty-versionless-proxy-error', 'high'],
  ['tengine/500-aliexpress-server-info.txt', 'Tengine', 'tengine-error-page', 'medium'],
  ['tengine/502-mcbbs-server-info.txt', 'Tengine', 'tengine-error-page', 'medium'],
  ['apache/404-template-2.4.62.http', 'Apache httpd', 'apache-404', 'high'],
  ['apache/500-apitaxi-no-address.http', 'Apache httpd', 'apache-500', 'high'],
  ['apache/502-template-2.2.34-proxy-error.http', 'Apache httpd', 'apache-proxy-read-error', 'high'],
  ['apache/503-template-2.4.62-service-unavailable.http', 'Apache httpd', 'apache-503', 'high'],
  ['haproxy/502-moarcats-text.txt', 'HAProxy', 'haproxy-502', 'high'],
  ['haproxy/408-builtin-request-timeout.http', 'HAProxy', 'haproxy-error-sentence', 'high'],
  ['caddy/502-template-v1-default-error.http', 'Caddy', 'caddy-v1-proxy-error', 'high'],
  ['caddy/504-template-v1-default-error.http', 'Caddy', 'caddy-v1-proxy-error', 'high'],
  ['caddy/502-template-v2-empty.http', 'Caddy', 'caddy-502-empty', 'high'],
  ['squid/400-steam-squid-invalid-url.headers', 'Squid', 'squid-invalid-request', 'high'],
  ['squid/403-sipgate-access-denied.headers', 'Squid', 'squid-access-denied', 'high'],
  ['squid/503-devtools-autosave-connect-fail-2.6.http', 'Squid', 'squid-connect-fail', 'medium'],
  ['squid/xxx-docker-squid-24-issue-title.txt', 'Squid', 'squid-error-page-heading', 'low'],
  ['litespeed/403-whatwaf-449-full.http', 'LiteSpeed', 'litespeed-error-page', 'high'],
  ['litespeed/500-template-openlitespeed.http', 'LiteSpeed', 'litespeed-500', 'high'],
  ['litespeed/503-template-openlitespeed.http', 'LiteSpeed', 'litespeed-503', 'high'],
  ['iis/502-hosting-466-httpplatformhandler.txt', 'IIS', 'iis-502-3', 'medium'],
  ['iis/502-sonarqube-appservice-httpplatformhandler.txt', 'IIS', 'iis-502-3', 'medium'],
  ['iis-ancm/500-dotnet-foundation-500.30.txt', 'ASP.NET Core Module (IIS)', 'ancm-500-30', 'high'],
  ['iis-ancm/502-aspnetcore-8980-out-of-process.txt', 'ASP.NET Core Module (IIS)', 'ancm-502-5', 'high'],
  ['iis-ancm/502-3-failed-request-trace-iisintegration-311.txt', 'ASP.NET Core Module (IIS)', 'ancm-failed-request-trace', 'high'],
  ['aspnet/500-appveyor-runtime-error-text.txt', 'ASP.NET', 'aspnet-runtime-error', 'medium'],
  ['tomcat/404-red5-9.0.27.txt', 'Apache Tomcat', 'tomcat-404', 'high'],
  ['tomcat/404-yawast-8.5.16-snipped-style.http', 'Apache Tomcat', 'tomcat-404', 'high'],
  ['jetty/404-es-master-powered-by.txt', 'Jetty', 'jetty-404', 'high'],
  ['jetty/503-booksonic-jetty6.txt', 'Jetty', 'jetty-503', 'high'],
  ['spring-boot/404-novel-whitelabel.txt', 'Spring Boot', 'spring-whitelabel', 'high'],
  ['flask/404-template-werkzeug-0.9.http', 'Flask (Werkzeug)', 'werkzeug-error-page', 'high'],
  ['flask/500-wttr-werkzeug-body.http', 'Flask (Werkzeug)', 'werkzeug-internal-error', 'high'],
  ['gunicorn/403-template-forbidden-proxy.http', 'Gunicorn', 'gunicorn-error-page', 'high'],
  ['gunicorn/431-template-limit-request-headers.http', 'Gunicorn', 'gunicorn-error-page', 'high'],
  ['uwsgi/404-template-uwsgi-404.http', 'uWSGI', 'uwsgi-404', 'low'],
  ['uvicorn/400-template-invalid-http-request.http', 'Uvicorn', 'uvicorn-invalid-request', 'high'],
  ['uvicorn/500-template-httptools-send-500.http', 'Uvicorn', 'uvicorn-500', 'medium'],
  ['fastapi/404-template-http-exception-handler.http', 'FastAPI', 'fastapi-route-not-matched', 'medium'],
  ['fastapi/405-madscheme-httpie.http', 'FastAPI', 'fastapi-route-not-matched', 'medium'],
  ['go-net-http/400-template-bad-request.http', 'Go net/http', 'go-conn-refused-request', 'medium'],
  ['go-net-http/501-template-unsupported-te.http', 'Go net/http', 'go-conn-refused-request', 'medium'],
  ['go-net-http/404-curl-7513-not-found.curl', 'Go net/http', 'go-not-found', 'low'],
  ['puma/400-template-error-response.http', 'Puma', 'puma-error-response', 'low'],
  ['puma/500-template-error-response.http', 'Puma', 'puma-error-response', 'low'],
  ['laravel/500-framework-20320-whoops.txt', 'Symfony Debug (Symfony or Laravel 5)', 'laravel-symfony-debug-page', 'low'],
  // Hanami's public pages copy Rails' comment and sentences in a markup of their own (held-out set 311, named Rails at high).
  ['hanami/cli-generated-public-404.html', 'Hanami', 'hanami-public-page', 'high'],
  ['hanami/cli-generated-public-500.html', 'Hanami', 'hanami-public-page', 'high'],
  ['supabase-edge-runtime/500-invalid-worker-response.json', 'Supabase Edge Runtime', 'supabase-edge-runtime-worker-error', 'low'],
  // Linkerd's dashboard refusing a Host its DNS-rebinding guard does not allow, as three threads pasted it.
  ['linkerd-viz-web/400-host-denied-traefik.txt', 'Linkerd dashboard (linkerd-web)', 'linkerd-web-host-denied', 'medium'],
  ['linkerd-viz-web/400-host-denied-ambassador-curl.txt', 'Linkerd dashboard (linkerd-web)', 'linkerd-web-host-denied', 'medium'],
  ['emissary/503-check-ready-not-ready.txt', 'Emissary-ingress', 'emissary-health-check-not-ready', 'low'],
  // 407 with a reason phrase of the proxy's own, and its phrase in a client's words (docker, Python requests).
  ['corporate-proxy/gradle-httpclient-407-authenticationrequired.log', 'Forward proxy (HTTP CONNECT)', 'forward-proxy-407', 'medium'],
  ['corporate-proxy/docker-pull-proxy-authentication-required.txt', 'Forward proxy (HTTP CONNECT)', 'forward-proxy-407', 'low'],
  // mitmproxy's older error page as text: the exception's repr with its server connection's wording.
  ['mitmproxy/502-protocolexception-name-resolution.txt', 'mitmproxy', 'mitmproxy-error-response', 'medium'],
  // CherryPy's default 500 page copied as text, its footer's link gone (held-out set 327).
  ['cherrypy/500-sabnzbd-1021.txt', 'CherryPy', 'cherrypy-error-page', 'high'],
  // Spring Boot 3.0 milestones' WebFlux error JSON, path first (spring-projects/spring-framework#29038).
  ['spring-boot/418-webflux-default-error-json.json', 'Spring Boot', 'spring-error-json', 'medium'],
  // LiteLLM's proxy refusing with its own rate limiter's sentence (held-out set 332).
  ['litellm/429-team-rate-limit-handler.txt', 'LiteLLM', 'litellm-proxy-rate-limited', 'medium'],
  // Baidu Object Storage's own head on a 403, in an Apache HttpClient wire log.
  ['baidu-bos/403-doesbucketexist-wire-log.log', 'Baidu Object Storage (BOS)', 'baidu-bos-error', 'medium'],
  // Slim's not-found sentence, behind Apache (LibreNMS's API), and its 4.x error renderer's title.
  ['app/librenms-api-404.http', 'Slim', 'slim-not-found-page', 'medium'],
  ['slim/html-error-renderer-default.html', 'Slim', 'slim-application-error', 'low'],
  ['3scale-apicast/401-auth-parameters-missing-default.txt', '3scale APIcast', 'apicast-default-error', 'low'],
  ['laravel/404-starter-site-debug-title.txt', 'Laravel', 'laravel-symfony-debug-exception', 'low'],
  ['php-fpm/404-fcgi-client-raw-fastcgi.http', 'PHP-FPM', 'php-fpm-file-not-found', 'high'],
  ['nextjs/404-template-pages-error-text.txt', 'Next.js', 'nextjs-not-found', 'medium'],
  ['express/404-template-finalhandler-0.3.6.http', 'Express', 'express-cannot-get-plain', 'high'],
  // Express's page is high from its markup; copied as text it is Fiber's plain body too (wordsConfidence: low).
  ['express/404-template-finalhandler-2.1.1.http', 'Express', 'express-cannot-get', 'high'],
  ['express/404-pixi-cannot-get-text.txt', 'Express', 'express-cannot-get', 'low'],
  ['tengine/5xx-tumlinhouse-server-info-table.txt', 'Tengine', 'tengine-server-info-rows', 'low'],
  ['jetty/400-jetty12-ambiguous-uri.txt', 'Jetty', 'jetty-error-rows', 'medium'],
  // pastebin V85RUeyi: an ARR farm's 502 head only, the size of IIS's custom 502 page
  ['iis/arr-loadbalance-502.headers', 'IIS', 'iis-custom-502-size', 'low'],
  // dotnet/yarp#323: the same size in .NET's printout of the response from Azure App Service's front end
  ['azure-app-service/yarp-destination-502-headers.log', 'IIS', 'iis-custom-502-size', 'low'],
  // AI APIs answering for themselves: Anthropic's error object in a recorded cassette and in Claude Code's output,
  // OpenAI's error object with its own platform link in a cassette.
  ['anthropic/batches-404-not-found-cassette.txt', 'Anthropic API', 'anthropic-error-object', 'high'],
  ['anthropic/claudecode35462-500-api-error.log', 'Anthropic API', 'anthropic-error-object', 'medium'],
  ['openai/conversations-401-invalid-api-key-cassette.txt', 'OpenAI API', 'openai-error-object', 'medium'],
  // bastillion-io/Bastillion#438: the heading of Jetty 9.4's page alone, as the issue's title gives it
  ['bastillion-438/jetty-503.txt', 'Jetty', 'jetty-error-heading-text', 'low'],
  ['iis/503-iisnode-85-flattened.txt', 'IIS', 'iis-detailed-error', 'medium'],
  ['litespeed/404-whatwaf-202.headers', 'LiteSpeed', 'litespeed-error-page', 'medium'],
  ['php-fpm/404-nginx-boilerplate-text.txt', 'PHP-FPM', 'php-fpm-file-not-found-retyped', 'low'],
  // OpenStack Swift's swob page: a 409 as its docs show it, a 401 quoted by jclouds in a SoftLayer user's log.
  ['openstack-swift/delete-nonempty-container-409.http', 'OpenStack Swift', 'swift-swob-page', 'medium'],
  ['openstack-swift/softlayer-401-jclouds.log', 'OpenStack Swift', 'swift-swob-page', 'medium'],
  // spring-attic/artifactory-resource#14: a build's log quoting Artifactory's error JSON after the status.
  ['artifactory/build-api-404-no-build.log', 'JFrog Artifactory', 'artifactory-errors', 'medium'],
  // DataBiosphere/azul PR 4236: an app's own ChaliceViewError subclass, indented, through API Gateway and CloudFront.
  ['chalice/azul4236-503-via-apigw-cloudfront.http', 'Chalice', 'chalice-error-response-subclass', 'low'],
  // docker/docs#21908: helm quoting the registry's message after the status
  ['docker-hub/helm-pull-429-rate-limit.log', 'Docker Hub', 'docker-hub-pull-rate-limit', 'high'],
  // cloudfoundry/uaa#1218: Tomcat's bare status page as the reporter's tool indented it
  ['tomcat/uaa-1218-400-check-token.http', 'Apache Tomcat', 'tomcat-error-page-bare', 'high'],
  // Held-out set 91 (corpus-zb.tsv): the components' own templates from their source, pinned.
  ['sozu/tpl-503-default-answer.http', 'Sōzu', 'sozu-default-answer', 'high'],
  ['sozu/tpl-504-default-answer.http', 'Sōzu', 'sozu-default-answer', 'high'],
  ['spark-java/tpl-404-not-found.html', 'Spark (Java)', 'spark-java-default-pages', 'medium'],
  ['spark-java/tpl-500-internal-error.html', 'Spark (Java)', 'spark-java-default-pages', 'medium'],
  // Beego's templates as its source has them: the status comes from nowhere but the page's own words, so less sure.
  ['beego/tpl-500-application-error-dev.html', 'Beego', 'beego-application-error', 'medium'],
  ['beego/tpl-errtpl-default-error.html', 'Beego', 'beego-default-error-page', 'low'],
  // Held-out set 97 (corpus-zc.tsv): what scrapers and bots were answered. Telegram's error object gives its status in
  // error_code, as JSON and as Python printed it; the pages copied without a status are named with low confidence.
  ['telegram-bot-api/node-tg-bot-429.json', 'Telegram Bot API', 'telegram-bot-api-error', 'high'],
  ['telegram-bot-api/flathunter-429.log', 'Telegram Bot API', 'telegram-bot-api-error', 'high'],
  ['google-search/whoogle-unusual-traffic.txt', 'Google Front End', 'google-unusual-traffic', 'low'],
  ['cloudflare/discord-webhook-1015.txt', 'Cloudflare', 'cloudflare-1xxx-plain', 'low'],
  // Held-out set 98 (corpus-zc.tsv): registries' answers as docker printed them; Docker Hub's export-control page is
  // an errorfile in HAProxy's shape, so HAProxy is named, not sure of the words.
  ['docker-hub/imap-backup-ci-hap429.log', 'Docker Hub', 'docker-hub-edge-rate-limit', 'high'],
  ['aws-ecr/ecr-credential-helper-token-expired-403.log', 'Amazon ECR', 'aws-ecr-token-expired', 'high'],
  ['docker-hub/proxychains-export-control-403.log', 'HAProxy', 'haproxy-error-page', 'medium'],
  // Held-out set 95 (corpus-zc.tsv): Jenkins' crumb check in Jetty's error page names Jenkins, which refines Jetty.
  ['jenkins/py-ipv8-webhook-403-crumb.http', 'Jenkins', 'jenkins-no-valid-crumb', 'high'],
  ['app/jenkins-403-no-valid-crumb-bitbucket-hook-2022.html', 'Jenkins', 'jenkins-no-valid-crumb', 'high'],
  // ngrok's page named by its ERR_NGROK code alone, copied without a status: less sure.
  ['ngrok/kubefirst-atlantis-err-ngrok-6022.html', 'ngrok', 'ngrok-error-page-code', 'medium'],
  // LinkedIn's "999 Request denied" with its X-Li-Pop header (held-out sets 90 and 97).
  ['linkedin/html-proofer-999-request-denied.headers', 'LinkedIn', 'linkedin-request-denied', 'high'],
  ['linkedin/embed-999.headers', 'LinkedIn', 'linkedin-request-denied', 'high'],
  // Held-out set 94: Envoy's own 426 to an HTTP/1.0 health check, in its debug log of the headers it encoded.
  ['envoy/stingray-hc-http10-426-debug.log', 'Envoy', 'envoy-http10-upgrade-required-debug', 'medium'],
  // Held-out set 100: Loki's own refusals as promtail printed them, one through the helm chart's nginx gateway.
  ['grafana-loki/promtail-429-ingestion-rate.log', 'Grafana Loki', 'loki-push-refused', 'high'],
  ['grafana-loki/loki-gateway-no-org-id-401.log', 'Grafana Loki', 'loki-push-refused', 'high'],
  // Held-out set 101: SaaS APIs' own documented errors and headers.
  ['microsoft-graph/graph-sites-429-activitylimitreached.http', 'Microsoft Graph', 'microsoft-graph-error', 'medium'],
  // OpenWrt's uhttpd for a LuCI handler that wrote nothing, as the router's page text was copied (proc.c's words)
  ['uhttpd/lede12473-bad-gateway.txt', 'uhttpd', 'uhttpd-cgi-no-response', 'high'],
  // Servers' built-in pages as their source writes them (held-out set 291): Hiawatha's styled page, Yaws's bare one,
  // CivetWeb's text ("Error 404: Not Found" and the call's message); a client's words for a proxy that refused CONNECT.
  ['hiawatha/builtin-404.html', 'Hiawatha', 'hiawatha-own-error-page', 'high'],
  ['yaws/deliver-403.html', 'Yaws', 'yaws-bare-error', 'medium'],
  ['civetweb/static-file-not-found-404.txt', 'CivetWeb', 'civetweb-default-error', 'medium'],
  ['civetweb/document-root-404.txt', 'CivetWeb', 'civetweb-default-error', 'medium'],
  ['corporate-proxy/aws-cli-s3-tunnel-connection-failed-403.txt', 'Forward proxy (HTTP CONNECT)', 'forward-proxy-tunnel-refused', 'high'],
  ['corporate-proxy/azurecli-task-tunnel-connection-failed-302.txt', 'Forward proxy (HTTP CONNECT)', 'forward-proxy-tunnel-refused', 'high'],
  // Optimism's proxyd with no healthy node, its JSON-RPC error escaped in a Go client's log line
  ['proxyd/base-rpc-503-xlayer.log', 'proxyd', 'proxyd-backend-error', 'high'],
  // ModSecurity's shared-hosting page copied without its last period
  ['modsecurity/crs164-generated-by-modsecurity.txt', 'ModSecurity', 'modsecurity-406-page', 'medium'],
  // Sonatype Nexus Repository: its realm on a 401 (in cargo's headers, and as wget printed it), its error page, and
  // its reason phrase for a proxy repository's blocked remote (in Composer's message)
  ['nexus/cargo-publish-401.log', 'Sonatype Nexus Repository', 'nexus-realm', 'high'],
  ['nexus/r-packages-wget-401-404.log', 'Sonatype Nexus Repository', 'nexus-realm', 'high'],
  ['nexus/tf-provider-security-ssl-404.log', 'Sonatype Nexus Repository', 'nexus-error-page', 'high'],
  ['nexus/composer-404-remote-auto-blocked.log', 'Sonatype Nexus Repository', 'nexus-remote-auto-blocked', 'high'],
  // Harbor: its registry's refusal as docker printed it, and its API's error object with Harbor's own word (the body alone)
  ['harbor/docker-push-unauthorized.txt', 'Harbor', 'harbor-repository-access', 'high'],
  ['harbor/harbor16504-401-api-v2-unauthorized.json', 'Harbor', 'harbor-unauthorized-error', 'low'],
  // Harbor's read-only mode sentence after docker's registry error code (its docs' example).
  ['harbor/harbor-docs-read-only-mode-push-denied.txt', 'Harbor', 'harbor-read-only-mode', 'high'],
  // Thanos Receive's refusal of a remote write, in the OpenTelemetry exporter's and vmagent's logs
  ['thanos/otel-prw-receive-alreadyexists-409.log', 'Thanos', 'thanos-receive-write-error', 'high'],
  ['thanos/vmagent-to-receive-conflict-409.log', 'Thanos', 'thanos-receive-write-error', 'high'],
  // Reddit's "whoa there, pardner!" page (a recorded 429, and its block page's copied text) and its API's error object
  ['reddit/whoa-pardner-429-prawcore.json', 'Reddit API', 'reddit-pardner', 'medium'],
  ['reddit/whoa-pardner-blocked-page.txt', 'Reddit API', 'reddit-pardner', 'low'],
  ['reddit/place-script-429-token.log', 'Reddit API', 'reddit-json-error', 'low'],
  ['microsoft-graph/graph-docs-throttling-429-sample.http', 'Microsoft Graph', 'microsoft-graph-error', 'medium'],
  ['paypal/php-sdk-sandbox-payment-500-internal-service-error.json', 'PayPal', 'paypal-rest-error', 'high'],
  ['paypal/php-sdk-sandbox-patch-500-headers.log', 'PayPal', 'paypal-debug-id-header', 'medium'],
  ['salesforce/jsforce-query-401-session-not-valid-rest.log', 'Salesforce', 'salesforce-rest-error', 'high'],
];

describe('server, proxy and framework fingerprints on real captures', () => {
  it.each(ISSUED)('%s was issued by %s (%s, %s)', (path, component, fingerprint, confidence) => {
    const d = diagnosisOf(path);
    expect(d.issuer).toMatchObject({ component, fingerprint });
    expect(d.confidence).toBe(confidence);
  });

  it("names no nginx for a debug log's words (\"eof=0\"): set 94's nginx health-check module reading Envoy's 426", () => {
    expect(diagnosisOf('envoy/ngx-dynamic-hc-http10-426.log').issuer?.component).not.toBe('nginx');
  });

  it("does not name Squid for an application's own message that reuses its heading's sentence", () => {
    const [d] = diagnose('HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n{"error":"ERROR: The requested URL could not be retrieved."}').diagnoses;
    expect(d?.issuer?.component).not.toBe('Squid');
  });
});

/**
 * Pages in the other languages their components write: the strings are the components' own (Tomcat 9.0.68's
 * ErrorReportValve with LocalStrings_zh_CN and _fr; Apache httpd's docs/error include/bottom.html), the rest as the
 * template lays it out.
 */
const tomcat = (header: string, type: string, report: string) =>
  `<!doctype html><html lang="x"><head><title>${header}</title></head><body><h1>${header}</h1><hr class="line" /><p><b>${type}</b> ${report}</p><hr class="line" /><h3>Apache Tomcat/9.0.68</h3></body></html>`;

describe("a block page sent with a success status (F5's WAF answers 200 unless its policy says otherwise)", () => {
  it('names F5 for its default blocking page served with 200, says why, and leaves out what 200 means', () => {
    const d = diagnosisOf('f5-big-ip-asm/whatwaf-1371-request-rejected.http');
    expect(d).toMatchObject({ verdict: 'identified', status: 200, confidence: 'high', issuer: { component: 'F5 WAF (BIG-IP ASM / NGINX App Protect)', fingerprint: 'f5-asm-blocking-page' } });
    expect(d.notes.join('\n')).toContain('The status is 200, but the body is this component');
    expect(d.statusMeanings).toEqual([]);
  });

  it("names F5 at medium, lowered for the status the paste does not show, from the page's first sentence alone", () => {
    expect(diagnosisOf('f5-big-ip-asm/princeton-researchdata-waf.txt')).toMatchObject({ verdict: 'identified', confidence: 'low', issuer: { fingerprint: 'f5-waf-rejected-sentence' } });
  });

  it("still finds nothing to diagnose in a 200 whose error page its sender does not send as a success (a Flask app's own 500 page)", () => {
    expect(diagnosisOf('app/hedy-flask-500-page-with-200.txt').verdict).toBe('no-error');
  });
});

describe('pages in other languages and layouts', () => {
  it.each([
    ['Chinese', tomcat('HTTP状态 404 - 未找到', '类型', '状态报告'), 'tomcat-404'],
    ['French', tomcat('État HTTP 500 – Erreur interne du serveur', 'Type', "Rapport d'exception"), 'tomcat-exception-report'],
  ])("reads Tomcat's %s error page, as HTML and as copied text", (_language, page, fingerprint) => {
    expect(diagnose(page).diagnoses[0]?.issuer).toMatchObject({ component: 'Apache Tomcat', fingerprint });
    const text = diagnose(page.replace(/<title>.*<\/title>/, '').replace(/<[^>]+>/g, '\n')).diagnoses[0];
    expect(text?.issuer).toMatchObject({ component: 'Apache Tomcat', fingerprint });
  });

  // GlassFish 4.1's exception report copied as text, without its footer (held-out set 200): the same words as Tomcat's,
  // named Tomcat on arrival at high confidence. Copied words of that page are only a guess now.
  it("names Tomcat from its exception report's copied words only at low confidence: GlassFish writes the same words", () => {
    const [d] = diagnose(readFileSync(new URL('../../test/fixtures/diagnose/wild/glassfish/gf41-500-exception-report-multipart-initialization.txt', import.meta.url), 'utf8')).diagnoses;
    expect(d).toMatchObject({ status: 500, confidence: 'low', issuer: { fingerprint: 'tomcat-exception-report' } });
  });

  it("reads the status of Tomcat's and IIS's translated headings", () => {
    expect(diagnose('HTTP状态 404 - 未找到\n类型 状态报告').diagnoses[0]?.status).toBe(404);
    expect(diagnose('HTTP 错误 500.19 - Internal Server Error\n模块 IIS Web Core\n通知 BeginRequest\n错误代码 0x80070021').diagnoses[0]).toMatchObject({
      status: 500,
      issuer: { component: 'IIS', fingerprint: 'iis-detailed-error' },
    });
  });

  it("reads Apache's multi-language error documents by their footer, in any language", () => {
    const footer = '<h2>Error 404</h2>\n<address>\n  <a href="/">localhost</a><br />\n  <span>Apache/2.4.58 (Win64) OpenSSL/3.1.3 PHP/8.2.12</span>\n</address>\n</body>\n</html>';
    const page = `<html><head><title>Objekt nicht gefunden!</title></head>\n<body>\n<h1>Objekt nicht gefunden!</h1>\n<p>\n\n    Der angeforderte URL konnte auf dem Server nicht gefunden werden.\n\n</p>\n${footer}`;
    expect(diagnose(page).diagnoses[0]?.issuer).toMatchObject({ component: 'Apache httpd', fingerprint: 'apache-multilanguage-error' });
    const text = 'Object not found!\nThe requested URL was not found on this server.\nError 404\nlocalhost\nApache/2.4.58 (Win64) OpenSSL/3.1.3 PHP/8.2.12';
    expect(diagnose(text).diagnoses[0]?.issuer).toMatchObject({ component: 'Apache httpd', fingerprint: 'apache-multilanguage-error' });
  });

  it("reads the words of Rails' public 404 and 422 pages, old and new layouts", () => {
    const old = '<div class="dialog">\n  <h1>The page you were looking for doesn\'t exist.</h1>\n  <p>You may have mistyped the address or the page may have moved.</p>\n</div>';
    const copied = "The page you were looking for doesn't exist. You may have mistyped the address or the page may have moved. If you're the application owner check the logs for more information.";
    for (const page of [old, copied]) {
      expect(diagnose(page).diagnoses[0]).toMatchObject({ status: 404, issuer: { component: 'Ruby on Rails', fingerprint: 'rails-public-page-words' } });
    }
    const rejected = diagnose('The change you wanted was rejected.\nMaybe you tried to change something you didn\'t have access to.').diagnoses[0];
    expect(rejected).toMatchObject({ status: 422, issuer: { component: 'Ruby on Rails', fingerprint: 'rails-public-page-words-422' } });
  });

  it("does not take WebOb's plain-text page (Pyramid's default 404, held-out set 344) for OpenStack Swift's, whose words copied as text are the same", () => {
    expect(diagnosisOf('pyramid/404-default-notfound-unicode-path.txt').issuer?.component).not.toBe('OpenStack Swift');
  });

  it('does not read a sentence naming an error and Apache as its page', () => {
    expect(diagnose('I get Error 404 when Apache/2.4 serves the app').diagnoses[0]?.issuer?.fingerprint).not.toBe('apache-multilanguage-error');
  });
});

describe('a page several modules share names the component that wrote it, with low confidence', () => {
  it('reads IIS\'s short 502 page as IIS (the forwarding module behind it is unknown)', () => {
    const d = diagnosisOf('iis-ancm/502-iisintegration-903-azure-custom-error.txt');
    expect(d.issuer).toMatchObject({ component: 'IIS', fingerprint: 'iis-custom-502' });
    expect(d.confidence).toBe('low');
  });
});

describe('the path a response took', () => {
  it('reads Server: Apache-Coyote as Tomcat, not as Apache httpd', () => {
    expect(diagnosisOf('tomcat/404-opengrok-coyote-empty.headers').chain.map((l) => l.component)).toEqual(['Apache Tomcat']);
  });
});

describe('a component named in the text is not its page', () => {
  it('does not read "Server = [nginx]" in a logged response as nginx\'s own 500 page', () => {
    expect(diagnosisOf('rails/500-gitlab-plugin-337-json-behind-nginx.http').issuer?.component).not.toBe('nginx');
  });
});

describe("a component's own sentence quoted without its page's heading names the component and the status", () => {
  // Each sentence as the component's source writes it (Werkzeug exceptions.py, Tomcat's LocalStrings.properties,
  // HAProxy's http_err_msgs, Passenger's InternalUtils.cpp, Jetty's ErrorHandler, nginx's special responses, IIS's 404.0
  // page, Varnish's builtin.vcl, Rails' public pages); what a reporter quotes of the page.
  const quoted: [string, string, number][] = [
    ['"The requested URL was not found on the server. If you entered the URL manually please check your spelling and try again."', 'Flask (Werkzeug)', 404],
    ['The method is not allowed for the requested URL.', 'Flask (Werkzeug)', 405],
    ['Description The origin server did not find a current representation for the target resource or is not willing to disclose that one exists.', 'Apache Tomcat', 404],
    ['he fails with "503 Service Unavailable - No server is available to handle this request".', 'HAProxy', 503],
    ['Request forbidden by administrative rules.', 'HAProxy', 403],
    ['Incomplete response received from application', 'Phusion Passenger', 502],
    ['Problem accessing /api. Reason: Not Found', 'Jetty', 404],
    ['400 Bad Request\nThe plain HTTP request was sent to HTTPS port', 'nginx', 400],
    ['The resource you are looking for has been removed, had its name changed, or is temporarily unavailable.', 'IIS', 404],
    ['Error 503 Backend fetch failed', 'Varnish', 503],
    ['Proxy error: Could not proxy request /api/users from localhost:3000 to http://localhost:5000/.', 'Create React App dev server', 500],
    ['[HPM] Error occurred while trying to proxy request /api/users from localhost:4200 to http://localhost:3000 (ECONNREFUSED)', 'http-proxy-middleware', 504],
    ['[HPM] Error occurred while proxying request localhost:3000/api to http://localhost:8080/ [ECONNREFUSED] (https://nodejs.org/api/errors.html#errors_common_system_errors)', 'http-proxy-middleware', 504],
    ["The change you wanted was rejected.\nMaybe you tried to change something you didn't have access to.", 'Ruby on Rails', 422],
  ];
  it.each(quoted)('%s', (text, component, status) => {
    const [d] = diagnose(text).diagnoses;
    expect(d).toMatchObject({ verdict: 'identified', status, issuer: { component } });
  });
});

describe("a dev server's proxy error as its terminal logs it", () => {
  it("names Vite for its '[vite] http proxy error' line, and leaves the status open (502 today, 500 in older releases)", () => {
    // The line as proxy.ts writes it, after the logger's time and tag.
    const [d] = diagnose('10:23:45 AM [vite] http proxy error: /api/users\nError: connect ECONNREFUSED 127.0.0.1:8080').diagnoses;
    expect(d).toMatchObject({ verdict: 'identified', status: null, issuer: { component: 'Vite dev server' } });
  });
});

// Built from h2o's source: h2o_send_error_502(req, "Gateway Error", errstr) with the HTTP client's error string.
const h2oHead = (reason: string, server: string) => `HTTP/1.1 502 ${reason}\r\nServer: ${server}\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n`;

describe("H2O's own errors (lib/core/request.c, lib/core/proxy.c)", () => {
  it('names H2O for a 502 whose body is its HTTP client error, by its reason phrase or its Server header', () => {
    expect(diagnose(`${h2oHead('Gateway Error', 'x')}connection refused`).diagnoses[0]?.issuer?.fingerprint).toBe('h2o-proxy-gateway-error');
    expect(diagnose(`${h2oHead('Bad Gateway', 'h2o/2.2.6')}I/O error (head)`).diagnoses[0]?.issuer?.fingerprint).toBe('h2o-proxy-gateway-error');
  });

  it('does not take the same words from another server for H2O', () => {
    expect(diagnose(`${h2oHead('Bad Gateway', 'nginx')}connection refused`).diagnoses[0]?.issuer?.component).not.toBe('H2O');
  });

  it('names H2O for its own 404 reason phrase on a HEAD answer (h2o/h2o#78)', () => {
    expect(diagnosisOf('h2o/404-file-not-found-head-78.headers').issuer).toMatchObject({ component: 'H2O', fingerprint: 'h2o-own-error' });
  });
});

// Built from the source: the HTML 2.0 page, its 403 sentence and the server string with its port (version.c), at
// two of the server_tokens levels.
const cherokeePage = (signature: string) =>
  `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\r\n<html>\r\n<head><title>403 Forbidden</title>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\r\n</head>\r\n<body>\r\n<h1>403 Forbidden</h1>\r\nYou have no access to the requested URL\r\n<p><hr>\r\n${signature}\r\n</body>\r\n</html>\r\n`;

describe("Cherokee's own pages (cherokee/handler_error.c, build_hardcoded_response_page)", () => {
  it.each(['Cherokee web server, Port 80', 'Cherokee web server 1.2.104 (UNIX), Port 8080'])('names Cherokee for its page signed "%s", as source and as copied text', (signature) => {
    const source = diagnose(`HTTP/1.1 403 Forbidden\r\nContent-Type: text/html\r\n\r\n${cherokeePage(signature)}`).diagnoses[0];
    expect(source?.issuer).toMatchObject({ component: 'Cherokee', fingerprint: 'cherokee-own-error-page' });
    const text = diagnose(`403 Forbidden\nYou have no access to the requested URL\n${signature}`).diagnoses[0];
    expect(text?.issuer?.component).toBe('Cherokee');
  });
});

describe("CivetWeb's default error text (src/civetweb.c, mg_send_http_error_impl)", () => {
  it("does not take WebSphere Liberty's one-line \"Error 404: <exception>\" for CivetWeb's", () => {
    expect(diagnosisOf('websphere/openliberty-srve0190e-404-docker.txt').issuer?.component).not.toBe('CivetWeb');
  });
});

describe("Rocket's default catcher (core/lib/src/catcher/catcher.rs)", () => {
  // Built from Rocket's html_error_template and json_error_template for 404, the words its default_handler_fn gives.
  const html = '<h1>404: Not Found</h1>\n        <p>The requested resource could not be found.</p>\n        <hr />\n    </div>\n    <div role="contentinfo" align="center">\n        <small>Rocket</small>';
  const json = '{\n  "error": {\n    "code": 404,\n    "reason": "Not Found",\n    "description": "The requested resource could not be found."\n  }\n}';

  it('names Rocket for its page, its page text and its JSON', () => {
    expect(diagnose(`HTTP/1.1 404 Not Found\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<!DOCTYPE html>\n<html lang="en">\n<body align="center">\n    <div role="main" align="center">\n        ${html}\n    </div>\n</body>\n</html>`).diagnoses[0]?.issuer?.component).toBe('Rocket');
    expect(diagnose('404: Not Found\nThe requested resource could not be found.\n\nRocket').diagnoses[0]?.issuer?.component).toBe('Rocket');
    expect(diagnose(`HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n${json}`).diagnoses[0]?.issuer?.component).toBe('Rocket');
  });

  it('does not take another JSON error with a description for Rocket', () => {
    expect(diagnose('HTTP/1.1 404 Not Found\r\nContent-Type: application/json\r\n\r\n{"error":{"code":404,"reason":"Not Found","description":"No such user."}}').diagnoses[0]?.issuer?.component).not.toBe('Rocket');
  });
});

const json = (status: string, body: string) => `HTTP/1.1 ${status}\r\nContent-Type: application/json\r\n\r\n${body}`;

describe("Dropwizard's ErrorMessage JSON (dropwizard-jersey LoggingExceptionMapper)", () => {
  it('names Dropwizard for its logged-exception 500 and for Jersey\'s own status message', () => {
    expect(diagnose(json('500 Internal Server Error', '{"code":500,"message":"There was an error processing your request. It has been logged (ID 8c4cd2a4f1b2e3d4)."}')).diagnoses[0]?.issuer?.component).toBe('Dropwizard');
    expect(diagnose(json('404 Not Found', '{"code":404,"message":"HTTP 404 Not Found"}')).diagnoses[0]?.issuer?.component).toBe('Dropwizard');
  });

  it('does not take a code and a message of another status for it', () => {
    expect(diagnose(json('404 Not Found', '{"code":404,"message":"HTTP 500 Internal Server Error"}')).diagnoses[0]?.issuer?.component).not.toBe('Dropwizard');
  });
});

describe("Micronaut's JsonError (micronaut-core http/hateoas)", () => {
  // Built from JsonError's fields as Micronaut 3 orders them and as Micronaut 1 did (self as a list).
  it('names Micronaut for its error JSON in either key order', () => {
    const v3 = '{"message":"Not Found","_links":{"self":{"href":"/swagger-ui/index.html","templated":false}},"_embedded":{"errors":[{"message":"Page Not Found"}]}}';
    const v1 = '{"_links":{"self":[{"href":"/x","templated":false}]},"_embedded":{"errors":[{"message":"Bad Request"}]},"message":"Bad Request"}';
    expect(diagnose(json('404 Not Found', v3)).diagnoses[0]?.issuer?.component).toBe('Micronaut');
    expect(diagnose(json('400 Bad Request', v1)).diagnoses[0]?.issuer?.component).toBe('Micronaut');
  });

  it("does not take another HAL error without Micronaut's self link for it", () => {
    expect(diagnose(json('422 Unprocessable Entity', '{"_type":"Error","message":"Invalid","_embedded":{"errors":[{"message":"Subject can\'t be blank."}]}}')).diagnoses[0]?.issuer?.component).not.toBe('Micronaut');
  });
});

describe("Boom's fixed 500 (hapijs/boom lib/index.js) against Fastify's error JSON", () => {
  it("names Boom for its hidden-message 500, and Fastify when the message is the error's own", () => {
    expect(diagnose(json('500 Internal Server Error', '{"statusCode":500,"error":"Internal Server Error","message":"An internal server error occurred"}')).diagnoses[0]?.issuer?.component).toBe('Boom (hapi)');
    expect(diagnose(json('500 Internal Server Error', '{"statusCode":500,"error":"Internal Server Error","message":"connect ECONNREFUSED 127.0.0.1:5432"}')).diagnoses[0]?.issuer?.component).toBe('Fastify');
  });
});

// The two pages as their sources write them: HTTP.sys's (default-pages.yaml, its 334-byte page) and
// HostFilteringMiddleware.cs's copy, whose head closes with "</ HEAD >".
const invalidHostnamePage = (headClose: string) =>
  '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">\r\n<HTML><HEAD><TITLE>Bad Request</TITLE>\r\n' +
  `<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii">${headClose}\r\n<BODY><h2>Bad Request - Invalid Hostname</h2>\r\n` +
  '<hr><p>HTTP Error 400. The request hostname is invalid.</p>\r\n</BODY></HTML>';
const invalidHostnameAnswer = (server: string | null, body: string) => {
  const head = `HTTP/1.1 400 Bad Request\r\nContent-Type: text/html\r\n${server ? `Server: ${server}\r\n` : ''}\r\n`;
  const [d] = diagnose(head + body).diagnoses;
  return [d?.issuer?.component, d?.issuer?.fingerprint, d?.confidence];
};

describe('"Bad Request - Invalid Hostname": HTTP.sys, or ASP.NET Core host filtering that copies its page', () => {
  it("names HTTP.sys by its own markup or its Server header, ASP.NET Core by its copy's markup or Kestrel's header", () => {
    expect(invalidHostnameAnswer(null, invalidHostnamePage('</HEAD>'))).toEqual(['HTTP.sys', 'httpsys-bad-hostname', 'medium']);
    expect(invalidHostnameAnswer('Microsoft-HTTPAPI/2.0', invalidHostnamePage('</HEAD>'))).toEqual(['HTTP.sys', 'httpsys-bad-hostname', 'medium']);
    expect(invalidHostnameAnswer(null, invalidHostnamePage('</ HEAD >'))).toEqual(['ASP.NET Core', 'aspnet-core-host-filtering', 'high']);
    expect(invalidHostnameAnswer('Kestrel', invalidHostnamePage('</ HEAD >'))).toEqual(['ASP.NET Core', 'aspnet-core-host-filtering', 'high']);
  });

  it('names HTTP.sys at low confidence for the words alone, which both write (corpus: http-sys/sharphttpserver-invalid-hostname.txt)', () => {
    const d = diagnosisOf('http-sys/sharphttpserver-invalid-hostname.txt');
    expect([d.issuer?.component, d.issuer?.fingerprint, d.confidence]).toEqual(['HTTP.sys', 'httpsys-invalid-hostname-words', 'low']);
    expect(d.summary).toContain('ASP.NET Core');
  });
});

describe("Exchange's front-end headers", () => {
  it("leave a 401 Negotiate or NTLM challenge to IIS's Windows authentication, not Exchange (corpus: iis/mhewedy-ews4-exchange-401-ntlm.http)", () => {
    expect(diagnosisOf('iis/mhewedy-ews4-exchange-401-ntlm.http').issuer?.component).not.toBe('Microsoft Exchange Server');
  });
});

describe("Plesk's error_docs page over Apache's sentence", () => {
  it("names Plesk's page, which refines Apache's (its default stack serves it), and leaves Apache's own page Apache's", () => {
    expect(diagnosisOf('plesk/vhost-error-docs-500.html')).toMatchObject({ confidence: 'high', issuer: { component: "Plesk (its web server's error page)" } });
    expect(diagnosisOf('apache/laravel-subdomain-500-errordocument.txt')).toMatchObject({ issuer: { component: 'Apache httpd' } });
    // HestiaCP's page quotes Apache's sentence too: its own footer names it, not Plesk's.
    expect(diagnosisOf('hestiacp/hestiacp-document-errors-50x.html')).toMatchObject({ issuer: { component: 'HestiaCP' } });
  });
});

