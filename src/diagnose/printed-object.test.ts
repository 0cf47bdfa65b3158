import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { printedObjectToJson, printRToObject } from './printed-object.ts';

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe('printedObjectToJson (Python and Ruby)', () => {
  it("reads a dict as Python printed it (corpus: wordpress/wcrestapi110-w3tc-cannot-view.txt)", () => {
    const printed = wild('wordpress/wcrestapi110-w3tc-cannot-view.txt');
    expect(JSON.parse(printedObjectToJson(printed) ?? '')).toEqual({ code: 'woocommerce_rest_cannot_view', data: { status: 401 }, message: 'Sorry, you cannot view this resource.' });
  });

  it("reads a Ruby hash as inspect printed it (corpus: backblaze-b2/fog-503-no-tomes.log)", () => {
    const hash = /\{"code"=>[^}]*\}/.exec(wild('backblaze-b2/fog-503-no-tomes.log'))?.[0] ?? '';
    expect(JSON.parse(printedObjectToJson(hash) ?? '')).toEqual({ code: 'service_unavailable', message: 'no tomes available', status: 503 });
  });

  it("reads Python's constants, its escapes, and quotes of both kinds (mechanics)", () => {
    expect(JSON.parse(printedObjectToJson(`{'ok': False, 'error': None, 'retry': True, 'msg': "it's", 'q': 'a \\'b\\''}`) ?? '')).toEqual({ ok: false, error: null, retry: true, msg: "it's", q: "a 'b'" });
  });

  it("reads Ruby's symbol keys and nil (mechanics)", () => {
    expect(JSON.parse(printedObjectToJson('{:status=>406, :body=>nil}') ?? '')).toEqual({ status: 406, body: null });
  });

  it("reads an object as Node's util.inspect printed it, keys without quotes (corpus: ngrok/autohook-agent-api-503.log)", () => {
    expect(JSON.parse(printedObjectToJson(wild('ngrok/autohook-agent-api-503.log')) ?? '')).toEqual({
      error_code: 104,
      status_code: 503,
      msg: 'ngrok is not yet ready to start tunnels',
      details: { err: 'a successful ngrok tunnel session has not yet been established' },
    });
  });

  it("reads util.inspect's undefined and its stand-ins for what it does not print as null (mechanics)", () => {
    expect(JSON.parse(printedObjectToJson("<ref *1> { a: [Object], b: [Array], f: [Function: send], g: [Function (anonymous)], c: [Circular *1], u: undefined, $k: 'v' }") ?? '')).toEqual({
      a: null,
      b: null,
      f: null,
      g: null,
      c: null,
      u: null,
      $k: 'v',
    });
  });

  it('gives null for JSON already, and for a string that never closes (mechanics)', () => {
    expect(printedObjectToJson('{"ok": false}')).toBeNull();
    expect(printedObjectToJson("{'ok': 'x}")).toBeNull();
  });
});

describe('printRToObject (PHP)', () => {
  it("reads print_r's nested arrays, `Array (` on one line (corpus: wordpress/wc16990-print-r-cannot-view.txt)", () => {
    expect(printRToObject(wild('wordpress/wc16990-print-r-cannot-view.txt'))).toEqual({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } });
  });

  it("reads the parenthesised part alone, keeping a code's leading zero and a long id as text (corpus: adyen/adyen-php21-authorise-403-010.txt)", () => {
    expect(printRToObject(wild('adyen/adyen-php21-authorise-403-010.txt'))).toEqual({ errorType: 'security', errorCode: '010', message: 'Not allowed', pspReference: '8614834610386710', status: 403 });
  });

  it('gives null for other text and for an array that never closes (mechanics)', () => {
    expect(printRToObject('502 Bad Gateway')).toBeNull();
    expect(printRToObject('Array\n(\n    [code] => x\n')).toBeNull();
  });
});
