import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../lab.ts';
import { GATEWAY_OUTCOMES_FILE, GATEWAYS, gatewayOutcomes, parseGatewayOutcomes } from './outcomes-data.ts';

const committed = () => JSON.parse(readFileSync(GATEWAY_OUTCOMES_FILE, 'utf8')) as { scenarios: Array<{ scenario: string; outcomes: Record<string, Record<string, unknown>> }> } & Record<string, unknown>;
const broken = (change: (data: ReturnType<typeof committed>) => void) => {
  const data = committed();
  change(data);
  return () => parseGatewayOutcomes(JSON.stringify(data));
};

describe('data/lab/gateway-outcomes.json', () => {
  it('holds every scenario in order, each through the four gateways', () => {
    const data = gatewayOutcomes();
    expect(data.scenarios.map((s) => s.scenario)).toEqual([...SCENARIOS]);
    for (const { outcomes } of data.scenarios) expect(Object.keys(outcomes)).toEqual([...GATEWAYS]);
    expect(Object.keys(data.versions)).toEqual([...GATEWAYS]);
  });

  it('refuses a file that does not fit the schema, naming the place', () => {
    expect(broken((d) => (d.scenarios[0] as { outcomes: Record<string, Record<string, unknown>> }).outcomes.nginx!.status = 999)).toThrow(/scenarios\.0\.outcomes\.nginx\.status/);
    expect(broken((d) => delete (d.scenarios[1] as { outcomes: Record<string, unknown> }).outcomes.caddy)).toThrow(/scenarios\.1\.outcomes\.caddy/);
    expect(broken((d) => (d.scenarios = d.scenarios.toReversed()))).toThrow(/one entry per scenario, in order/);
    expect(broken((d) => (d.capturedAt = 'yesterday'))).toThrow(/capturedAt/);
    expect(broken((d) => ((d.scenarios[2] as { outcomes: Record<string, Record<string, unknown>> }).outcomes.haproxy!.failing = 'database'))).toThrow(/failing/);
    expect(broken((d) => ((d.scenarios[2] as { outcomes: Record<string, Record<string, unknown>> }).outcomes.haproxy!.extra = 1))).toThrow(/extra|Unrecognized/i);
  });
});
