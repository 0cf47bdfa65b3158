/**
 * The zod schema of `data/fingerprints/default-pages.yaml`: components' own error pages byte for byte (per status, the
 * part before the footer; the footer with the Server header's value in it; variants of older versions; a padding some
 * clients get), so that a response captured without its body can be recognised by its Content-Length.
 */
import { z } from 'zod';

const kebab = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function isRegex(source: string): boolean {
  try {
    return new RegExp(source) instanceof RegExp;
  } catch {
    return false;
  }
}

const templateSchema = z
  .object({
    id: z.string().regex(kebab),
    /** The Server header values of the component whose pages these are; the value is also the footer's text. */
    server: z.string().min(1).refine(isRegex, 'not a valid JavaScript regular expression'),
    source: z.url(),
    /** What follows every page; `{server}` is the Server header's value. */
    tail: z.string().includes('{server}'),
    /** Older versions' pages: `replace` in a page's head becomes `with`. */
    variants: z.array(z.object({ replace: z.string().min(1), with: z.string().min(1) }).strict()).optional(),
    /** Appended after the tail for some clients (nginx's msie_padding); a size with or without it counts. */
    padding: z.string().min(1).optional(),
    /** Per status as sent, the page before the tail; a status may have several pages. */
    pages: z.array(z.object({ status: z.number().int().min(400).max(599), head: z.string().min(1) }).strict()).min(1),
  })
  .strict();

export const defaultPagesFileSchema = z.object({ templates: z.array(templateSchema) }).strict();

export type DefaultPageTemplate = z.infer<typeof templateSchema>;
