import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectWild, parseLine as parse, wildLines } from '../../../test/logs/helpers.ts';
import { ApiGatewayExecutionParser } from './apigateway-execution.ts';
import { KIND } from './line-parser.ts';

/** A file of the diagnose corpus (test/fixtures/diagnose/wild/corpus-m.tsv has its provenance). */
const diagnoseLines = (file: string): string[] => readFileSync(new URL(`../../../test/fixtures/diagnose/wild/${file}`, import.meta.url), 'utf8').trimEnd().split('\n');

describe('ApiGatewayExecutionParser', () => {
  it("reads the console's lines by request id, and gives a malformed Lambda proxy response's 502 to API Gateway (corpus: aws-apigateway-execution/todayweather-2033)", () => {
    const file = 'aws-apigateway-execution/todayweather-2033-malformed-lambda-proxy-response-502.log';
    const p = new ApiGatewayExecutionParser();
    const kinds = wildLines(file).map((line) => parse(p, line));
    expect(kinds).toEqual([KIND.other, KIND.other, KIND.access]);
    expect(p.access()).toMatchObject({ status: 502, method: 'GET', path: '/weather/coord/35.212,128.709', requestId: 'c33ca9d6-f3cc-11e7-a02a-99f47037d008', signal: { cause: 'invalid-response', confidence: 'high' } });
    expect(detectWild(file)).toBe('aws-apigateway-execution');
  });

  it("reads the console's Test output, dated and without ids, even when the Lambda's own statusCode was 200 (diagnose corpus: 502-execution-log-body-object-lambda-proxy)", () => {
    const p = new ApiGatewayExecutionParser();
    const kinds = diagnoseLines('aws-api-gateway/502-execution-log-body-object-lambda-proxy.log').map((line) => parse(p, line));
    expect(kinds.at(-1)).toBe(KIND.access);
    expect(p.access()).toMatchObject({ status: 502, timeMs: Date.UTC(2022, 10, 2, 10, 19, 35), signal: { cause: 'invalid-response' } });
  });

  it("mechanics (lines in the layout of API Gateway's execution log): a 5xx is the backend's only when the integration's own status is the one sent, undecided with no line about it", () => {
    const p = new ApiGatewayExecutionParser();
    parse(p, '(abc-123) HTTP Method: POST, Resource Path: /orders');
    parse(p, '(abc-123) Received response. Status: 500, Integration latency: 12 ms');
    expect(parse(p, '(abc-123) Method completed with status: 500')).toBe(KIND.access);
    expect(p.access()).toMatchObject({ method: 'POST', path: '/orders', signal: { cause: 'app-error' } });
    parse(p, '(def-456) Endpoint response body before transformations: {"statusCode":200,"body":"ok"}');
    expect(parse(p, '(def-456) Method completed with status: 500')).toBe(KIND.access);
    expect(p.access().signal).toBeNull();
  });

  it("mechanics: takes no line without API Gateway's words, its request id or the Test output's date", () => {
    const p = new ApiGatewayExecutionParser();
    expect(parse(p, 'Method completed with status: 502')).toBe(KIND.none);
    expect(parse(p, '(worker-1) Starting job 42')).toBe(KIND.none);
    expect(parse(p, '2024-05-14T00:00:00Z GET /x 502')).toBe(KIND.none);
  });
});
