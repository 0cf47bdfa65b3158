/**
 * "Who failed?" questions from real lab captures (data/lab/gateway-outcomes.json): what a client got through the
 * built-in gateway, nginx, HAProxy or Caddy, and what that gateway logged; the reader says which hop failed. The
 * answer is the capture's hand-written failing hop (test/proxies/gateway-outcomes.ts), or nobody when the app's
 * answer arrived intact.
 */
import { GATEWAYS, gatewayOutcomes, type GatewayName, type GatewayOutcome, type GatewayOutcomes, type Scenario } from '../../lab/index.ts';

/** The hops of Browser -> Gateway -> App that can fail, and nobody. */
export const WHO_FAILED_CHOICES = ['app', 'link', 'proxy', 'none'] as const;
export type WhoFailedChoice = (typeof WHO_FAILED_CHOICES)[number];

export interface LabCapture {
  scenario: Scenario;
  gateway: GatewayName;
  outcome: GatewayOutcome;
  version: string;
  capturedAt: string;
}

/** Every capture of the data, scenario by scenario, gateway by gateway. */
export function labCaptures(data: GatewayOutcomes = gatewayOutcomes()): LabCapture[] {
  return data.scenarios.flatMap(({ scenario, outcomes }) =>
    GATEWAYS.map((gateway) => ({ scenario: scenario as Scenario, gateway, outcome: outcomes[gateway], version: data.versions[gateway], capturedAt: data.capturedAt })),
  );
}

export const whoFailed = (outcome: GatewayOutcome): WhoFailedChoice => outcome.failing ?? 'none';

/** The capture a question shows, found again from its scenario and gateway. */
export function findCapture(captures: readonly LabCapture[], scenario: Scenario, gateway: GatewayName): LabCapture {
  const capture = captures.find((c) => c.scenario === scenario && c.gateway === gateway);
  if (!capture) throw new Error(`quiz: no lab capture of ${scenario} through ${gateway}`);
  return capture;
}
