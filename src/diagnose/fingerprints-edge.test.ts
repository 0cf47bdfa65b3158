import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';

/** Real captures of edge, cloud and platform answers (test/fixtures/diagnose/wild, indexed in corpus-a.tsv, corpus-c.tsv and corpus-f.tsv). */
const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

function firstDiagnosis(path: string) {
  const [first] = diagnose(wild(path)).diagnoses;
  if (!first) throw new Error(`no diagnosis for ${path}`);
  return first;
}

/** Capture, issuing component, the fingerprint that should win. */
const ISSUED: [string, string, string][] = [
  ['cloudflare/1015-rate-limited-ustraveldocs.txt', 'Cloudflare', 'cloudflare-1015'],
  ['cloudflare/1016-origin-dns-error-nexusmods.txt', 'Cloudflare', 'cloudflare-1016'],
  ['cloudflare/1020-access-denied-frapsoft-badges.txt', 'Cloudflare', 'cloudflare-1020'],
  ['cloudflare/1034-edge-ip-restricted-fruition.txt', 'Cloudflare', 'cloudflare-dns-config'],
  ['cloudflare/1101-worker-threw-exception-bpb.txt', 'Cloudflare', 'cloudflare-1101'],
  // The heading and the code as people quote them, in either order (held-out set 290).
  ['cloudflare/edtunnel-1101-worker-threw-exception.txt', 'Cloudflare', 'cloudflare-1101-named'],
  // The plain-text 1xxx body quoted in a sentence as the whole answer.
  ['cloudflare/1003-error-code-line-in-prose-workers-docs.txt', 'Cloudflare', 'cloudflare-1xxx-plain'],
  ['cloudflare/v2ray-worker-1101-worker-threw-exception.txt', 'Cloudflare', 'cloudflare-1101-named'],
  ['cloudflare/522-dayzmod-lynx-dump.txt', 'Cloudflare', 'cloudflare-522'],
  // anthropics/claude-code#3197: the CLI printed the page after the status, cut after its head ("[...]")
  ['cloudflare/claudecode3197-520-api-error.log', 'Cloudflare', 'cloudflare-520'],
  // the page's text as a reporter copied it: a Workers route over the free plan's daily limit
  ['cloudflare/vless-174-error-1027-workers-limit.txt', 'Cloudflare', 'cloudflare-1027-titled'],
  // cloudfoundry/gorouter PR 314: its own 503 for a route with no instance left
  ['cloud-foundry-gorouter/pr314-503-no-available-endpoints.txt', 'Cloud Foundry Gorouter', 'gorouter-no-endpoints'],
  // the router's line pasted from code= on (an H10 in a user's issue), and the older no-such-app page's title alone
  ['heroku/cds-comparator-h10-router.log', 'Heroku router', 'heroku-router-log'],
  ['heroku/flask-react-boilerplate-no-such-app.txt', 'Heroku router', 'heroku-no-such-app-older-words'],
  // apache/apisix#4754: the router's answer before 2.0 ("failed to match any routes")
  ['apisix/apisix-4754-failed-to-match.json', 'Apache APISIX', 'apisix-route-not-found'],
  // a bug-bounty recon capture of Netlify's plain 404 with its older request id (a UUID and a number)
  ['netlify/bb-k8sdocs-not-found-request-id.txt', 'Netlify', 'netlify-not-found-request-id'],
  // The body in a script's quotes (`Response: "Not Found - Request ID: …"`).
  ['netlify/final-banner-site-not-found-404-probe.txt', 'Netlify', 'netlify-not-found-request-id'],
  // Edgecast's lighttpd-shaped page under its ECLF server code, in Postman's older header view.
  ['edgecast/nugetgallery-5614-flatcontainer-502-eclf.txt', 'Edgecast', 'edgecast-error-page'],
  // kubernetes/ingress-gce#141: the front end's two sentences as an issue title quotes them, without the last period
  ['google-cloud-lb/ingress-gce-141-temporary-error.txt', 'Google Front End', 'google-frontend-502'],
  // azureossd's App Service blog: the Linux middleware's message when it cannot reach the app's container
  ['azure-app-service/middleware-failed-to-forward.txt', 'Azure App Service', 'azure-app-service-failed-to-forward'],
  ['cloudflare/522-nodejs-org-download.txt', 'Cloudflare', 'cloudflare-522'],
  ['cloudflare/525-ssl-handshake-divinum-officium.txt', 'Cloudflare', 'cloudflare-525'],
  ['aws-alb/464-keymaster-185-cli-prose.txt', 'AWS Application Load Balancer', 'aws-alb-own-status'],
  ['fastly/503-first-byte-timeout-54113-metacpan.txt', 'Fastly', 'fastly-first-byte-timeout'],
  ['fastly/503-first-byte-timeout-cohost.http', 'Fastly', 'fastly-first-byte-timeout'],
  ['fastly/503-backend-unhealthy-python-org.txt', 'Fastly', 'fastly-backend-unhealthy'],
  ['fastly/503-backend-unhealthy-54113-github-lfs.txt', 'Fastly', 'fastly-backend-unhealthy'],
  ['fastly/503-no-healthy-backends-npm-err.txt', 'Fastly', 'fastly-backend-unhealthy'],
  ['fastly/503-no-healthy-ip-jenkins-io.http', 'Fastly', 'fastly-backend-unhealthy'],
  ['varnish/503-service-unavailable-varnish3-palewire.txt', 'Varnish', 'varnish-guru-meditation'],
  ['varnish/503-backend-fetch-failed-reward-magento.txt', 'Varnish', 'varnish-backend-fetch-failed'],
  ['cloudfront/504-origin-failed-arkit.http', 'Amazon CloudFront', 'cloudfront-504'],
  ['aws-elb/503-backend-at-capacity-intercom.http', 'AWS Classic Load Balancer', 'aws-elb-at-capacity'],
  ['aws-elb/503-backend-at-capacity-elk-console.txt', 'AWS Classic Load Balancer', 'aws-elb-at-capacity-reported'],
  ['aws-s3/403-access-denied-s3-resizer-browser.http', 'Amazon S3', 'aws-s3-access-denied'],
  ['aws-s3/404-nosuchkey-guzzle-error.txt', 'Amazon S3', 'aws-s3-not-found'],
  ['aws-s3/403-head-presigned-url-libreconv.headers', 'Amazon S3', 'aws-s3-error'],
  ['aws-api-gateway/503-service-unavailable-http-api-timeout.curl', 'Amazon API Gateway', 'apigw-http-api-error'],
  ['google-frontend/404-thats-an-error-webcache.txt', 'Google Front End', 'google-frontend-error-page'],
  ['google-frontend/403-forbidden-cloud-run-codelab-iam.txt', 'Google Front End', 'google-frontend-forbidden'],
  ['google-frontend/403-forbidden-cloud-run-litmus.txt', 'Google Front End', 'google-frontend-forbidden'],
  // The load balancer's 502 page as text: App Engine shows the same words, so only the front end they share is named.
  ['gcp-load-balancer/502-server-error-gke-ingress.txt', 'Google Front End', 'google-frontend-502'],
  ['google-app-engine/500-server-error-goread-devtools.txt', 'Google App Engine', 'gae-500-server-error-legacy'],
  ['google-app-engine/500-try-again-30s-kindleear.txt', 'Google Front End', 'google-frontend-500-server-error'],
  ['google-frontend/500-server-error-via-cloudfront-dl-flynn.http', 'Google Front End', 'google-frontend-500-server-error'],
  // The sentences without the load balancer's heading: Google's front end, which Google's own APIs and Cloud Load Balancing share.
  ['gcp-load-balancer/502-temporary-error-deploymentmanager-logbook.txt', 'Google Front End', 'google-frontend-502'],
  ['cloudflare/520-partial-html-no-heading-redelk.http', 'Cloudflare', 'cloudflare-520'],
  // The older challenge page's CF-Chl-Bypass header (headers only, wget -S); the Access denied title in a page cut before its code.
  ['cloudflare/403-phoenixadult-wget-server-response.txt', 'Cloudflare', 'cloudflare-challenge'],
  // Cloud Endpoints' ESP: its google.rpc.Status JSON whose DebugInfo puts the cause on its own side (Service Control).
  ['cloud-endpoints-esp/500-service-control-122-esp-573.json', 'Cloud Endpoints ESP', 'esp-check-failed'],
  // The firewall's Access denied page as text, cut before its error code: its 'What happened?' sentence and Ray ID footer.
  ['cloudflare/403-access-denied-pincong-dropod-text.txt', 'Cloudflare', 'cloudflare-waf-block'],
  // The older edge's plain 522 page ("cloudflare-nginx" footer) printed in a CI log after its error mark.
  ['cloudflare/522-setup-node-actions-log-error-mark.txt', 'Cloudflare', 'cloudflare-522'],
  ['cloudflare/403-cloudscraper-100-toolbelt-dump.txt', 'Cloudflare', 'cloudflare-access-denied'],
  ['cloudflare/523-partial-status-boxes-chatgpt-1339.http', 'Cloudflare', 'cloudflare-523'],
  ['cloudflare/524-partial-escaped-string-dify.txt', 'Cloudflare', 'cloudflare-524'],
  ['cloudflare/1102-worker-exceeded-resource-limits-renewlet.http', 'Cloudflare', 'cloudflare-1102'],
  ['cloudfront/503-lambda-edge-serverless-next-backticks.txt', 'Amazon CloudFront', 'cloudfront-lambda-edge'],
  ['cloudfront/403-request-blocked-studio-lab.txt', 'Amazon CloudFront', 'cloudfront-403'],
  ['cloudfront/403-request-blocked-soundcloud-text.txt', 'Amazon CloudFront', 'cloudfront-403'],
  ['fastly/503-first-byte-timeout-no-heading-statically.txt', 'Fastly', 'fastly-first-byte-timeout'],
  ['sucuri/403-access-denied-sqlmap-server-nginx.http', 'Sucuri Website Firewall', 'sucuri-access-denied'],
  ['sucuri/403-godaddy-security-whatwaf-leocybersecurity.http', 'Sucuri Website Firewall', 'sucuri-access-denied'],
  ['imperva/xxx-incapsula-iframe-dollargeneral.http', 'Imperva (Incapsula)', 'imperva-incident'],
  ['bunnycdn/504-origin-timeout-errorcode-106-php-downloads.headers', 'Bunny CDN', 'bunnycdn-origin-error'],
  // example.com through Edgecast: its XHTML page (lighttpd's template) from an EOS server, with its beacon script
  ['edgecast/polly-example-com-api-path-500.har', 'Edgecast', 'edgecast-error-page'],
  ['edgecast/verizon-403.http', 'Edgecast', 'edgecast-access-denied'],
  // NuGet's 504 during an Azure outage: Edgecast's page, which is lighttpd's template, from an ECAcc server
  ['edgecast/nuget-flatcontainer-504-ecacc.http', 'Edgecast', 'edgecast-error-page'],
  ['azure-functions/503-function-host-not-running-iis-headers.http', 'Azure Functions host', 'azure-functions-host-not-running'],
  ['azure-app-service/502-kudu-scm-site-arr-page-text.txt', 'Azure App Service', 'azure-app-service-front-end-error'],
  ['vercel/404-not-found-two-lines-nextchat.txt', 'Vercel', 'vercel-not-found'],
  ['azure-app-service/403-web-app-stopped-2016-parse.txt', 'Azure App Service', 'azure-app-service-stopped'],
  ['azure-app-service/403-web-app-stopped-vscode-deploy.txt', 'Azure App Service', 'azure-app-service-stopped'],
  ['azure-front-door/503-services-not-available-swa-edge.http', 'Azure Front Door', 'azure-front-door-error'],
  ['azure-front-door/404-no-configuration-takeover.txt', 'Azure Front Door', 'azure-front-door-no-configuration'],
  ['azure-app-gateway/502-bad-gateway-container-apps-waf.http', 'Azure Application Gateway', 'azure-appgw-502'],
  ['heroku/503-application-error-mern-ecommerce.txt', 'Heroku router', 'heroku-application-error'],
  ['heroku/503-application-error-old-iframe-via-cloudflare-nginx.http', 'Heroku router', 'heroku-application-error'],
  ['netlify/404-page-not-found-bolt-deploy.txt', 'Netlify', 'netlify-page-not-found'],
  ['netlify/404-site-not-found-pastemd-blocked.txt', 'Netlify', 'netlify-site-not-found'],
  ['github-pages/404-no-pages-site-nonprofit-starter.txt', 'GitHub Pages', 'github-pages-no-site'],
  ['github-pages/404-site-not-found-xlibre-alpine-curl.http', 'GitHub Pages', 'github-pages-no-site'],
  ['github-pages/404-curl-I-mighttpd2.headers', 'GitHub Pages', 'github-server-error'],
  ['firebase-hosting/404-page-not-found-flutter-neumorphic.txt', 'Firebase Hosting', 'firebase-hosting-page-not-found'],
  ['firebase-hosting/404-site-not-found-react-mailchimp-form.txt', 'Firebase Hosting', 'firebase-hosting-site-not-found'],
  ['firebase-hosting/404-template-superstatic-default.http', 'Firebase Hosting', 'superstatic-not-found'],
  ['railway/502-application-failed-to-respond-dialoqbase.txt', 'Railway', 'railway-application-failed-to-respond'],
  ['railway/502-application-failed-to-respond-aurora.txt', 'Railway', 'railway-application-failed-to-respond-heading'],
  ['render/xxx-suspended-by-owner-ythls.txt', 'Render', 'render-suspended-by-owner'],
  // X-Render-Routing naming the status after its error (dynamic-hibernate-error-503).
  ['render/compliancecopilot-503-hibernate.http', 'Render', 'render-routing-error'],
  // Akamai's own head on a 503 (curl -I: no page), as on its Access Denied.
  ['akamai/503-head-request-eia-curl-I.headers', 'Akamai', 'akamai-error-head'],
  ['fly-io/xxx-proxy-refused-hello-fly-log.txt', 'Fly Proxy', 'fly-proxy-log'],
  ['fly-io/xxx-proxy-refused-shopify-message.txt', 'Fly Proxy', 'fly-proxy-log'],
  ['vercel/402-deployment-disabled-interstellar-page-text.txt', 'Vercel', 'vercel-deployment-disabled'],
  ['vercel/402-deployment-blocked-zeit-now-realworld.txt', 'Vercel', 'vercel-deployment-disabled'],
  ['render/xxx-suspended-crossrun-onrender.txt', 'Render', 'render-suspended'],
  ['railway/404-train-not-arrived-fasthtml-game-of-life.txt', 'Railway', 'railway-train-not-arrived'],
  ['azure-app-service/404-web-site-not-found-traffic-manager-docs.txt', 'Azure App Service', 'azure-app-service-site-not-found'],
  ['azure-app-service/404-web-site-not-found-polly-sidebar.txt', 'Azure App Service', 'azure-app-service-site-not-found'],
  ['azure-app-service/404-web-site-not-found-vscode-postcreate.txt', 'Azure App Service', 'azure-app-service-site-not-found'],
  ['kong/502-template-json-invalid-upstream-response.http', 'Kong Gateway', 'kong-502'],
  ['kong/504-template-html-upstream-timing-out.http', 'Kong Gateway', 'kong-504'],
  ['kong/404-no-route-matched-host-header.json', 'Kong Gateway', 'kong-no-route'],
  ['apache-traffic-server/502-template-connection-failed.http', 'Apache Traffic Server', 'ats-connect-failed'],
  ['apache-traffic-server/504-template-next-hop-timeout.http', 'Apache Traffic Server', 'ats-timeout'],
  ['apache-traffic-server/404-template-not-found-on-accelerator.http', 'Apache Traffic Server', 'ats-no-mapping'],
  ['apache-traffic-server/502-undefined-error-origin-down.headers', 'Apache Traffic Server', 'ats-error-headers'],
  ['envoy/503-connection-failure-contour-chunked.http', 'Envoy', 'envoy-connect-failure'],
  ['envoy/503-connection-failure-contour-upstream-time.http', 'Envoy', 'envoy-connect-failure'],
  ['zscaler/xxx-block-trojan-openliberty.txt', 'Zscaler Internet Access', 'zscaler-block-page'],
  ['zscaler/xxx-web-access-denied-ayakashi-escaped.txt', 'Zscaler Internet Access', 'zscaler-block-page'],
  ['forcepoint/xxx-websense-blocked-npm-silly-log.txt', 'Forcepoint Web Security (Websense)', 'forcepoint-block-page'],
  ['aws-elb/503-backend-at-capacity-oauth-io.txt', 'AWS Classic Load Balancer', 'aws-elb-at-capacity-reported'],
  ['aws-api-gateway/403-missing-auth-token-xml.http', 'Amazon API Gateway', 'apigw-missing-auth-token-xml'],
  ['aws-s3/404-head-empty-body-botocore-debug.txt', 'Amazon S3', 'aws-s3-error'],
  ['envoy/503-egress-envoy-curl-I.headers', 'Envoy', 'envoy-local-reply-head'],
  // Headers only: HTTP.sys's 404 page rebuilt from its size (315 bytes, default-pages.yaml).
  ['http-sys/arl-haircode-404.headers', 'HTTP.sys', 'httpsys-error-page'],
  ['firebase-hosting/404-site-not-found-befake.txt', 'Firebase Hosting', 'firebase-hosting-site-not-found'],
  // A router line the log parsers read is judged by its own fields (a viewer's `heroku/router` prefix included); one
  // they cannot read (a time cut short) is still the router's by its code and desc.
  ['heroku/503-h82-router-log.txt', 'Heroku router', 'heroku-log-line-own-answer'],
  ['heroku/503-h13-rocket-under-load.log', 'Heroku router', 'heroku-log-line-own-answer'],
  ['heroku/503-h10-router-line-enduro-300-cut-year.txt', 'Heroku router', 'heroku-router-log'],
  ['render/xxx-service-suspended-cybria.txt', 'Render', 'render-suspended'],
  // Headers only, no status line: CloudFront names itself in Server only on what it generates.
  ['sharex-7444/cloudfront-504.headers', 'Amazon CloudFront', 'cloudfront-own-error-head'],
  // Headers with no status line and the page's title after them: the title's words carry the match, not X-Sucuri-Block.
  ['sucuri/plum-island-sucuri-ddos22.headers', 'Sucuri Website Firewall', 'sucuri-access-denied'],
  // S3's XML error layout from stores with no marker of their own: the object store answered, which one is unsaid.
  ['ibm-cos/cos-put-403-accessdenied.http', 'Object storage (S3-style XML error)', 'object-storage-xml-error'],
  ['riak-cs/riak-cs-accessdenied.http', 'Object storage (S3-style XML error)', 'object-storage-xml-error'],
  // DOSarrest's own page for its own 463 ("Restricted Client"), which is also an ALB code; Fastly stopping a loop.
  ['dosarrest/sportsbookreview-463-body.html', 'DOSarrest', 'dosarrest-error-page'],
  ['fastly/rvm-503-loop-detected-curlv.txt', 'Fastly', 'fastly-loop-detected'],
  // Imperva's newer block page ("Error 16"), copied from the browser: its sentence and the incident ID after it.
  ['imperva/incapsula-error16-access-denied.txt', 'Imperva (Incapsula)', 'imperva-incident'],
  // Imperva's bot protection: Distil's "Pardon Our Interruption" page (a robots.txt archive) and Imperva's later one.
  ['imperva/robots-nvsos-distil-pardon-interruption.html', 'Imperva (Incapsula)', 'imperva-pardon-our-interruption'],
  ['imperva/incapsula-cracker-pardon-our-interruption.html', 'Imperva (Incapsula)', 'imperva-pardon-our-interruption'],
  // Cloudflare's branded 502 cut after its head (EdgeGPT's log), and its "Attention Required!" block page behind a head
  // kept in an HTML comment (WhatWaf's fixture).
  ['cloudflare/edgegpt-churchless-502-bad-gateway.log', 'Cloudflare', 'cloudflare-branded-5xx-title'],
  ['cloudflare/whatwaf-wpengine-403-attention-required.http', 'Cloudflare', 'cloudflare-attention-required'],
  // Cloudflare's 524 page cut after its head, in Claude Code's output through a relay (held-out set 93).
  ['cloudflare/claude-code-relay-newcli-524.log', 'Cloudflare', 'cloudflare-524'],
  // Supabase Edge Functions' own answers, as its troubleshooting docs show them (a boot error, a worker limit, a
  // function not deployed, the older numeric 401).
  ['supabase/edge-function-503-boot-error.json', 'Supabase', 'supabase-edge-error-code'],
  ['supabase/edge-function-546-worker-limit.json', 'Supabase', 'supabase-edge-error-code'],
  ['supabase/edge-function-404-not-found.json', 'Supabase', 'supabase-edge-error-code'],
  ['supabase/edge-function-401-invalid-jwt.json', 'Supabase', 'supabase-invalid-jwt-numeric'],
  // kamal-proxy's own 502 and 504 pages (basecamp/kamal-proxy internal/pages).
  ['kamal-proxy/kamal-proxy-502-bad-gateway.html', 'kamal-proxy', 'kamal-proxy-error-page'],
  ['kamal-proxy/kamal-proxy-504-gateway-timeout.html', 'kamal-proxy', 'kamal-proxy-error-page'],
  // Higress's plugins refusing a request in their own sentence (its source at a pinned commit: basic-auth, ai-quota).
  ['higress/basic-auth-bad-credential-401.txt', 'Higress', 'higress-plugin-denied'],
  ['higress/ai-quota-no-quota-403.txt', 'Higress', 'higress-plugin-denied'],
  // Ambassador Edge Stack's Filters refusing a request (its JWT and APIKey guides), behind Envoy.
  ['ambassador-edge-stack/jwt-filter-no-bearer-401-curl-v.txt', 'Ambassador Edge Stack', 'ambassador-edge-stack-filter-error'],
  ['ambassador-edge-stack/apikey-filter-403-curl-v.txt', 'Ambassador Edge Stack', 'ambassador-edge-stack-filter-error'],
  // Cloudflare's 1033 sentence quoted by project docs without the page's heading (held-out set 188).
  ['cloudflare/aiduxcare-dev-error-1033-tunnel-text.txt', 'Cloudflare', 'cloudflare-1033-sentence'],
  // PyPI's outage page, a synthetic of its Fastly configuration: the template at a pinned commit, and its text as a
  // user copied it (held-out sets 188 and 191).
  ['fastly/pypi-warehouse-pretty-503-synthetic.html', 'Fastly', 'fastly-pypi-outage-page'],
  ['fastly/warehouse-6071-pypi-outage-page-mumbai-pop.txt', 'Fastly', 'fastly-pypi-outage-page'],
  // Kong's router refusing plain HTTP on an HTTPS-only Route (held-out set 189).
  ['kong/426-please-use-https-protocol.http', 'Kong Gateway', 'kong-https-required'],
  // Meteor Galaxy's proxy with no healthy container, as its troubleshooting docs quote it (held-out set 187).
  ['meteor-galaxy/503-no-healthy-endpoints.txt', 'Meteor Galaxy', 'meteor-galaxy-no-healthy-endpoints'],
];

