/**
 * Which component names of the fingerprints (`component:` in data/fingerprints/) answer each `expect` slug of the
 * wild corpus (test/fixtures/diagnose/wild/corpus-*.tsv). `names` are right; `broader` names the same box less
 * precisely (nginx for ingress-nginx, IIS for its ASP.NET Core Module) and counts as right but less specific;
 * `framework: true` says the slug is the application's own code, so `application` (named by elimination) is right
 * but less specific too. Any other named component is wrong. `app` and `unknown` are not in the table: `app` is
 * right for `application` or any component of layer `origin-app`, `unknown` only for no issuer.
 *
 * A slug the table lacks fails the corpus test: add it here with the component name its fingerprints use.
 */
export interface ExpectedComponent {
  names: readonly string[];
  broader?: readonly string[];
  framework?: true;
}

const NGINX_FORKS = ['nginx', 'OpenResty', 'Tengine'];

export const WILD_COMPONENTS: Readonly<Record<string, ExpectedComponent>> = {
  '3proxy': { names: ['3proxy'] },
  'actix-web': { names: ['actix-web'], framework: true },
  aiohttp: { names: ['aiohttp'], framework: true },
  akamai: { names: ['Akamai'] },
  apache: { names: ['Apache httpd'] },
  'alibaba-cloud-cdn': { names: ['Alibaba Cloud CDN'], broader: ['Tengine'] },
  'apache-traffic-server': { names: ['Apache Traffic Server'] },
  // Angie and freenginx are nginx forks that keep nginx's pages with their own footer: nginx is the same box named less precisely.
  angie: { names: ['Angie'], broader: ['nginx'] },
  apiaxle: { names: ['ApiAxle'] },
  apigee: { names: ['Apigee'] },
  // APISIX runs on OpenResty and signs OpenResty's own pages; OpenResty is the same box, less precise.
  apisix: { names: ['Apache APISIX'], broader: ['OpenResty', 'nginx'] },
  aspnet: { names: ['ASP.NET'], broader: ['IIS'], framework: true },
  'aspnet-core': { names: ['ASP.NET Core'], framework: true },
  'aws-alb': { names: ['AWS Application Load Balancer'] },
  'aws-api-gateway': { names: ['Amazon API Gateway'] },
  'aws-elb': { names: ['AWS Classic Load Balancer'] },
  'aws-lambda': { names: ['AWS Lambda'] },
  'aws-s3': { names: ['Amazon S3'] },
  'aws-sts': { names: ['AWS STS'] },
  'aws-waf': { names: ['AWS WAF'] },
  'azure-api-management': { names: ['Azure API Management'] },
  'azure-app-gateway': { names: ['Azure Application Gateway'] },
  // App Service's front ends are IIS with Application Request Routing: its 502 page is ARR's, its 503 is HTTP.sys's.
  'azure-app-service': { names: ['Azure App Service'], broader: ['IIS Application Request Routing', 'IIS', 'HTTP.sys'] },
  'azure-container-apps': { names: ['Azure Container Apps'] },
  'azure-functions': { names: ['Azure Functions host'], broader: ['Azure App Service'] },
  'azure-front-door': { names: ['Azure Front Door'] },
  'azure-storage': { names: ['Azure Storage'] },
  axum: { names: ['axum'], framework: true },
  bottle: { names: ['Bottle'], framework: true },
  bunnycdn: { names: ['Bunny CDN'] },
  caddy: { names: ['Caddy'] },
  chalice: { names: ['Chalice'], framework: true },
  cherrypy: { names: ['CherryPy'], framework: true },
  'cloud-foundry-gorouter': { names: ['Cloud Foundry Gorouter'] },
  'cloud-endpoints-esp': { names: ['Cloud Endpoints ESP', 'Cloud Endpoints ESPv2'] },
  // cloudflared, Cloudflare's Tunnel connector, runs beside the origin: a 502 it makes is Cloudflare's product's too.
  cloudflare: { names: ['Cloudflare', 'Cloudflare Tunnel'] },
  cloudflared: { names: ['Cloudflare Tunnel'] },
  cloudfront: { names: ['Amazon CloudFront'] },
  cloudinary: { names: ['Cloudinary'] },
  // CloudLinux's per-account limits: LiteSpeed, or Apache with mod_hostinglimits or mod_lsapi, writes the 508 page for it.
  'cloudlinux-lve': { names: ['CloudLinux LVE'] },
  coder: { names: ['Coder'] },
  'diladele-websafety': { names: ['Diladele Web Safety'], broader: ['Squid'] },
  'ddos-guard': { names: ['DDoS-Guard'] },
  'deno-deploy': { names: ['Deno Deploy'] },
  // DigitalOcean App Platform's router is Envoy: its local replies name Envoy, the same box less precisely.
  'digitalocean-app-platform': { names: ['DigitalOcean App Platform'], broader: ['Envoy'] },
  'digitalocean-spaces': { names: ['DigitalOcean Spaces'] },
  daphne: { names: ['Daphne'], framework: true },
  django: { names: ['Django'], framework: true },
  dropwizard: { names: ['Dropwizard'], framework: true },
  // ESPv2 is an Envoy build: naming it is naming Envoy more precisely.
  edgecast: { names: ['Edgecast'] },
  envoy: { names: ['Envoy', 'Istio (Envoy)', 'Cloud Endpoints ESPv2'] },
  express: { names: ['Express'], framework: true },
  'f5-big-ip': { names: ['F5 BIG-IP'] },
  fastapi: { names: ['FastAPI'], framework: true },
  fastify: { names: ['Fastify'], framework: true },
  fastly: { names: ['Fastly'] },
  fiber: { names: ['Fiber'], framework: true },
  'firebase-hosting': { names: ['Firebase Hosting'] },
  flask: { names: ['Flask (Werkzeug)'], framework: true },
  freenginx: { names: ['freenginx'], broader: ['nginx'] },
  'fly-io': { names: ['Fly Proxy'] },
  forcepoint: { names: ['Forcepoint Web Security (Websense)'] },
  fortinet: { names: ['Fortinet FortiGate', 'Fortinet FortiWeb'] },
  'gcp-load-balancer': { names: ['Google Front End', 'Google Cloud Load Balancing'] },
  'google-cloud-lb': { names: ['Google Front End', 'Google Cloud Load Balancing'] },
  'github-pages': { names: ['GitHub Pages'] },
  glassfish: { names: ['Eclipse GlassFish'] },
  glitch: { names: ['Glitch'] },
  'go-net-http': { names: ['Go net/http'], framework: true },
  // Gin answers an unmatched route with net/http's own "404 page not found": the same words, less precisely named.
  gin: { names: ['Gin'], broader: ['Go net/http'], framework: true },
  'google-app-engine': { names: ['Google App Engine'], broader: ['Google Front End'] },
  // Cloud Functions run on Cloud Run's serverless infrastructure and log the same platform messages.
  'google-cloud-functions': { names: ['Google Cloud Run / Cloud Functions'], broader: ['Google Front End'] },
  'google-cloud-run': { names: ['Google Cloud Run / Cloud Functions'], broader: ['Google Front End'] },
  'google-cloud-storage': { names: ['Google Cloud Storage'] },
  'google-esp': { names: ['Cloud Endpoints ESP', 'Cloud Endpoints ESPv2'] },
  'google-frontend': { names: ['Google Front End'] },
  gravitee: { names: ['Gravitee API gateway'] },
  gunicorn: { names: ['Gunicorn'] },
  h2o: { names: ['H2O'] },
  hapi: { names: ['Boom (hapi)'], framework: true },
  haproxy: { names: ['HAProxy'] },
  heroku: { names: ['Heroku router'] },
  'http-sys': { names: ['HTTP.sys'], broader: ['IIS'] },
  iis: { names: ['IIS'], broader: ['HTTP.sys', 'IIS Application Request Routing', 'ASP.NET Core Module (IIS)'] },
  'iis-ancm': { names: ['ASP.NET Core Module (IIS)'], broader: ['IIS'] },
  imperva: { names: ['Imperva (Incapsula)'] },
  'huggingface-spaces': { names: ['Hugging Face Spaces'] },
  'ingress-nginx': { names: ['ingress-nginx'], broader: NGINX_FORKS },
  // JBoss Web is a fork of Tomcat's Catalina (JBoss AS 5-7, EAP 5-6): Tomcat is the same box named less precisely.
  'jboss-web': { names: ['JBoss Web'], broader: ['Apache Tomcat'] },
  jetty: { names: ['Jetty'] },
  // Kestrel is ASP.NET Core's server: ASP.NET Core is the same box named less precisely.
  kestrel: { names: ['Kestrel'], broader: ['ASP.NET Core'] },
  knative: { names: ['Knative Serving'] },
  koa: { names: ['Koa'], framework: true },
  // Kuma's MeshGateway runs Envoy: an Envoy local reply from it names the same box less precisely.
  kuma: { names: ['Kuma MeshGateway'], broader: ['Envoy'] },
  kong: { names: ['Kong Gateway'], broader: ['OpenResty', 'nginx'] },
  krakend: { names: ['KrakenD'] },
  'kubernetes-apiserver': { names: ['Kubernetes API server'] },
  laravel: { names: ['Laravel'], framework: true },
  lighttpd: { names: ['lighttpd'] },
  linkerd: { names: ['Linkerd proxy'] },
  // LiteSpeed's PHP SAPI (LSAPI) writes CloudLinux LVE's 508 "Resource Limit Is Reached" page on LiteSpeed hosts: a 508
  // expected as LiteSpeed and named CloudLinux LVE is the same box seen through its resource limiter.
  litespeed: { names: ['LiteSpeed'], broader: ['CloudLinux LVE'] },
  micronaut: { names: ['Micronaut'], framework: true },
  mitmproxy: { names: ['mitmproxy'] },
  modsecurity: { names: ['ModSecurity'], broader: ['Apache httpd', 'LiteSpeed'] },
  // Zuul 1 in Spring Cloud Netflix renders its failures through Spring Boot's error handling.
  'netflix-zuul': { names: ['Netflix Zuul'], broader: ['Spring Boot'] },
  // NestJS runs on Express (or Fastify), whose header it keeps: Express is the same box named less precisely.
  nestjs: { names: ['NestJS'], broader: ['Express'], framework: true },
  netlify: { names: ['Netlify'] },
  nextjs: { names: ['Next.js'], framework: true },
  nginx: { names: ['nginx'] },
  'nginx-unit': { names: ['NGINX Unit'] },
  'nginx-proxy-manager': { names: ['Nginx Proxy Manager'], broader: NGINX_FORKS },
  // Okteto's own page for a service that is not up: no fingerprint names it yet.
  okteto: { names: ['Okteto'] },
  nuxt: { names: ['Nuxt'], framework: true },
  'oracle-cloud-load-balancer': { names: ['Oracle Cloud Load Balancer'] },
  // Open Telekom Cloud's object storage is Huawei Cloud's OBS.
  'otc-obs': { names: ['Huawei Cloud OBS'] },
  openresty: { names: ['OpenResty'], broader: ['nginx'] },
  // OpenShift's router is HAProxy with its own error pages.
  'openshift-router': { names: ['OpenShift router'], broader: ['HAProxy'] },
  'palo-alto': { names: ['Palo Alto Networks firewall'] },
  // Payara Server is a fork of GlassFish that keeps its error report: GlassFish is the same box named less precisely.
  payara: { names: ['Payara Server'], broader: ['Eclipse GlassFish'] },
  'openstack-swift': { names: ['OpenStack Swift'] },
  'php-builtin-server': { names: ['PHP built-in web server'] },
  'php-fpm': { names: ['PHP-FPM'] },
  phoenix: { names: ['Phoenix'], framework: true },
  privoxy: { names: ['Privoxy'] },
  'play-framework': { names: ['Play Framework'], framework: true },
  puma: { names: ['Puma'] },
  passenger: { names: ['Phusion Passenger'] },
  pythonanywhere: { names: ['PythonAnywhere'] },
  'python-http-server': { names: ['Python http.server'], framework: true },
  'python-wsgiref': { names: ['Python wsgiref'], framework: true },
  // Px, a local NTLM proxy built on http.server: its error pages are http.server's, the same box named less precisely.
  px: { names: ['Px'], broader: ['Python http.server'] },
  // BFE (Baidu Front End) writes nginx-style pages with its own footer.
  bfe: { names: ['BFE'] },
  // Riak CS answers S3's XML errors: without S3's ids no fingerprint can tell it from S3 or other S3-compatible stores.
  'riak-cs': { names: ['Riak CS'] },
  goproxy: { names: ['goproxy'] },
  'ms-isa-server': { names: ['Microsoft ISA Server / Forefront TMG'] },
  'wso2-apk': { names: ['WSO2 APK'] },
  railway: { names: ['Railway'] },
  // RESTEasy is the JAX-RS layer inside Quarkus (and WildFly): the same application, named by its framework's part.
  quarkus: { names: ['Quarkus'], broader: ['RESTEasy'], framework: true },
  rails: { names: ['Ruby on Rails'], framework: true },
  render: { names: ['Render'] },
  shenyu: { names: ['Apache ShenYu'] },
  replit: { names: ['Replit'] },
  rocket: { names: ['Rocket'], framework: true },
  sanic: { names: ['Sanic'], framework: true },
  shopify: { names: ['Shopify'] },
  sinatra: { names: ['Sinatra'], framework: true },
  skipper: { names: ['Skipper'] },
  'spring-boot': { names: ['Spring Boot'], framework: true },
  // Spring Cloud Gateway's failures are rendered by Spring Boot's WebFlux error handling: Spring Boot is the same box, less precise.
  'spring-cloud-gateway': { names: ['Spring Cloud Gateway'], broader: ['Spring Boot'] },
  squid: { names: ['Squid'] },
  stackpath: { names: ['StackPath'] },
  'streamlit-cloud': { names: ['Streamlit Community Cloud'] },
  stingray: { names: ['Stingray Traffic Manager'] },
  strapi: { names: ['Strapi'], framework: true },
  sucuri: { names: ['Sucuri Website Firewall'] },
  symfony: { names: ['Symfony'], framework: true },
  tengine: { names: ['Tengine'], broader: ['nginx'] },
  tinyproxy: { names: ['Tinyproxy'] },
  tomcat: { names: ['Apache Tomcat'] },
  tornado: { names: ['Tornado'], framework: true },
  // Traefik answers an unrouted request with Go's http.NotFound, byte for byte: Go net/http is the same box, less precise.
  traefik: { names: ['Traefik'], broader: ['Go net/http'] },
  tyk: { names: ['Tyk Gateway'] },
  uhttpd: { names: ['uhttpd'] },
  undertow: { names: ['Undertow (WildFly)'] },
  uvicorn: { names: ['Uvicorn'] },
  uwsgi: { names: ['uWSGI'] },
  vapor: { names: ['Vapor'], framework: true },
  varnish: { names: ['Varnish'] },
  vercel: { names: ['Vercel'] },
  waitress: { names: ['Waitress'] },
  warp: { names: ['Warp'], framework: true },
  weblogic: { names: ['Oracle WebLogic Server'] },
  // Websense (Forcepoint) Content Gateway is built on Traffic Server and keeps its reason phrases.
  'websense-content-gateway': { names: ['Websense Content Gateway'], broader: ['Apache Traffic Server'] },
  websphere: { names: ['IBM WebSphere / Open Liberty'] },
  wordfence: { names: ['Wordfence (WordPress)'], framework: true },
  wordpress: { names: ['WordPress'], framework: true },
  'wp-engine': { names: ['WP Engine'] },
  'wso2-apim': { names: ['WSO2 API Manager'] },
  ngrok: { names: ['ngrok'] },
  zoraxy: { names: ['Zoraxy'] },
  zscaler: { names: ['Zscaler Internet Access'] },
};
