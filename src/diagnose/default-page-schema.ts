/**
 * The zod schema of `data/fingerprints/default-pages.yaml`: components' own error pages byte for byte (per status, the
 * part before the footer; the footer, with the Server header's value in it where the component writes it there;
 * variants of other versions; a padding some clients get), so that a response captured without its body can be
 * recognised by its Content-Length.
 */
import { z } from 'zod';
import { headerName, kebab, pattern } from './schema-patterns.ts';

const templateSchema = z
  .object({
    id: z.string().regex(kebab),
    /** The Server header values of the component whose pages these are; omitted: the component sends none. */
    server: pattern.optional(),
    /** Other headers the component sends with its pages (value patterns, case-insensitive); needed without a Server header. */
    headers: z
      .array(z.object({ name: headerName, value: pattern }).strict())
      .min(1)
      .optional(),
    source: z.url(),
    /** What follows every page; `{server}`, where the footer names the server, is the Server header's value. */
    tail: z.string(),
    /** Other releases' pages: `replace` in a page's head becomes `with`; a release may carry several of them. */
    variants: z.array(z.object({ replace: z.string().min(1), with: z.string().min(1) }).strict()).max(4).optional(),
    /** Appended after the tail for some clients (nginx's msie_padding); a size with or without it counts. */
    padding: z.string().min(1).optional(),
    /** Per status as sent, the page before the tail; a status may have several pages. */
    pages: z.array(z.object({ status: z.number().int().min(400).max(599), head: z.string().min(1) }).strict()).min(1),
  })
  .strict()
  .refine((t) => t.server !== undefined || t.headers !== undefined, 'a template without a Server header needs the headers that tell it apart');

export const defaultPagesFileSchema = z.object({ templates: z.array(templateSchema) }).strict();

export type DefaultPageTemplate = z.infer<typeof templateSchema>;
