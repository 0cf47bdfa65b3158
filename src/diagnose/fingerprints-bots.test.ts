import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diagnose } from './diagnose.ts';

/** Real captures and components' own templates (test/fixtures/diagnose/wild, indexed in corpus-za.tsv). */
const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');
const first = (path: string) => diagnose(wild(path)).diagnoses[0];

describe('bot protection, rate limits and gateways that answer for the site', () => {
  it.each([
    // psf/requests#5331 (DataDome's page, with an Imperva script tag the site also carries) and Blount/Cheky#95
    ['datadome/requests-5331-blocked.html', 'DataDome', 'datadome-block'],
    ['datadome/cheky-leboncoin-403-blocked.html', 'DataDome', 'datadome-block'],
    // PerimeterX's NGINX enforcer's templates at a pinned commit: its block page, and its rate-limit page that names nobody
    ['perimeterx/tpl-nginx-plugin-block.html', 'HUMAN (PerimeterX)', 'perimeterx-block-page'],
    ['perimeterx/tpl-nginx-plugin-ratelimit.html', 'HUMAN (PerimeterX)', 'perimeterx-rate-limit-page'],
    // 18F/piipan#2530: API Management's rate-limit policy, "Try again in ## seconds" as the issue shows it
    ['azure-api-management/piipan-2530-default-429.json', 'Azure API Management', 'azure-apim-rate-limit'],
    // OpenLogicProject/OpenLogic#193: Wordfence's limit page as text, its status in words
    ['wordfence/openlogic-193-access-limited.txt', 'Wordfence (WordPress)', 'wordfence-block-page'],
    // link-it/govway#268: GovWay's problem details
    ['govway/govway-268-limit-exceeded.json', 'GovWay', 'govway-problem'],
    // igama/docs.binaryedge.io: a scanner's banner of an Imperva block, its line breaks escaped twice on one line
    ['imperva/binaryedge-doc-incapsula-503-banner.txt', 'Imperva (Incapsula)', 'imperva-incident'],
  ])('%s: %s', (path, component, fingerprint) => {
    expect(first(path)?.issuer).toMatchObject({ component, fingerprint });
  });
});

