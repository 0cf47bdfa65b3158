import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFirebaseDebug } from './parse-firebase-debug.ts';
import { parseInput } from './parse-input.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

// Real firebase-debug.log excerpts from the wild corpus (corpus-y.tsv: firebase/firebase-tools#6110, #7223).
describe("the Firebase CLI's debug log", () => {
  it('reads the status line and the body line after it, the URL as logged (spaces and all)', () => {
    const read = parseFirebaseDebug(wild('google-apis/firebase-tools-6110-hosting-versions-404.log'));
    expect(read).toMatchObject({
      method: 'POST',
      url: 'https://firebasehosting.googleapis.com/v1beta1/projects/-/sites/[Site Name]/versions',
      response: { status: 404, body: '{"error":{"code":404,"message":"Requested entity was not found.","status":"NOT_FOUND"}}', form: 'client-message' },
    });
  });

  it('is what parseInput reads the log as, labelled with the request', () => {
    const parsed = parseInput(wild('google-apis/firebase-tools-7223-hosting-versions-404.log'));
    expect(parsed.format).toBe('client-message');
    expect(parsed.observations[0]?.response?.status).toBe(404);
  });

  it("takes the status from a Google error body when the log shows the body alone, over the lines it runs on (before apiv2)", () => {
    const log = '[2018-05-22T18:18:28.504Z] <<< HTTP RESPONSE BODY {\n  "error": {\n    "code": 503,\n    "message": "x"\n  }\n}\n[2018-05-22T18:18:28.505Z] Error: HTTP Error: 503';
    expect(parseFirebaseDebug(log)?.response).toMatchObject({ status: 503, body: '{\n  "error": {\n    "code": 503,\n    "message": "x"\n  }\n}' });
  });

  it('skips the responses that succeeded, and text that is no such log', () => {
    const ok = '[debug] [2023-11-29T16:50:41.000Z] <<< [apiv2][status] GET https://x.googleapis.com/v1/a 200\n[debug] [2023-11-29T16:50:41.000Z] <<< [apiv2][body] GET https://x.googleapis.com/v1/a {}';
    expect(parseFirebaseDebug(ok)).toBeNull();
    expect(parseFirebaseDebug('<<< HTTP RESPONSE 503 without a logged time')).toBeNull();
  });
});
