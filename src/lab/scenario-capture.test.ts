import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startScenarioLab, type ScenarioLab } from './scenario-capture.ts';

let lab: ScenarioLab;
beforeAll(async () => {
  lab = await startScenarioLab({ timeoutMs: 300, maxConcurrent: 1 });
});
afterAll(async () => {
  await lab.close();
});

describe('a scenario capture', () => {
  it('keeps only the lines of its own request', async () => {
    const [first, second] = [await lab.capture('connection-refused'), await lab.capture('connection-refused')];
    expect(first.requestId).not.toBe(second.requestId);
    for (const c of [first, second]) {
      expect(c.access).toEqual([expect.stringContaining(`rid=${c.requestId} `)]);
      expect(c.error).toHaveLength(1);
      expect(c.app).toEqual([]);
    }
    expect(first.error[0]).not.toBe(second.error[0]);
  });

  it('refuses a capture beyond its limit instead of queueing it', async () => {
    const slow = lab.capture('slow-headers');
    await expect(lab.capture('app-exception')).rejects.toMatchObject({ code: 'HW_ERR_LAB_BUSY', status: 503 });
    expect((await slow).paste).toMatch(/^HTTP\/1\.1 504 Gateway Timeout/);
  });

  it('can be closed twice, and then nothing answers', async () => {
    const other = await startScenarioLab();
    await Promise.all([other.close(), other.close()]);
    expect((await other.capture('app-exception')).exchange.end).toBe('refused');
  });
});
