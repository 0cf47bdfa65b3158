/**
 * A response captured without its body (curl -I, a HEAD request, a logged head) whose Content-Length is exactly the
 * size of a component's own error page for its status, with the footer its Server header implies, in any of the
 * releases the template's variants describe (data/fingerprints/default-pages.yaml): that page is rebuilt, so the
 * fingerprints can read it as if it had been pasted. A component that sends no Server header (HAProxy) is told by its
 * other headers. Any other size, a compressed body, or an operator's Server header rebuilds nothing.
 */
import { Buffer } from 'node:buffer';
import type { DefaultPageTemplate } from './default-page-schema.ts';
import { headerValue } from './headers.ts';
import type { ParsedResponse } from './types.ts';

export interface RebuiltPage {
  page: string;
  /** The Content-Length that matched the page's size. */
  length: number;
  template: DefaultPageTemplate;
}

type Variant = NonNullable<DefaultPageTemplate['variants']>[number];

/** The head as written, and with every combination of the variants applied (a release may carry several changes). */
function variantsOf(head: string, variants: readonly Variant[]): string[] {
  const [first, ...rest] = variants;
  if (!first) return [head];
  const changed = head.replace(first.replace, first.with);
  return [...variantsOf(head, rest), ...(changed === head ? [] : variantsOf(changed, rest))];
}

function candidates(template: DefaultPageTemplate, status: number, server: string | undefined): string[] {
  const tail = template.tail.replaceAll('{server}', server ?? '');
  const heads = template.pages.filter((p) => p.status === status).flatMap((p) => variantsOf(p.head, template.variants ?? []));
  return heads.flatMap((head) => [head + tail, ...(template.padding === undefined ? [] : [head + tail + template.padding])]);
}

/** The response carries the Server header of the template's component (none, for one that sends none) and its other headers. */
function sentBy(template: DefaultPageTemplate, response: ParsedResponse, server: string | undefined): boolean {
  const serverFits = template.server === undefined ? server === undefined : server !== undefined && new RegExp(template.server).test(server);
  return (
    serverFits &&
    (template.headers ?? []).every((h) => {
      const value = headerValue(response.headers, h.name);
      return value !== undefined && new RegExp(h.value, 'i').test(value.trim());
    })
  );
}

export function rebuildPage(response: ParsedResponse, templates: readonly DefaultPageTemplate[]): RebuiltPage | null {
  if (response.form !== 'message' || response.body !== null || response.status === null || response.status < 400) return null;
  const length = Number(headerValue(response.headers, 'content-length'));
  const server = headerValue(response.headers, 'server')?.trim();
  const encoded = (headerValue(response.headers, 'content-encoding') ?? 'identity').trim().toLowerCase() !== 'identity';
  if (!Number.isInteger(length) || length <= 0 || encoded) return null;
  for (const template of templates) {
    if (!sentBy(template, response, server)) continue;
    const page = candidates(template, response.status, server).find((p) => Buffer.byteLength(p) === length);
    if (page !== undefined) return { page, length, template };
  }
  return null;
}
