import { describe, expect, it } from 'vitest';
import { detectWild, parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { apimSignal, AzureApimParser } from './azure-apim.ts';
import { KIND } from './line-parser.ts';

describe('AzureApimParser', () => {
  it("reads a self-hosted gateway's record, rejoined where the paste split it, and gives its closed backend connection to the gateway (corpus: azure-apim-gatewaylogs/apim-shgw-230)", () => {
    const file = 'azure-apim-gatewaylogs/apim-shgw-230-v2.0.4-500-backendconnectionfailure-split.json';
    expect(detectWild(file)).toBe('azure-apim');
    const p = new AzureApimParser();
    expect(parse(p, wildLines(file).join(''))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 500, method: 'GET', path: '/internal/echo/200?sleep=500000', requestId: '5120deac-673b-4540-a7ef-1ab95fa81e6a', signal: { cause: 'reset', confidence: 'high' } });
  });

  it("gives a 5xx the backend answered to the backend, a policy's error to the gateway, and leaves a bare 5xx undecided", () => {
    expect(apimSignal(502, '502', '')?.cause).toBe('app-error');
    expect(apimSignal(500, '', 'forward-request: BackendConnectionFailure: The remote name could not be resolved')?.cause).toBe('connect-failed');
    expect(apimSignal(500, '200', 'set-body: ExpressionValueEvaluationFailure: Expression evaluation failed.')).toMatchObject({ cause: 'proxy-config', confidence: 'medium' });
    expect(apimSignal(500, '', '')).toBeNull();
    expect(apimSignal(429, '', 'rate-limit-by-key: RateLimitExceeded: Rate limit is exceeded.')).toBeNull();
  });

  it("mechanics (records in the layouts of the gateway log schema reference): Log Analytics' ApiManagementGatewayLogs columns and Azure Monitor's properties read alike", () => {
    const p = new AzureApimParser();
    expect(parse(p, '{"TimeGenerated":"2024-05-14T10:00:00Z","Category":"GatewayLogs","Method":"POST","Url":"https://x.azure-api.net/a/b","ResponseCode":504,"BackendResponseCode":0,"LastErrorSource":"forward-request","LastErrorReason":"Timeout","LastErrorMessage":"Request to the backend service timed out"}')).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 504, method: 'POST', path: '/a/b', signal: { cause: 'timeout' } });
    expect(parse(p, '{"time":"2024-05-14T10:00:00Z","category":"GatewayLogs","operationName":"Microsoft.ApiManagement/GatewayLogs","properties":{"method":"GET","url":"https://x/y","responseCode":500,"backendResponseCode":500}}')).toBe(KIND.access);
    expect(p.access().signal?.cause).toBe('app-error');
    expect(parse(p, '{"category":"FrontdoorAccessLog","properties":{"httpStatusCode":"500"}}')).toBe(KIND.none);
  });
});
