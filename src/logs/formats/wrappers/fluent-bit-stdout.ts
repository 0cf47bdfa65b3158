/**
 * Fluent Bit's stdout output (`[OUTPUT] Name stdout`, its default msgpack print), as people paste it when they debug a
 * pipeline: `[0] tag: [1580147045.000000000, {"container_name"=>"/web", "log"=>"<line>", ...}]`, or since 2.1, with
 * the record's metadata, `[0] tag: [[1700000000.123456789, {}], {"log"=>"<line>"}]`. Strings are printed as they are,
 * their inner quotes unescaped (msgpack-c's object print), so the line ends where the record's next `", "key"=>`
 * begins, or at the record's closing `"}]`.
 */
import type { WrappedLine, Wrapper } from './wrapped-line.ts';

/** The event number, the tag, the time (alone or with its metadata map), and the record's opening brace. */
const HEAD = /^\[\d+\] [^\s[\]]+: \[\[?\d{9,10}(?:\.\d+)?(?:, \{[^{}]*\}\])?, \{/;
/** The key that holds the line: docker's and the tail input's `log`, or `message`. */
const LINE_KEY = /"(?:log|message)"=>"/;
/** The next key of the record after the line's value. */
const NEXT_KEY = /", "[\w@.-]+"=>/;
const RECORD_END = '"}]';

export const fluentBitStdout: Wrapper = {
  id: 'fluent-bit-stdout',
  loose: false,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    if (text.charCodeAt(start) !== 91) return false; // `[`, the event number's bracket
    const record = text.slice(start, end);
    const head = HEAD.exec(record);
    if (!head) return false;
    const key = LINE_KEY.exec(record.slice(head[0].length));
    if (!key) return false;
    const from = head[0].length + key.index + key[0].length;
    const next = NEXT_KEY.exec(record.slice(from));
    const to = next ? from + next.index : record.endsWith(RECORD_END) ? record.length - RECORD_END.length : -1;
    if (to < from) return false;
    line.start = start + from;
    line.end = start + to;
    return true;
  },
};
