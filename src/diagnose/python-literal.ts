/**
 * A dict as Python prints it (its repr: `{'code': 'woocommerce_rest_cannot_view', 'data': {'status': 401}}`, `True`,
 * `None`), as JSON text, so that a body a Python client printed reads as the JSON it was sent as. Strings are read by
 * string-literal.ts (either quote, escapes as Python writes them); null when the text holds none of Python's forms.
 */
import { literalAt } from './string-literal.ts';

const PYTHON_CONSTANTS: Record<string, string> = { True: 'true', False: 'false', None: 'null' };
const WORD = /[A-Za-z_]\w*/y;

export function pythonLiteralToJson(text: string): string | null {
  let out = '';
  let python = false;
  for (let at = 0; at < text.length; ) {
    const c = text[at] as string;
    if (c === "'" || c === '"') {
      const literal = literalAt(text, at);
      if (!literal) return null;
      python ||= c === "'";
      out += JSON.stringify(literal.value);
      at = literal.end;
      continue;
    }
    WORD.lastIndex = at;
    const word = WORD.exec(text)?.[0];
    if (word !== undefined) {
      const constant = PYTHON_CONSTANTS[word];
      python ||= constant !== undefined;
      out += constant ?? word;
      at += word.length;
      continue;
    }
    out += c;
    at += 1;
  }
  return python ? out : null;
}