describe('what an application says in its own words', () => {
  // keycloak/keycloak#45390: the error page's words as the reporter copied them
  it("names Keycloak for its error page's words", () => {
    expect(first('app/keycloak45390-invalid-redirect-uri.txt')?.issuer?.component).toBe('Keycloak');
  });

  // Each component named by its own words, sources and threads as noted (held-out sets 102 to 113 and the corpus).
  it.each([
    // Shopify/shopify_python_api#256: the Admin API's REST call limit, its body as the client printed it
    ['shopify/python-api-256-exceeded-4-calls.json', 'Shopify', 'shopify-admin-api-error'],
    // johngodley/redirection#1955: the plugin's report quotes WordPress's REST error object
    ['wordpress/redirection1955-404-rest-no-route.log', 'WordPress', 'wordpress-rest-error'],
    // go-ethereum#16526: geth's vhost check, as curl -v showed it
    ['geth/invalid-host-specified-403.log', 'Geth (go-ethereum)', 'geth-invalid-host'],
    // besu-eth/besu#7325: Besu's host allowlist, the JSON form
    ['besu/host-not-authorized.json', 'Hyperledger Besu (or Teku, Web3Signer)', 'besu-host-not-authorized'],
    // openethereum/parity-ethereum#3418 and solana-foundation/surfpool#115: Parity's JSON-RPC server library's words
    ['parity-ethereum/host-not-whitelisted.txt', 'Parity JSON-RPC server (jsonrpc-http-server, jsonrpsee)', 'parity-jsonrpc-refusal'],
    ['surfpool/get-not-allowed.txt', 'Parity JSON-RPC server (jsonrpc-http-server, jsonrpsee)', 'parity-jsonrpc-refusal'],
    // Epic's error object as an iOS client printed it (an NSDictionary, no JSON), Mojang's API error in a browser, and
    // PojavLauncher's print of the authserver's refusal
    ['epic-games-account/fortnite-api-unauthorized-client.txt', 'Epic Games Services', 'epic-games-error'],
    ['mojang-api/redprotect-names-429.json', 'Mojang API (or a Yggdrasil-compatible server)', 'yggdrasil-error'],
    ['mojang-authserver/pojav-invalid-credentials-403.txt', 'Mojang API (or a Yggdrasil-compatible server)', 'yggdrasil-error'],
    // Modrinth's CDN (DigitalOcean Spaces, Ceph's RADOS Gateway): its XML error without a Message, its tx request id
    ['digitalocean-spaces/modrinth-cdn-accessdenied.txt', 'Object storage (S3-style XML error)', 'object-storage-xml-error'],
    // held-out set 105: media servers and their helpers, each in its own words
    ['qbittorrent/readarr3993-403-ip-banned.log', 'qBittorrent', 'qbittorrent-ip-banned'],
    ['navidrome/asknavidrome28-missing-u.txt', 'Navidrome', 'navidrome-subsonic-error'],
    ['plex-media-server/pal5-401-claim-token.log', 'Plex Media Server', 'plex-unauthorized'],
    ['jackett/jackett1595-incorrect-api-key.txt', 'Jackett', 'jackett-error'],
    ['jackett/jackett3086-400-unsupported-query.txt', 'Jackett', 'jackett-error'],
    ['radarr/lacale2-indexer-400.log', 'Servarr app (Sonarr, Radarr, Lidarr, Readarr, Prowlarr)', 'servarr-validation-error'],
    ['transmission/trgtk89-409-session-id.txt', 'Transmission', 'transmission-rpc-refusal'],
    // held-out sets 104 and 106: GitLab's access refusal as git's "remote:" lines, Magento's web API errors and its
    // error report page, Drupal's JSON:API error, Shopify's Admin API refusal
    ['gitlab/push-403-not-allowed.log', 'GitLab', 'gitlab-git-access-denied'],
    ['magento/m2-36811-consumer-isnt-authorized.json', 'Magento', 'magento-webapi-error'],
    ['magento/m2-2505-report-page.txt', 'Magento', 'magento-error-report-page'],
    ['drupal/archipelago-255-jsonapi-403.json', 'Drupal', 'drupal-api-error'],
    // Plesk's error_docs page (its BASE href), and PrestaShop's webservice realm on a 401 with nginx in front
    ['modsecurity/sitekit-412-plesk-403.html', "Plesk (its web server's error page)", 'plesk-error-docs'],
    ['prestashop/prestasharp-106-401.http', 'PrestaShop', 'prestashop-webservice-realm'],
    // held-out set 111: SabreDAV's DAV error document (Baïkal's, Nextcloud's), Roundcube's own pages as text, and TMG's
    // reason phrase with the standard words before its parenthesised sentence
    ['app/baikal964-sabre-parseexception.txt', "SabreDAV (the application's WebDAV server)", 'sabredav-error'],
    ['nextcloud/snappymail79-demo2-405-listing-disabled.http', "SabreDAV (the application's WebDAV server)", 'sabredav-error'],
    ['app/roundcube5175-request-check-failed.txt', 'Roundcube', 'roundcube-error-page'],
    ['app/roundcube9421-oops-internal-error.txt', 'Roundcube', 'roundcube-error-page'],
    ['microsoft-tmg/ewsapi26-autodiscover-401.http', 'Microsoft ISA Server / Forefront TMG', 'ms-isa-server-reason-shape'],
    // round 2's notebooks, mirrors and devices: Jupyter's page words, Maven Central's HTTPS refusal (its page, and its
    // reason as Gradle quotes it), OctoPi's HAProxy errorfile, GitHub's JSON inside Zed's quoted body, MinIO's XML in
    // MLflow's message
    ['jupyterhub/hub-admin-403-scopes.txt', 'Jupyter Server (or JupyterHub)', 'jupyter-error-page'],
    ['jupyter-server/kubeflow-notebook-404-base-url.txt', 'Jupyter Server (or JupyterHub)', 'jupyter-error-page'],
    ['maven-central/asdf-clojure-501-https-required.txt', 'Maven Central', 'maven-central-https-required'],
    ['maven-central/dexmaker-gradle-501-https-required.log', 'Maven Central', 'maven-central-https-required'],
    ['haproxy/octopi-503-no-octoprint.http', 'HAProxy', 'haproxy-octopi-503'],
    ['github/zed-just-lsp-ratelimit-403.log', 'GitHub REST API', 'github-api-error'],
    ['minio/mlflow-registered-models-create-400-minio-xml.log', 'Object storage (S3-style XML error)', 'object-storage-xml-error'],
    // Vite's fs.allow refusal as page text, and its 504's own reason phrase in a browser console line
    ['vite/vite19795-403-restricted-url-query.txt', 'Vite dev server', 'vite-own-refusal'],
    ['vite/epicstack790-504-outdated-optimize-dep.log', 'Vite dev server', 'vite-outdated-optimize-dep'],
    // npm's 401 quoting the WWW-Authenticate it got (Artifactory's realm), read as that header of the response
    ['artifactory/npm-zowe-artifactory-realm-401.log', 'JFrog Artifactory', 'artifactory-realm'],
    // Zscaler's notification page cut after its head: its title
    ['zscaler/copilot-fetch-models-block.html', 'Zscaler Internet Access', 'zscaler-block-page'],
  // readthedocs' paste of GitHub's 422 JSON, and a Flutter log with the body on the line after dio's message
    ['github/readthedocs-create-hook-422.json', 'GitHub REST API', 'github-api-error'],
    ['github/gsy-flutter-404-github-api.log', 'GitHub REST API', 'github-api-error'],
    // GitHub's primary rate-limit sentence, naming the caller: in a CLI's debug line, and in the older object whose
    // documentation_url is http://developer.github.com
    ['github/stripe-cli-1031-version-check-403.log', 'GitHub REST API', 'github-api-error'],
    ['github/pullup-234-ratelimit.json', 'GitHub REST API', 'github-api-error'],
    // held-out set 109: devices' and their clouds' own API errors, in their vendors' shapes
    ['tasmota/cm-need-user-password-german.json', 'Tasmota', 'tasmota-need-credentials'],
    ['philips-hue-bridge/octohue-lights-unauthorized-user.json', 'Philips Hue bridge', 'hue-bridge-error'],
    ['unifi-controller/api-login-invalid.json', 'UniFi Network application', 'unifi-api-error'],
    ['synology-dsm/dsm42-encryption-list-103.json', 'Synology DSM', 'synology-api-error'],
    ['tuya-cloud/openapi-connect-sign-invalid-1004.json', 'Tuya cloud', 'tuya-cloud-error'],
    ['hikvision/nvr-isapi-status-401.http', 'Hikvision device web server', 'hikvision-device'],
  ])('names the component that answered for its own words (%s)', (path, component, fingerprint) => {
    expect(first(path)?.issuer).toMatchObject({ component, fingerprint });
  });

  // trueforge-org/truecharts#7940: Sonarr's own basic auth refused the kubelet's startup probe, which calls the pod directly
  it("names the application, with low confidence, for a status the kubelet's probe reported", () => {
    const d = first('app/sonarr-basic-auth-startup-probe-401.log');
    expect(d).toMatchObject({ status: 401, verdict: 'inferred', confidence: 'low', issuer: { component: 'application', fingerprint: 'kubelet-probe-direct' } });
    expect(d?.evidence).toContainEqual(expect.objectContaining({ kind: 'client-error', value: "the kubelet's HTTP probe: 401" }));
  });

  // INFURA's JSON-RPC error as a Go client printed it after the status line: the JSON body, so elimination reads it
  it('names the application, with low confidence, for a JSON error body a client printed after the status line', () => {
    expect(first('infura/project-rate-exceeded-429.log')).toMatchObject({ status: 429, verdict: 'inferred', confidence: 'low', issuer: { component: 'application', fingerprint: 'json-answered-alone' } });
  });

  // blockscout/blockscout#254: nginx's 413 page inside an Elixir string literal, decoded before matching
  it("reads a page a program printed as a string literal, its escapes undone (nginx's 413 page)", () => {
    expect(first('nginx/poa-sokol-413.log')).toMatchObject({ status: 413, issuer: { component: 'nginx' } });
  });

  // ethers-io/ethers.js#1081: ethers' "bad response" with Node's header object and the body as JSON
  it("reads the response an ethers.js 'bad response' error printed: its status, headers and body", () => {
    const d = first('cloudflare/cloudflare-eth-502.log');
    expect(d?.status).toBe(502);
    expect(d?.evidence).toContainEqual(expect.objectContaining({ kind: 'header', name: 'cf-ray', component: 'Cloudflare' }));
  });

  it.each([
    // API Gateway's IAM refusals, each once named the application by elimination (low): its execute-api:Invoke deny
    // (high), and SigV4 verification's words in its {"message": ...} (low: Lambda URLs verify with the same words)
    ['aws-api-gateway/private-api-explicit-deny-403.json', 'apigw-iam-invoke-denied', 'high'],
    ['aws-api-gateway/awscurl-sigv4-mismatch-403.json', 'apigw-sigv4-refusal', 'low'],
    ['aws-api-gateway/cognitocurl-iam-sig-403.json', 'apigw-sigv4-refusal', 'low'],
  ])('names API Gateway for its IAM refusal (%s)', (path, fingerprint, confidence) => {
    expect(first(path)).toMatchObject({ issuer: { component: 'Amazon API Gateway', fingerprint } });
    expect(diagnose(wild(path)).diagnoses[0]?.evidence.find((e) => e.fingerprint === fingerprint)?.confidence).toBe(confidence);
  });

  // Alamofire's debug description with iOS 12's lowercase NSHTTPURLResponse (headers as `Name = value;`) and its JSON
  // result: the headers place the application (Gunicorn behind Heroku's router; Rails' X-Runtime behind Cloudflare)
  it.each([
    ['app/alamofire-403-gunicorn-heroku.log', 'application'],
    ['rails/alamofire-401-token-realm-cloudflare-heroku.log', 'Ruby on Rails'],
    ['app/alamofire-400-ringcentral-oauth-nginx.log', 'application'],
  ])('reads the response in an Alamofire debug print (%s)', (path, component) => {
    expect(first(path)).toMatchObject({ verdict: 'inferred', issuer: { component } });
  });

  // thingsboard's Flutter client: dio's message, then the debugger's `response = {Response} {...}` line: Spring Boot's body
  it("reads the JSON a client logged under a label of its own after the message, not a request's", () => {
    expect(first('spring-boot/thingsboard-flutter-dio-404.log')?.issuer?.component).toBe('Spring Boot');
  });

  // MikroTik SwOS (held-out set 109) and Artifactory behind a proxy (set 113) answer 401 with the same bare page Plex
  // writes after its script: only the script names Plex
  it.each(['mikrotik-swos/css328-link-b-digest-401.log', 'artifactory/helm-chart-testing-index-401.log'])('does not name Plex for the bare 401 page others write too (%s)', (path) => {
    expect(first(path)?.issuer?.component).not.toBe('Plex Media Server');
  });

  // grafana/grafana#5937: a 401 from Grafana's API with its session cookie, JSON that says only "Unauthorized"
  it("names Grafana by its login cookie on an answer that says nothing else", () => {
    expect(first('grafana/grafana5937-401-login-ping.http')).toMatchObject({ verdict: 'inferred', issuer: { component: 'Grafana' } });
  });

  // fastify/json-schema-ref-resolver#9: npm printed the registry's JSON error field after the URL
  it("names the npm registry for npm's quote of the registry's own publish refusal, its sentence with the package's name", () => {
    expect(first('npm-registry/publish-403-not-owner.log')).toMatchObject({ status: 403, verdict: 'identified', issuer: { component: 'npm registry', fingerprint: 'npm-registry-publish-forbidden' } });
  });

  // pypi/warehouse#8167: twine quotes requests' message, whose reason is PyPI's own sentence (forklift's _exc_with_message)
  it('names the application, with low confidence, for a reason phrase that is a sentence of its own', () => {
    expect(first('pypi/twine-upload-403-invalid-auth.log')).toMatchObject({ verdict: 'inferred', confidence: 'low', issuer: { component: 'application' } });
  });

  it.each([
    // a Forefront TMG refusal in a capture: its reason is a sentence too, in parentheses, and the proxy's fingerprint reads it first
    ['microsoft-tmg/tmg-413-upload-mega.txt', 'ms-isa-server-reason-shape'],
    // ytdl-org/youtube-dl#2785: urllib's message quotes TMG's reason, read as the client printed it
    ['microsoft-tmg/ytdl2785-403-tmg-denied.log', 'ms-isa-server-reason'],
  ])("names the corporate proxy, not the application, for its reason phrase (%s)", (path, fingerprint) => {
    expect(first(path)?.issuer).toMatchObject({ component: 'Microsoft ISA Server / Forefront TMG', fingerprint });
  });

  // MicrosoftDocs/azure-docs (WAF tuning): a Front Door access-log record pasted alone is a record, not an error body
  it("reads a CDN's JSON access-log record as a log line, not as the application's JSON error", () => {
    const report = diagnose(wild('azure-front-door/docs-tuning-accesslog-403.log'));
    expect(report.format).toBe('access-log');
    expect(report.diagnoses[0]?.issuer?.component).not.toBe('application');
  });
});

