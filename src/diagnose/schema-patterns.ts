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

/** A JavaScript regular expression's source. */
export const pattern = z.string().min(1).refine(isRegex, 'not a valid JavaScript regular expression');
