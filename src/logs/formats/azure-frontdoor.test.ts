import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseLine } from '../../../test/logs/helpers.ts';
import { AzureFrontDoorParser, frontDoorSignal } from './azure-frontdoor.ts';
import { detectInput } from './detect.ts';
import { KIND } from './line-parser.ts';

// elastic/integrations@1663751d55fc499a7ebc836ced08df362e7ef0e7:packages/azure_frontdoor/data_stream/access/_dev/test/
// pipeline/test-fdaccess.log (wild corpus, Elastic-2.0): three FrontdoorAccessLog records, 200 with NoError.
const corpus = readFileSync(new URL('../../../test/fixtures/logs/wild/azure-frontdoor/integrations-fdaccess.log', import.meta.url));
const corpusLines = corpus.toString('utf8').split('\n');

// MicrosoftDocs/azure-docs articles/web-application-firewall/afds/waf-front-door-monitor.md: the WAF log and the
// access log of a request the WAF blocked, as published (Azure writes each record on one line, which JSON.stringify
// gives back).
const DOC_WAF_LOG = String.raw`{
    "time":  "2020-06-09T22:32:17.8376810Z",
    "category": "FrontdoorWebApplicationFirewallLog",
    "operationName": "Microsoft.Network/FrontDoorWebApplicationFirewallLog/Write",
    "properties":
    {
        "clientIP":"xxx.xxx.xxx.xxx",
        "clientPort":"52097",
        "socketIP":"xxx.xxx.xxx.xxx",
        "requestUri":"https://wafdemofrontdoorwebapp.azurefd.net:443/?q=%27%20or%201=1",
        "ruleName":"Microsoft_DefaultRuleSet-1.1-SQLI-942100",
        "policy":"WafDemoCustomPolicy",
        "action":"Block",
        "host":"wafdemofrontdoorwebapp.azurefd.net",
        "trackingReference":"08Q3gXgAAAAAe0s71BET/QYwmqtpHO7uAU0pDRURHRTA1MDgANjMxNTAwZDAtOTRiNS00YzIwLTljY2YtNjFhNzMyOWQyYTgy",
        "policyMode":"prevention",
        "details":
            {
            "matches":
                [{
                "matchVariableName":"QueryParamValue:q",
                "matchVariableValue":"' or 1=1"
                }]
            }
     }
}`;
const DOC_ACCESS_LOG = String.raw`{
"time": "2020-06-09T22:32:17.8383427Z",
"category": "FrontdoorAccessLog",
"operationName": "Microsoft.Network/FrontDoor/AccessLog/Write",
 "properties":
    {
    "trackingReference":"08Q3gXgAAAAAe0s71BET/QYwmqtpHO7uAU0pDRURHRTA1MDgANjMxNTAwZDAtOTRiNS00YzIwLTljY2YtNjFhNzMyOWQyYTgy",
    "httpMethod":"GET",
    "httpVersion":"2.0",
    "requestUri":"https://wafdemofrontdoorwebapp.azurefd.net:443/?q=%27%20or%201=1",
    "requestBytes":"715",
    "responseBytes":"380",
    "userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/85.0.4157.0 Safari/537.36 Edg/85.0.531.1",
    "clientIp":"xxx.xxx.xxx.xxx",
    "socketIp":"xxx.xxx.xxx.xxx",
    "clientPort":"52097",
    "timeTaken":"0.003",
    "securityProtocol":"TLS 1.2",
    "routingRuleName":"WAFdemoWebAppRouting",
    "rulesEngineMatchNames":[],
    "backendHostname":"wafdemowebappuscentral.azurewebsites.net:443",
    "sentToOriginShield":false,
    "httpStatusCode":"403",
    "httpStatusDetails":"403",
    "pop":"SJC",
    "cacheStatus":"CONFIG_NOCACHE"
    }
}`;
const oneLine = (published: string) => JSON.stringify(JSON.parse(published));

