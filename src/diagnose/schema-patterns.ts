/** Zod pieces the diagnosis data's schemas share: ids and the regular expressions the data files hold. */
import { z } from 'zod';

export const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function isRegex(source: string): boolean {
  try {
    return new RegExp(source) instanceof RegExp;
  } catch {
    return false;
  }
}

/** A header's name as the data writes it: lower case. */
export const headerName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'header names are written in lower case');

/** A modifier group (`(?i:…)`): Node 22, the oldest the package supports, does not parse them (V8 has them from Node 23). */
const MODIFIER_GROUP = /\(\?[imsx-]+:/;

/** A JavaScript regular expression's source, one every supported Node parses. */
export const pattern = z
  .string()
  .min(1)
  .refine(isRegex, 'not a valid JavaScript regular expression')
  .refine((source) => !MODIFIER_GROUP.test(source), 'a modifier group such as (?i:…) does not parse on Node 22: spell the cases out');
