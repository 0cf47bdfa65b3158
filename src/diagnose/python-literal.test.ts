import { describe, expect, it } from 'vitest';
import { pythonLiteralToJson } from './python-literal.ts';

describe('pythonLiteralToJson', () => {
  it("reads a dict as Python printed it (corpus: wordpress/wcrestapi110-w3tc-cannot-view.txt)", () => {
    const printed = " {'code': 'woocommerce_rest_cannot_view',\n 'data': {'status': 401},\n 'message': 'Sorry, you cannot view this resource.'}";
    expect(JSON.parse(pythonLiteralToJson(printed) ?? '')).toEqual({ code: 'woocommerce_rest_cannot_view', data: { status: 401 }, message: 'Sorry, you cannot view this resource.' });
  });

  it("reads Python's constants, its escapes and double-quoted strings beside single-quoted ones", () => {
    expect(JSON.parse(pythonLiteralToJson(`{'ok': False, 'error': None, 'retry': True, 'msg': "it's", 'q': 'a \\'b\\''}`) ?? '')).toEqual({ ok: false, error: null, retry: true, msg: "it's", q: "a 'b'" });
  });

  it('gives null for JSON already, and for a string that never closes', () => {
    expect(pythonLiteralToJson('{"ok": false}')).toBeNull();
    expect(pythonLiteralToJson("{'ok': 'x}")).toBeNull();
  });
});
