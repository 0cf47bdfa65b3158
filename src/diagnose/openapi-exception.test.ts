import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openApiException } from './openapi-exception.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe('openApiException', () => {
  // robusta-dev/krr#109: the Kubernetes Python client's ApiException, its header dict and body wrapped by the terminal
  it('reads the status, the reason, the header dict over lines and the body', () => {
    const response = openApiException(wild('kubernetes-apiserver/krr109-404-status-python-client.log'));
    expect(response).toMatchObject({ status: 404, reason: 'Not Found' });
    expect(response?.headers.map((h) => h.name)).toEqual(['Audit-Id', 'Cache-Control', 'Content-Type', 'X-Kubernetes-Pf-Flowschema-Uid', 'X-Kubernetes-Pf-Prioritylevel-Uid', 'Date', 'Content-Length']);
    expect(response?.body).toMatch(/^\{"kind":"Status",[\s\S]*"code":404\}$/);
  });

  // Held-out set 310: HubSpot's generated Python client, whose 429 came with no reason phrase.
  it('reads a response printed without its Reason line: the status, an empty line, then the body', () => {
    const response = openApiException(wild('hubspot/python-apiexception-429-ten-secondly-rolling.txt'));
    expect(response).toMatchObject({ status: 429, reason: '' });
    expect(response?.body).toMatch(/^\{\n\s+"status": "error",[\s\S]*"policyName": "TEN_SECONDLY_ROLLING",[\s\S]*\}$/);
  });

  it('needs the headers or the body after the reason: a status in parentheses alone is not one', () => {
    expect(openApiException('retrying (3)\nReason: unknown')).toBeNull();
  });
});