describe('edge and platform fingerprints on real captures', () => {
  it("names no Vercel for another product's line that ends in NOT_FOUND (Spring's ResponseStatusException)", () => {
    const line = wild('spring-boot/404-scg-2859-unexpected-error-line.txt').split('\n')[1] as string;
    expect(line).toContain('404 NOT_FOUND');
    // Spring's HttpStatus names the status ("404 NOT_FOUND"), so the line alone is a 404 whose issuer it does not say.
    expect(diagnose(line).diagnoses[0]).toMatchObject({ status: 404, verdict: 'unknown' });
    expect(diagnose(`HTTP/1.1 404 Not Found\nContent-Type: text/plain\n\n${line}`).diagnoses[0]?.issuer?.component).not.toBe('Vercel');
  });

  // A client's "HTTP Error 521" (urllib2) and axios's 530 show the status alone: Cloudflare's codes, which g3proxy,
  // Zoraxy and Pantheon share, so Cloudflare is named as a guess (Zoraxy's own 521 page still names Zoraxy, below).
  it.each([
    ['cloudflare/eoemarket-521-urllib2.log', 521],
    ['cloudflare/naas-axios-530-tunnel-1033.txt', 530],
  ])('%s: the status alone (%i) names Cloudflare at low confidence', (path, status) => {
    const d = firstDiagnosis(path);
    expect(d).toMatchObject({ status, verdict: 'identified', confidence: 'low' });
    expect(d.issuer?.fingerprint).toBe('cloudflare-likely-status');
    expect(d.summary).toMatch(/g3proxy/);
  });

  it.each(ISSUED)('%s: issued by %s (%s)', (path, component, fingerprint) => {
    const d = firstDiagnosis(path);
    expect(d.verdict).toBe('identified');
    expect(d.issuer?.component).toBe(component);
    expect(d.issuer?.fingerprint).toBe(fingerprint);
  });

  it("names no ALB for another product's page that uses the ALB's own code (a vendor's code names it only when nothing else speaks)", () => {
    const page = wild('dosarrest/sportsbookreview-463-body.html').replaceAll('DOSarrest', 'Example Shield').replaceAll('/DOAError/', '/errors/');
    expect(page).toContain('<title>463 Restricted Client - Example Shield Internet Security</title>');
    expect(diagnose(page).diagnoses[0]?.issuer?.component).not.toBe('AWS Application Load Balancer');
    // Prose that mentions the code still names it (keymaster#185: "receiving HTTP 464").
    expect(firstDiagnosis('aws-alb/464-keymaster-185-cli-prose.txt').issuer?.component).toBe('AWS Application Load Balancer');
  });

  it('names no block for the same head without the page\'s words: a header and no status say nothing of the error', () => {
    const head = wild('sucuri/plum-island-sucuri-ddos22.headers').split('(Request type')[0] as string;
    expect(head).toContain('X-Sucuri-Block: DDOS22');
    expect(diagnose(head).diagnoses[0]?.issuer?.fingerprint).not.toBe('sucuri-access-denied');
  });

  it('does not read nginx\'s 503 title, copied alone, as the ALB page (the ALB page is told apart only by its missing footer)', () => {
    expect(firstDiagnosis('ingress-nginx/503-kube-prod-runtime-cpu-starved.txt').issuer?.component).not.toBe('AWS Application Load Balancer');
  });

  it('shows Cloudflare on the path of the Heroku page it passed through with Server: cloudflare-nginx', () => {
    expect(firstDiagnosis('heroku/503-application-error-old-iframe-via-cloudflare-nginx.http').chain.map((l) => l.component)).toEqual(['Cloudflare', 'Heroku router']);
  });

  // Zoraxy answers 521 too ("Web server is down", its own page): a sentence naming error 521 names Cloudflare only as
  // a guess, and both meanings stay listed.
  it.each(['cloudflare/521-synology-ddns-10-prose.txt', 'cloudflare/521-cloudflare-docs-13518-prose.txt'])('names Cloudflare for a bare error 521 only at low confidence (%s)', (path) => {
    const d = firstDiagnosis(path);
    expect(d).toMatchObject({ status: 521, verdict: 'identified', confidence: 'low', issuer: { fingerprint: 'cloudflare-likely-status' } });
    expect(d.statusMeanings.map((m) => m.id)).toEqual(expect.arrayContaining(['521-cloudflare', '521-zoraxy']));
  });

  it.each([
    ['zoraxy/521-rperror-template.html', 'zoraxy-web-server-down'],
    ['zoraxy/404-hosterror-template.html', 'zoraxy-target-host-not-found'],
    // Its example access-denied page copies Cloudflare's markup (Error 1006, a Ray ID) and signs it Zoraxy.
    ['zoraxy/403-blacklist-cf-template.html', 'zoraxy-access-denied-template'],
  ])("names Zoraxy for its own page, not Cloudflare (%s)", (path, fingerprint) => {
    expect(firstDiagnosis(path).issuer).toMatchObject({ component: 'Zoraxy', fingerprint });
  });

  it.each([
    ['ngrok/502-err-8012-comfyui-sagemaker-1.txt', 'ngrok-agent-upstream-failed'],
    ['ngrok/502-client-failed-local-address-ngrok-674.txt', 'ngrok-agent-upstream-failed'],
    ['ngrok/404-err-3200-video-chatgpt-56.txt', 'ngrok-endpoint-offline'],
    ['ngrok/404-tunnel-not-found-shellphish-34.txt', 'ngrok-endpoint-offline'],
  ])('names ngrok for its own page text, ERR_NGROK codes and ngrok 2 wording (%s)', (path, fingerprint) => {
    expect(firstDiagnosis(path).issuer).toMatchObject({ component: 'ngrok', fingerprint });
  });

  // Mechanics (a synthetic head, ngrok's documented header): any error code in it names ngrok.
  it('names ngrok from its ngrok-error-code header', () => {
    expect(diagnose('HTTP/1.1 404 Not Found\nngrok-error-code: ERR_NGROK_3200\n\n').diagnoses[0]?.issuer).toMatchObject({ component: 'ngrok', fingerprint: 'ngrok-error-code-header' });
  });

  it("names Cloudflare from a 52x status only where the paste shows the status, never for a body that shows none", () => {
    expect(firstDiagnosis('kong/404-admin-api-not-found-postman.json').issuer?.component).not.toBe('Cloudflare');
    expect(firstDiagnosis('laravel/404-framework-31757-empty-message.json').issuer?.component).not.toBe('Cloudflare');
  });

  it('reads a 52x page copied without its footer when it names its code, and a Cloudflare page that names no code as no 52x', () => {
    expect(diagnose('Web server is down Error code 521\nVisit cloudflare.com for more information.\n2024-01-01 10:00:00 UTC').diagnoses[0]?.issuer?.fingerprint).toBe('cloudflare-521');
    const challenge = 'Checking your browser before accessing example.com.\nThis process is automatic.\nDDoS protection by Cloudflare\nRay ID: 6a1b2c3d4e5f6a7b';
    expect(diagnose(challenge).diagnoses[0]).toMatchObject({ status: null, issuer: { fingerprint: 'cloudflare-challenge' } });
    expect(diagnose('Just a moment...\nEnable JavaScript and cookies to continue').diagnoses[0]?.issuer?.fingerprint).toBe('cloudflare-challenge');
  });

  it("reads the words of Heroku's no-such-app page, with low confidence (others copy the phrase)", () => {
    const d = diagnose("There's nothing here, yet.\nBuild something amazing").diagnoses[0];
    expect(d).toMatchObject({ confidence: 'low', issuer: { component: 'Heroku router', fingerprint: 'heroku-no-such-app-words' } });
    expect(() => diagnose("There's nothing here, yet.")).toThrow(/not a response httpwhy can read/);
  });

  // Envoy's own head: exactly text/plain, and no x-envoy-upstream-service-time (which a response from an upstream carries).
  it.each([
    ['a response from an upstream (x-envoy-upstream-service-time)', 'HTTP/1.1 503 Service Unavailable\nserver: envoy\ncontent-type: text/plain\nx-envoy-upstream-service-time: 12\ncontent-length: 211\n'],
    ["an application's own text (a charset)", 'HTTP/1.1 503 Service Unavailable\nserver: envoy\ncontent-type: text/plain; charset=utf-8\ncontent-length: 211\n'],
  ])('does not read %s as an Envoy local reply', (_case, head) => {
    expect(diagnose(head).diagnoses[0]?.issuer?.fingerprint).not.toBe('envoy-local-reply-head');
  });

  // Without headers, a copied branded 502 cannot show whether cf-error-type was absent (the origin answered 502) or
  // present (Cloudflare's own failure), but the page is Cloudflare's either way; the summary names the origin as the
  // usual cause.
  it.each(['cloudflare/502-chatgpt-bad-gateway-page-text.txt', 'cloudflare/502-chatgpt-bad-gateway-kannur.txt'])('names Cloudflare for its branded 502 page text (%s)', (path) => {
    const d = firstDiagnosis(path);
    expect(d).toMatchObject({ verdict: 'identified', status: 502, confidence: 'medium', issuer: { component: 'Cloudflare', fingerprint: 'cloudflare-branded-5xx-page' } });
    expect(d.summary).toContain('the origin is the usual cause');
  });
  // Only the reason line under the heading of CloudFront's 504 page (cloudfront/504-huggingface-icon.txt, line 3),
  // as people quote it: it names CloudFront itself.
  it("names CloudFront from its page's origin reason line alone", () => {
    const reason = wild('cloudfront/504-huggingface-icon.txt').split('\n')[2]?.split('. We can')[0] ?? '';
    expect(reason).toMatch(/^CloudFront attempted to establish a connection with the origin/);
    expect(diagnose(`${reason}.`).diagnoses[0]).toMatchObject({ verdict: 'identified', issuer: { component: 'Amazon CloudFront', fingerprint: 'cloudfront-origin-reason' } });
  });
  // Mechanics (synthetic heads): Envoy's text under Google's Via is the load balancer's own reply only without the
  // `server: envoy` an Envoy of the user's (Istio behind the load balancer) writes on its local replies.
  it.each([
    ['without a Server header', '', 'Google Cloud Load Balancing'],
    ['with server: envoy', 'server: envoy\n', 'Envoy'],
  ])("names the issuer of Envoy's text under Via: 1.1 google %s", (_case, server, component) => {
    const head = `HTTP/2 503\ncontent-type: text/plain\n${server}via: 1.1 google\n\nno healthy upstream\n`;
    expect(diagnose(head).diagnoses[0]?.issuer?.component).toBe(component);
  });
});

describe("Envoy's fault injection and what its upstream answered", () => {
  // The body is the fault filter's constant (FaultFilter::abortWithStatus); the status is whatever the rule chose.
  it.each([418, 503])("names Envoy for a %i abort of its fault filter, which no upstream was asked for", (status) => {
    const d = diagnose(`HTTP/1.1 ${status} Unknown\ncontent-length: 18\ncontent-type: text/plain\nserver: envoy\n\nfault filter abort`).diagnoses[0];
    expect(d).toMatchObject({ confidence: 'high', issuer: { component: 'Envoy', fingerprint: 'envoy-fault-abort' } });
  });

  it("names the application for httpbin's 418 through Envoy (x-envoy-upstream-service-time; Envoy answers 418 only for a fault rule)", () => {
    expect(firstDiagnosis('app/httpbin-418-teapot-via-envoy.txt')).toMatchObject({ verdict: 'inferred', confidence: 'medium', issuer: { component: 'application' } });
  });
});
