/**
 * An object as a Python, Ruby or Node client printed it, as JSON text, so that the body reads as the JSON it was sent
 * as: Python's dict repr (`{'code': 'woocommerce_rest_cannot_view', 'data': {'status': 401}}`, `True`, `None`), Ruby's
 * Hash#inspect (`{"code"=>"service_unavailable", "status"=>503}`, `{:status=>406}`, `nil`, 3.4's `{status: 406}`) and
 * Node's util.inspect (console.log of an object: `{ statusCode: 403, message: 'x' }`, `undefined`, and its stand-ins
 * for what it does not print, `[Object]`, `[Array]`, `[Function: f]`, `[Circular *1]`, read as null). Strings are read
 * by string-literal.ts (either quote, escapes as those languages write them); null when the text holds none of their forms.
 */
import { literalAt } from './string-literal.ts';

const CONSTANTS: Record<string, string> = { True: 'true', False: 'false', None: 'null', nil: 'null', undefined: 'null' };
const WORD = /[A-Za-z_$][\w$]*/y;
/** A key without quotes (JavaScript's, Ruby 3.4's): a word right after `{` or `,`, then a single colon. */
const BARE_KEY = /([A-Za-z_$][\w$]*)\s*:(?!:)/y;
/** util.inspect's stand-ins for values it does not print, and the mark of an object referred to again. */
const INSPECT_STAND_IN = /\[(?:Object|Array|Circular \*\d+|Getter|Setter|Getter\/Setter|Function(?:: [\w$]+| \(anonymous\))?)\]/y;
const INSPECT_REF = /<ref \*\d+>\s*/y;
/** Ruby's `=>` between a key and its value (with the blanks around it). */
const HASH_ROCKET = /\s*=>\s*/y;
/** A Ruby symbol used as a key: `:status=>`. */
const SYMBOL_KEY = /:([A-Za-z_]\w*)(?=\s*=>)/y;

export function printedObjectToJson(text: string): string | null {
  let out = '';
  let printed = false;
  // Whether the last mark written was `{` or `,` (blanks aside): a bare word there is a key. Kept as the loop goes,
  // so that no pass over `out` is needed per token.
  let keyNext = false;
  for (let at = 0; at < text.length; ) {
    const c = text[at] as string;
    if (c === "'" || c === '"') {
      const literal = literalAt(text, at);
      if (!literal) return null;
      printed ||= c === "'";
      out += JSON.stringify(literal.value);
      at = literal.end;
      keyNext = false;
      continue;
    }
    HASH_ROCKET.lastIndex = at;
    const rocket = HASH_ROCKET.exec(text);
    if (rocket) {
      printed = true;
      out += ':';
      at += rocket[0].length;
      keyNext = false;
      continue;
    }
    if (keyNext) {
      BARE_KEY.lastIndex = at;
      const key = BARE_KEY.exec(text);
      if (key) {
        printed = true;
        out += `${JSON.stringify(key[1])}:`;
        at += key[0].length;
        keyNext = false;
        continue;
      }
    }
    INSPECT_STAND_IN.lastIndex = at;
    INSPECT_REF.lastIndex = at;
    const standIn = INSPECT_STAND_IN.exec(text) ?? INSPECT_REF.exec(text);
    if (standIn) {
      printed = true;
      if (standIn[0].startsWith('[')) {
        out += 'null';
        keyNext = false;
      }
      at += standIn[0].length;
      continue;
    }
    SYMBOL_KEY.lastIndex = at;
    const symbol = SYMBOL_KEY.exec(text);
    if (symbol) {
      out += JSON.stringify(symbol[1]);
      at += symbol[0].length;
      keyNext = false;
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(text)?.[0];
    if (word !== undefined) {
      const constant = CONSTANTS[word];
      printed ||= constant !== undefined;
      out += constant ?? word;
      at += word.length;
      keyNext = false;
      continue;
    }
    out += c;
    at += 1;
    if (c === '{' || c === ',') keyNext = true;
    else if (!/\s/.test(c)) keyNext = false;
  }
  return printed ? out : null;
}

/** One `[key] => value` line of print_r; the value `Array` opens a nested one. */
const PRINT_R_ENTRY = /^\[([^\]\n]{1,100})\] => ?(.*)$/;
/** A number as print_r shows it; one with a leading zero, or too long for a double, stays text (`010`, an id). */
const PRINT_R_NUMBER = /^-?(?:0|[1-9]\d{0,14})(?:\.\d+)?$/;
const MAX_PRINT_R_DEPTH = 20;
/** How print_r's output opens: `Array` then `(` (on its line or the next), or the `(` alone. */
const PRINT_R_START = /^\s*(?:Array\s*)?\(\s*\n/;

/**
 * An array as PHP's print_r prints it (`Array\n(\n    [code] => x\n    [data] => Array\n        (\n ... )\n)`), or
 * its parenthesised part alone, as the object it was: PHP clients print a decoded JSON error so. Null when the text
 * is no such array.
 */
export function printRToObject(text: string): Record<string, unknown> | null {
  // Only a text that opens with the array is split into lines: most pastes reaching here are no print_r.
  if (!PRINT_R_START.test(text)) return null;
  const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  let at = 0;
  /** The array whose `(` is at `at` (after `Array` or not), or whose `(` was already read (`opened`). */
  const parse = (depth: number, opened: boolean): Record<string, unknown> | null => {
    if (depth > MAX_PRINT_R_DEPTH) return null;
    if (!opened) {
      if (lines[at] === 'Array') at += 1;
      if (!/^(?:Array\s*)?\($/.test(lines[at] ?? '')) return null;
      at += 1;
    }
    const object: Record<string, unknown> = {};
    for (; at < lines.length; at += 1) {
      const line = lines[at] as string;
      if (line === ')') return object;
      const entry = PRINT_R_ENTRY.exec(line);
      if (!entry) return null;
      const key = entry[1] as string;
      const value = entry[2] as string;
      if (/^Array\s*\(?$/.test(value)) {
        at += 1;
        const nested = parse(depth + 1, value.endsWith('('));
        if (!nested) return null;
        object[key] = nested;
      } else object[key] = PRINT_R_NUMBER.test(value) ? Number(value) : value;
    }
    return null;
  };
  const object = parse(0, false);
  return object && Object.keys(object).length > 0 && at >= lines.length - 1 ? object : null;
}