describe('AzureFrontDoorParser', () => {
  it('reads the corpus records: full request URL to path, tracking reference, backend, seconds', () => {
    const p = new AzureFrontDoorParser();
    expect(parseLine(p, corpusLines[0] as string)).toBe(KIND.access);
    expect(p.access()).toEqual({
      status: 200,
      timeMs: Date.parse('2021-12-15T03:10:11.647Z'),
      tzOffsetMin: 0,
      client: '89.160.20.128',
      method: 'POST',
      path: '/StockSetup/GetStockListByCir',
      requestId: '0k1y5YQAAAAAWd0Uc6UcnR7WN8uo2prYZU0lOMzBFREdFMDIxNwBkYjIxMTMyNi1mZTJmLTQwYWYtOTA4My03MGUyYTJmYWRmZjc=',
      upstream: 'samplev6erp.azurewebsites.net:443',
      connection: '',
      requestTime: 0.384,
      signal: null,
      truncatedBy: null,
    });
  });

  it("reads Azure CDN's AzureCdnAccessLog records as the same table (corpus: azure-frontdoor/otel-azurecdnaccesslog-valid3.log)", () => {
    const published = readFileSync(new URL('../../../test/fixtures/logs/wild/azure-frontdoor/otel-azurecdnaccesslog-valid3.log', import.meta.url), 'utf8');
    const record = (JSON.parse(published) as { records: unknown[] }).records[0];
    const p = new AzureFrontDoorParser();
    expect(parseLine(p, JSON.stringify(record))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 304, method: 'GET', path: '/', upstream: 'example.com:443', requestTime: 0.398, signal: null });
  });

  it("reads the documentation's WAF-blocked request, and recognises its WAF record as carrying nothing to count", () => {
    const p = new AzureFrontDoorParser();
    expect(parseLine(p, oneLine(DOC_ACCESS_LOG))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 403, path: '/?q=%27%20or%201=1', requestTime: 0.003, signal: null });
    expect(parseLine(p, oneLine(DOC_WAF_LOG))).toBe(KIND.other);
  });

  it("skips the origin shield's own record of a request (isReceivedFromClient false; synthetic, from a corpus record)", () => {
    const p = new AzureFrontDoorParser();
    const record = JSON.parse(corpusLines[0] as string) as { properties: Record<string, unknown> };
    record.properties.isReceivedFromClient = false;
    expect(parseLine(p, JSON.stringify(record))).toBe(KIND.other);
    // Application Gateway's records are its own parser's.
    const gateway = readFileSync(new URL('../../../test/fixtures/logs/wild/azure-appgw/integrations-application-gateway-raw.log', import.meta.url), 'utf8');
    expect(parseLine(p, gateway.split('\n')[0] as string)).toBe(KIND.none);
  });

  it('is how the corpus file is detected', () => {
    expect(detectInput(corpus, true, false, { appFields: {} })).toMatchObject({ format: 'azure-frontdoor', matched: 3, events: 3 });
  });
});

describe('frontDoorSignal', () => {
  // ErrorInfo values of the access-log table; httpStatusCode 0 is the documented origin timeout.
  it.each([
    [0, '', 'timeout', 'high'],
    [0, 'OriginTimeout', 'timeout', 'high'],
    [504, 'OriginTimeout', 'timeout', 'high'],
    [502, 'OriginConnectionRefused', 'refused', 'high'],
    [502, 'OriginConnectionError', 'connect-failed', 'high'],
    [502, 'OriginConnectionAborted', 'reset', 'high'],
    [502, 'OriginInvalidResponse', 'invalid-response', 'high'],
    [502, 'SSLHandshakeError', 'tls', 'high'],
    [503, 'DNSNameNotResolved', 'dns', 'high'],
    [499, 'ClientDisconnected', 'client-closed', 'high'],
    [500, 'NoError', 'app-error', 'high'],
    [503, 'NoError', 'app-overload', 'high'],
    [503, 'SomeFutureError', 'no-live-upstream', 'medium'],
  ])('%i %s → %s (%s)', (status, errorInfo, cause, confidence) => {
    expect(frontDoorSignal(status, errorInfo)).toMatchObject({ cause, confidence, decisive: true, evidence: { kind: 'azure-error-info' } });
  });

  it('says nothing below 500, nor of a 5xx logged without ErrorInfo', () => {
    expect(frontDoorSignal(403, 'NoError')).toBeNull();
    expect(frontDoorSignal(502, '')).toBeNull();
  });
});