describe('the proxy a client was told to use', () => {
  it.each([
    // graphql-dotnet/graphql-client#100: Fiddler's own 502, its reason naming it
    ['fiddler/graphql-502-gateway-connection-failed.http', 'fiddler-own-error'],
    // curl/curl#2346: curl -v through Fiddler, the proxy's answer to CONNECT in curl's log
    ['fiddler/curl-connect-502-dns-lookup-failed.log', 'fiddler-own-error'],
    // telerik/fiddler-everywhere-docs: an AutoResponder template, FiddlerTemplate: True
    ['fiddler/fe-autoresponder-407-proxy-auth.http', 'fiddler-autoresponder'],
  ])('names Fiddler for %s', (path, fingerprint) => {
    expect(first(path)?.issuer).toMatchObject({ component: 'Fiddler', fingerprint });
  });

  // saltstack-formulas/apt-cacher-formula#15: apt quoting libcurl's message for apt-cacher-ng's 403 to CONNECT
  it("names the client's forward proxy, with the proxy's status, from libcurl's CONNECT refusal in another tool's words", () => {
    expect(first('apt-cacher-ng/apt-cacher-formula-15-connect-403.log')).toMatchObject({ status: 403, confidence: 'high', issuer: { component: 'Forward proxy (HTTP CONNECT)', fingerprint: 'curl-proxy-connect-refused' } });
  });

  // curl's message as curl 8 words it (lib/cf-h1-proxy.c); the status is the proxy's, not the server's
  it("reads curl's own line for a refused tunnel", () => {
    expect(diagnose('curl: (56) CONNECT tunnel failed, response 407').diagnoses[0]).toMatchObject({ status: 407, issuer: { fingerprint: 'curl-proxy-connect-refused' } });
    // No status curl writes there: nothing said of a proxy.
    expect(diagnose('curl: (56) CONNECT tunnel failed, response 99999').diagnoses[0]?.issuer?.fingerprint).not.toBe('curl-proxy-connect-refused');
  });

  // mitmproxy/mitmproxy#3043: the head an iOS app logged, mitmproxy's Server header
  it("names mitmproxy from an iOS app's log of the response", () => {
    expect(first('mitmproxy/ios-502-headers-3.0.3.log')?.issuer?.component).toBe('mitmproxy');
  });

  // Its 502 page's words as people copy them (held-out sets 196 and 224 and an earlier set): a server certificate that
  // did not verify, a request to its own address, an HTTP/2 peer's protocol violation. Words only: one step less than
  // its page.
  it.each([
    ['mitmproxy/mitm-it-over-https-502-hostname-mismatch.txt'],
    ['mitmproxy/corporate-vpn-502-self-signed-chain.txt'],
    ['mitmproxy/browser-502-destination-unknown.txt'],
    ['mitmproxy/k6-studio-recorder-h2-header-whitespace-502.txt'],
  ])("names mitmproxy from its own sentence in copied page text (%s)", (path) => {
    expect(first(path)).toMatchObject({ status: 502, issuer: { component: 'mitmproxy', fingerprint: 'mitmproxy-error-response' }, confidence: 'medium' });
  });
});
