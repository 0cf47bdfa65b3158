/**
 * An object as a Python or Ruby client printed it, as JSON text, so that the body reads as the JSON it was sent as:
 * Python's dict repr (`{'code': 'woocommerce_rest_cannot_view', 'data': {'status': 401}}`, `True`, `None`) and Ruby's
 * Hash#inspect (`{"code"=>"service_unavailable", "status"=>503}`, `{:status=>406}`, `nil`). Strings are read by
 * string-literal.ts (either quote, escapes as those languages write them); null when the text holds none of their forms.
 */
import { literalAt } from './string-literal.ts';

const CONSTANTS: Record<string, string> = { True: 'true', False: 'false', None: 'null', nil: 'null' };
const WORD = /[A-Za-z_]\w*/y;
/** Ruby's `=>` between a key and its value (with the blanks around it). */
const HASH_ROCKET = /\s*=>\s*/y;
/** A Ruby symbol used as a key: `:status=>`. */
const SYMBOL_KEY = /:([A-Za-z_]\w*)(?=\s*=>)/y;

export function printedObjectToJson(text: string): string | null {
  let out = '';
  let printed = false;
  for (let at = 0; at < text.length; ) {
    const c = text[at] as string;
    if (c === "'" || c === '"') {
      const literal = literalAt(text, at);
      if (!literal) return null;
      printed ||= c === "'";
      out += JSON.stringify(literal.value);
      at = literal.end;
      continue;
    }
    HASH_ROCKET.lastIndex = at;
    const rocket = HASH_ROCKET.exec(text);
    if (rocket) {
      printed = true;
      out += ':';
      at += rocket[0].length;
      continue;
    }
    SYMBOL_KEY.lastIndex = at;
    const symbol = SYMBOL_KEY.exec(text);
    if (symbol) {
      out += JSON.stringify(symbol[1]);
      at += symbol[0].length;
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(text)?.[0];
    if (word !== undefined) {
      const constant = CONSTANTS[word];
      printed ||= constant !== undefined;
      out += constant ?? word;
      at += word.length;
      continue;
    }
    out += c;
    at += 1;
  }
  return printed ? out : null;
}
