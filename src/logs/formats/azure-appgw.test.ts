import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { appGatewaySignal, AzureAppGatewayParser } from './azure-appgw.ts';
import { detectInput } from './detect.ts';
import { KIND } from './line-parser.ts';

// elastic/integrations@10767aa40bb27263cec452bbea181ffedc8b0c84:packages/azure/data_stream/application_gateway/_dev/
// test/pipeline/test-application-gateway-raw.log (wild corpus, Elastic-2.0): two access records (v1 and v2 fields),
// three firewall records, one Resource Health event.
const corpus = readFileSync(new URL('../../../test/fixtures/logs/wild/azure-appgw/integrations-application-gateway-raw.log', import.meta.url));
const corpusLines = corpus.toString('utf8').split('\n');

// MicrosoftDocs/azure-docs articles/application-gateway/application-gateway-diagnostics.md, "Access log category",
// the v2 example as published (Azure writes each record on one line, which JSON.stringify gives back).
const DOC_V2_ACCESS = String.raw`{
    "timeStamp": "2021-10-14T22:17:11+00:00",
    "resourceId": "/SUBSCRIPTIONS/{subscriptionId}/RESOURCEGROUPS/{resourceGroupName}/PROVIDERS/MICROSOFT.NETWORK/APPLICATIONGATEWAYS/{applicationGatewayName}",
    "listenerName": "HTTP-Listener",
    "ruleName": "Storage-Static-Rule",
    "backendPoolName": "StaticStorageAccount",
    "backendSettingName": "StorageStatic-HTTPS-Setting",
    "operationName": "ApplicationGatewayAccess",
    "category": "ApplicationGatewayAccessLog",
    "properties": {
        "instanceId": "appgw_2",
        "clientIP": "185.42.129.24",
        "clientPort": 45057,
        "httpMethod": "GET",
        "originalRequestUriWithArgs": "\/",
        "requestUri": "\/",
        "requestQuery": "",
        "userAgent": "Mozilla\/5.0 (Windows NT 6.1; WOW64) AppleWebKit\/537.36 (KHTML, like Gecko) Chrome\/52.0.2743.116 Safari\/537.36",
        "httpStatus": 200,
        "httpVersion": "HTTP\/1.1",
        "receivedBytes": 184,
        "sentBytes": 466,
        "clientResponseTime": 0,
        "timeTaken": 0.034,
        "WAFEvaluationTime": "0.000",
        "WAFMode": "Detection",
        "transactionId": "592d1649f75a8d480a3c4dc6a975309d",
        "sslEnabled": "on",
        "sslCipher": "ECDHE-RSA-AES256-GCM-SHA384",
        "sslProtocol": "TLSv1.2",
        "sslClientVerify": "NONE",
        "sslClientCertificateFingerprint": "",
        "sslClientCertificateIssuerName": "",
        "serverRouted": "52.239.221.65:443",
        "serverStatus": "200",
        "serverResponseLatency": "0.028",
        "upstreamSourcePort": "21564",
        "originalHost": "20.110.30.194",
        "host": "20.110.30.194",
        "error_info":"ERRORINFO_NO_ERROR",
        "contentType":"application/json"
    }
}`;
const oneLine = (published: string) => JSON.stringify(JSON.parse(published));
/** Log Analytics' column type suffix for a property's value. */
const suffix = (value: unknown) => (typeof value === 'number' ? 'd' : typeof value === 'boolean' ? 'b' : 's');

