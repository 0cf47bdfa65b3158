/**
 * @module lab
 * The failure lab's building blocks: faulty upstreams, one per failure mode, each a small loopback
 * server (`faultyUpstreams[mode]({ host: '127.0.0.1', port: 0 })`) that misbehaves the way a broken
 * application, a wrong port or a hung process does, and records what the application would have logged;
 * the status playground (handlers for the site's route table); the gateway that puts nginx's behaviour and logs in
 * front of them; `startLab`, which runs them together; the scenario runs behind the site's failure pages;
 * the real proxies (nginx, HAProxy, Caddy) the lab can put in front of the same upstreams; and the raw
 * HTTP client that keeps whatever bytes a gateway sent.
 */
export { FAULT_MODES, faultyUpstreams, type FaultMode } from './upstreams/faults.ts';
export type { FaultyUpstream, StartOptions } from './upstreams/types.ts';
// The status playground (/lab/status/:code, /lab/drip, /lab/stream): handlers and their scope, for the site's route table.
export {
  PLAYGROUND_STATUS_METHODS,
  playgroundDrip,
  playgroundRandomStatus,
  playgroundScope,
  playgroundStatus,
  playgroundStream,
} from './playground/handlers.ts';
export type { PlaygroundLocale } from './playground/status-plan.ts';
export { LAB_ENDPOINTS, PARAMS as LAB_PARAMS, STREAM_MAX_TOTAL_MS, type LabEndpoint, type ParamName as LabParamName } from './playground/endpoints.ts';
// The gateway: a reverse proxy with nginx's failure mapping and nginx-like access and error logs.
export { startGateway, type GatewayOptions, type GatewayRoute, type RunningGateway } from './gateway/gateway.ts';
export { GATEWAY_LOG_FORMAT } from './gateway/log-format.ts';
// The whole lab: faulty upstreams and the gateway in front of them and of the site.
export { SCENARIOS, startLab, type LabOptions, type RunningLab, type Scenario } from './lab.ts';
// The failure pages (/lab/fail/<slug>): each scenario run live, with what the client, gateway and app saw.
export { FAILURE_PAGES, failurePage, type FailingHop, type FailurePage, type FailurePageSlug } from './failure-pages.ts';
export { startScenarioLab, type ScenarioCapture, type ScenarioLab, type ScenarioLabOptions } from './scenario-capture.ts';
// Real proxies: config writers and process control.
export { DRIVERS, missingProxies, PROXY_NAMES } from './proxies/drivers.ts';
export { startLabProxy, type LabProxy, type LabProxyOptions } from './proxies/lab-proxy.ts';
export { GUARDED_SCENARIOS, PROXY_LIMITS, type GuardedScenario } from './proxies/limits.ts';
export { startGuardedUpstream } from './proxies/guarded-upstreams.ts';
export type { ProxyDriver, ProxyName, RequestLogs, Route as ProxyRoute, RunningProxy } from './proxies/types.ts';
// A raw HTTP/1.1 client, and what curl would make of the bytes.
export { rawRequest, splitResponse, type RawExchange, type RawRequestOptions, type SplitResponse } from './client/raw-http.ts';
export { clientPaste, curlError, missingBodyBytes } from './client/client-view.ts';
// What the built-in gateway and the real proxies answered per scenario in a real run (data/lab/gateway-outcomes.json).
export {
  BODY_KINDS,
  GATEWAY_OUTCOMES_FILE,
  GATEWAYS,
  gatewayOutcomes,
  gatewayOutcomesSchema,
  parseGatewayOutcomes,
  type BodyKind,
  type GatewayName,
  type GatewayOutcome,
  type GatewayOutcomes,
} from './proxies/outcomes-data.ts';
