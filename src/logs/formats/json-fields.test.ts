import { describe, expect, it } from 'vitest';
import { firstNumber, firstString, getPath, jsonHeader, parseJsonObject } from './json-fields.ts';

describe('json fields', () => {
  const obj = { a: { b: { c: 'deep' } }, 'http.status_code': 502, n: '17', empty: '', list: [1] };

  it('parses objects only', () => {
    expect(parseJsonObject('{"x":1}')).toEqual({ x: 1 });
    expect(parseJsonObject('[1]')).toBeNull();
    expect(parseJsonObject(' {"x":1}')).toBeNull();
    expect(parseJsonObject('{"x":')).toBeNull();
  });

  it('reads dotted paths, dotted keys first', () => {
    expect(getPath(obj, 'a.b.c')).toBe('deep');
    expect(getPath(obj, 'http.status_code')).toBe(502);
    expect(getPath(obj, 'a.x.y')).toBeUndefined();
  });

  it('takes the first usable string or number', () => {
    expect(firstString(obj, ['empty', 'missing', 'http.status_code'])).toBe('502');
    expect(firstNumber(obj, ['a', 'n'])).toBe(17);
    expect(firstNumber(obj, ['missing'])).toBeNaN();
  });

  it('reads headers case-insensitively, from lists or strings', () => {
    expect(jsonHeader({ 'X-Request-Id': ['abc'] }, 'x-request-id')).toBe('abc');
    expect(jsonHeader({ 'x-request-id': 'def' }, 'X-Request-Id')).toBe('def');
    expect(jsonHeader(undefined, 'x')).toBe('');
  });
});
