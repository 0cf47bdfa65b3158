import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { printedObjectToJson, printRToObject } from './printed-object.ts';

describe('printedObjectToJson (Python and Ruby)', () => {
  it("reads a dict as Python printed it (corpus: wordpress/wcrestapi110-w3tc-cannot-view.txt)", () => {
    const printed = " {'code': 'woocommerce_rest_cannot_view',\n 'data': {'status': 401},\n 'message': 'Sorry, you cannot view this resource.'}";
    expect(JSON.parse(printedObjectToJson(printed) ?? '')).toEqual({ code: 'woocommerce_rest_cannot_view', data: { status: 401 }, message: 'Sorry, you cannot view this resource.' });
  });

  it("reads Python's constants, its escapes and double-quoted strings beside single-quoted ones", () => {
    expect(JSON.parse(printedObjectToJson(`{'ok': False, 'error': None, 'retry': True, 'msg': "it's", 'q': 'a \\'b\\''}`) ?? '')).toEqual({ ok: false, error: null, retry: true, msg: "it's", q: "a 'b'" });
  });

  it("reads a Ruby hash as inspect printed it, symbol keys and nil included (corpus: backblaze-b2/fog-503-no-tomes.log)", () => {
    expect(JSON.parse(printedObjectToJson('{"code"=>"service_unavailable", "message"=>"no tomes available", "status"=>503}') ?? '')).toEqual({ code: 'service_unavailable', message: 'no tomes available', status: 503 });
    expect(JSON.parse(printedObjectToJson('{:status=>406, :body=>nil}') ?? '')).toEqual({ status: 406, body: null });
  });

  it('gives null for JSON already, and for a string that never closes', () => {
    expect(printedObjectToJson('{"ok": false}')).toBeNull();
    expect(printedObjectToJson("{'ok': 'x}")).toBeNull();
  });
});

const wild = (path: string) => readFileSync(new URL(`../../test/fixtures/diagnose/wild/${path}`, import.meta.url), 'utf8');

describe('printRToObject (PHP)', () => {
  it("reads print_r's nested arrays, `Array (` on one line (corpus: wordpress/wc16990-print-r-cannot-view.txt)", () => {
    expect(printRToObject(wild('wordpress/wc16990-print-r-cannot-view.txt'))).toEqual({ code: 'woocommerce_rest_cannot_view', message: 'Sorry, you cannot list resources.', data: { status: 401 } });
  });

  it("reads the parenthesised part alone, keeping a code's leading zero and a long id as text (corpus: adyen/adyen-php21-authorise-403-010.txt)", () => {
    expect(printRToObject(wild('adyen/adyen-php21-authorise-403-010.txt'))).toEqual({ errorType: 'security', errorCode: '010', message: 'Not allowed', pspReference: '8614834610386710', status: 403 });
  });

  it('gives null for other text and for an array that never closes', () => {
    expect(printRToObject('502 Bad Gateway')).toBeNull();
    expect(printRToObject('Array\n(\n    [code] => x\n')).toBeNull();
  });
});
