import { describe, expect, it } from 'vitest';
import { wireLogResponse } from './wire-log.ts';

describe('wireLogResponse', () => {
  it("joins the chunks HttpClient received, its byte markers decoded, whatever its logger wrote before them (mechanics: the logger's layout)", () => {
    const lines = [
      '2024-01-01 10:00:00,000 DEBUG [org.apache.http.wire] http-outgoing-0 >> "GET / HTTP/1.1[\\r][\\n]"',
      '2024-01-01 10:00:00,001 DEBUG [org.apache.http.wire] http-outgoing-0 << "HTTP/1.1 502 Bad Gateway[\\r][\\n]"',
      '2024-01-01 10:00:00,001 DEBUG [org.apache.http.wire] http-outgoing-0 << "Server: nginx[\\r][\\n]"',
      '2024-01-01 10:00:00,001 DEBUG [org.apache.http.wire] http-outgoing-0 << "[\\r][\\n]"',
      '2024-01-01 10:00:00,002 DEBUG [org.apache.http.wire] http-outgoing-0 << "<html>[0x9]x</html>"',
    ];
    expect(wireLogResponse(lines)).toEqual(['HTTP/1.1 502 Bad Gateway', 'Server: nginx', '', '<html>\tx</html>']);
  });

  it('reads nothing from one quoted arrow line, or from received bytes that are no response', () => {
    expect(wireLogResponse(['x << "HTTP/1.1 502 Bad Gateway[\\r][\\n]"'])).toBeNull();
    expect(wireLogResponse(['x << "abc"', 'x << "def"'])).toBeNull();
  });
});
