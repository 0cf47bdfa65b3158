import { describe, expect, it } from 'vitest';
import { httpClientDebug } from './http-client-debug.ts';

describe("http.client's debug lines", () => {
  it('reads the reply as the status line and the header lines as the head, without the request', () => {
    const lines = ["send: b'GET /a HTTP/1.1\\r\\nHost: example.com\\r\\n\\r\\n'", "reply: 'HTTP/1.1 403 Forbidden\\r\\n'", 'header: Server: AmazonS3', 'header: Content-Type: application/xml'];
    expect(httpClientDebug(lines)).toEqual(['HTTP/1.1 403 Forbidden', 'Server: AmazonS3', 'Content-Type: application/xml']);
  });

  it('leaves lines alone that have no reply followed by headers', () => {
    const lines = ["reply: 'HTTP/1.1 200 OK\\r\\n'", 'the end'];
    expect(httpClientDebug(lines)).toBe(lines);
  });
});
