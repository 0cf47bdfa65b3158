import { describe, expect, it } from 'vitest';
import { printedObjectToJson } from './printed-object.ts';

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
