import { describe, expect, it } from 'vitest';
import { detectWild, parseLine, wildLines } from '../../../test/logs/helpers.ts';
import { ApiGatewayParser } from './aws-apigateway.ts';
import { KIND } from './line-parser.ts';

// elastic/integrations' API Gateway test file: REST API records in the console's JSON format (CloudWatch), all 2xx.
const REST = 'aws-apigateway-json/elastic-integrations-test-apigateway-rest.log';

/** fhir-works-on-aws's access log format (no resource path; unset variables logged as "-"). */
const apigwLine = (status: string, integration: string, error: string) =>
  `{"error.message":"${error}","extendedRequestId":"MVULgEY2PHcFlcA=","httpMethod":"POST","integration.error":"-","integration.status":"${integration}","path":"/dev/Patient","requestId":"a4","status":"${status}"}`;

describe('ApiGatewayParser', () => {
  it('is detected from its keys', () => {
    expect(detectWild(REST)).toBe('aws-apigateway');
  });

  it('reads the request: its CLF time, the source IP, the method, the resource path and the request id', () => {
    const p = new ApiGatewayParser();
    expect(parseLine(p, wildLines(REST)[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, timeMs: Date.parse('2023-06-10T15:36:28Z'), client: '1.128.0.0', method: 'GET', path: '/pets', requestId: '48752d0f-c99d-4cfa-a5a7-f3c6834d19e5', signal: null });
  });

  // AWS's Centralized Logging with OpenSearch names the same variables in snake_case (its microbatch test data).
  it('reads the variables under snake_case keys: status_code, http_method, resource_path, request_time_epoch', () => {
    const SNAKE = 'aws-apigateway-json/clo-microbatch-apigateway1.log';
    expect(detectWild(SNAKE)).toBe('aws-apigateway');
    const p = new ApiGatewayParser();
    expect(parseLine(p, wildLines(SNAKE)[0] as string)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 200, timeMs: 1678451388661, client: '13.248.48.6', method: 'OPTIONS', path: '/prod/ontology', requestId: 'ebf87aa3-bf0b-44a7-ab91-1571f567c956' });
  });

  // The file's first record with its status and integration fields changed on purpose: the file shows no 5xx.
  const withFields = (fields: string) => (wildLines(REST)[0] as string).replace('"status":"200"', `"status":"502"${fields}`);

  it.each([
    ['the integration answered the same 5xx: the backend made it', ',"integrationStatus":"502"', 'app-error'],
    ['the integration answered 200: API Gateway could not use its answer', ',"integrationStatus":"200"', 'invalid-response'],
    ['no integration status and a timeout message: API Gateway gave up', ',"integrationStatus":"-","integrationErrorMessage":"Endpoint request timed out"', 'timeout'],
  ])('decides a 5xx when %s', (_case, fields, cause) => {
    const p = new ApiGatewayParser();
    expect(parseLine(p, withFields(fields))).toBe(KIND.access);
    expect(p.access().signal).toMatchObject({ cause, decisive: true });
  });

  it('leaves a 5xx undecided when the format logs no integration field', () => {
    const p = new ApiGatewayParser();
    expect(parseLine(p, withFields(''))).toBe(KIND.access);
    expect(p.access().signal).toBeNull();
  });

  // Held-out set 250: fhir-works-on-aws's access log format (no resource path; unset variables logged as "-").
  it("names the gateway's own 4xx: the integration never called, an error of its own", () => {
    const p = new ApiGatewayParser();
    expect(parseLine(p, apigwLine('401', '-', 'Unauthorized'))).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 401, signal: { cause: 'proxy-config', confidence: 'medium', evidence: { detail: 'integrationStatus=- error=Unauthorized' } } });
    expect(parseLine(p, apigwLine('404', '404', '-'))).toBe(KIND.access);
    expect(p.access().signal).toBeNull();
  });

  it("does not read another JSON log's line", () => {
    expect(parseLine(new ApiGatewayParser(), '{"status":200,"method":"GET","path":"/"}')).toBe(KIND.none);
  });
});