describe('AzureAppGatewayParser', () => {
  it("reads the v2 record of Microsoft's documentation", () => {
    const p = new AzureAppGatewayParser();
    expect(parseLine(p, oneLine(DOC_V2_ACCESS))).toBe(KIND.access);
    expect(p.access()).toEqual({
      status: 200,
      timeMs: Date.UTC(2021, 9, 14, 22, 17, 11),
      tzOffsetMin: 0,
      client: '185.42.129.24',
      method: 'GET',
      path: '/',
      requestId: '592d1649f75a8d480a3c4dc6a975309d',
      upstream: '52.239.221.65:443',
      connection: '',
      requestTime: 0.034,
      signal: null,
      truncatedBy: null,
    });
  });

  it("reads the same record as a row of Log Analytics' AzureDiagnostics table, each property a typed column", () => {
    // The documented record flattened as Log Analytics stores it (TimeGenerated, ResourceId, Category, name_s/_d/_b).
    const record = JSON.parse(DOC_V2_ACCESS) as { timeStamp: string; resourceId: string; category: string; properties: Record<string, unknown> };
    const row = { TimeGenerated: record.timeStamp, ResourceId: record.resourceId, Category: record.category, ...Object.fromEntries(Object.entries(record.properties).map(([k, v]) => [`${k}_${suffix(v)}`, v])) };
    const p = new AzureAppGatewayParser();
    expect(parseLine(p, JSON.stringify(row))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, timeMs: Date.UTC(2021, 9, 14, 22, 17, 11), client: '185.42.129.24', upstream: '52.239.221.65:443', requestTime: 0.034 });
  });

  it("reads the corpus's v1 record (backend and log id in requestQuery, timeTaken in ms) and v2 record", () => {
    const p = new AzureAppGatewayParser();
    expect(parseLine(p, corpusLines[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({
      status: 404,
      timeMs: Date.UTC(2017, 3, 26, 19, 27, 38),
      client: '67.43.156.7',
      path: '/phpmyadmin/scripts/setup.php',
      requestId: '874f1f0f-6807-41c9-b7bc-f3cfa74aa0b1',
      upstream: '10.4.0.4',
      requestTime: 0.205,
    });
    expect(parseLine(p, corpusLines[1] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 404, upstream: '104.41.114.59:80', signal: null });
  });

  it('recognises the firewall records and the Resource Health event as carrying nothing to count', () => {
    const p = new AzureAppGatewayParser();
    expect(corpusLines.slice(2, 6).map((line) => parseLine(p, line))).toEqual([KIND.other, KIND.other, KIND.other, KIND.other]);
    // Front Door's records are its own parser's.
    const frontDoor = readFileSync(new URL('../../../test/fixtures/logs/wild/azure-frontdoor/integrations-fdaccess.log', import.meta.url), 'utf8');
    expect(parseLine(p, frontDoor.split('\n')[0] as string)).toBe(KIND.none);
  });

  it('is how the corpus file is detected', () => {
    expect(detectInput(corpus, true, false, { appFields: {} })).toMatchObject({ format: 'azure-appgw', matched: 6, events: 2 });
  });
});

describe('appGatewaySignal', () => {
  // error_info values of the documentation's 5xx table.
  it.each([
    [502, '-', 'ERRORINFO_UPSTREAM_NO_LIVE', 'no-live-upstream', 'high'],
    [502, '-', 'ERRORINFO_UPSTREAM_CLOSED_CONNECTION', 'reset', 'high'],
    [504, '-', 'ERRORINFO_UPSTREAM_TIMED_OUT', 'timeout', 'high'],
    [499, '-', 'ERRORINFO_CLIENT_CLOSED_REQUEST', 'client-closed', 'high'],
    [500, '500', 'ERRORINFO_NO_ERROR', 'app-error', 'high'],
    [503, '503', '', 'app-overload', 'high'],
    [502, '-', '', 'upstream-failed', 'high'],
    [502, '200', 'ERRORINFO_NO_ERROR', 'upstream-failed', 'medium'],
  ])('httpStatus %i serverStatus %s %s → %s (%s)', (status, serverStatus, errorInfo, cause, confidence) => {
    expect(appGatewaySignal({ status, serverStatus, errorInfo })).toMatchObject({ cause, confidence, decisive: true, evidence: { kind: 'azure-error-info' } });
  });

  it('says nothing when the record has no backend status and no error, or below 500', () => {
    expect(appGatewaySignal({ status: 502, serverStatus: undefined, errorInfo: '' })).toBeNull();
    expect(appGatewaySignal({ status: 404, serverStatus: '200', errorInfo: '' })).toBeNull();
  });
});
