/** The OpenAPI 3.1 description of /api/v1, served at /api/openapi.json and rendered on /api. */
import { ISSUERS, STANDINGS, VENDORS } from '../../codes/index.ts';
import { ERROR_CATALOGUE } from '../../errors.ts';

const lang = { name: 'lang', in: 'query' as const, description: 'Language of the prose: en (default) or id.', schema: { type: 'string', enum: ['en', 'id'] } };
const problem = { description: 'RFC 9457 problem details', content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } } };
const json = (description: string, schema: string) => ({ description, content: { 'application/json': { schema: { $ref: `#/components/schemas/${schema}` } } } });

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path';
  description?: string;
  required?: boolean;
  schema: object;
}

export interface OpenApiOperation {
  summary: string;
  parameters?: readonly OpenApiParameter[];
  requestBody?: object;
  responses: Record<number, object>;
}

/** The API's operations; the route table gives each its method and path. */
export const OPERATIONS = {
  listCodes: {
    summary: 'List codes, optionally filtered',
    parameters: [
      { name: 'class', in: 'query', schema: { type: 'string', enum: ['1xx', '2xx', '3xx', '4xx', '5xx', 'other'] } },
      { name: 'vendor', in: 'query', schema: { type: 'string', enum: [...VENDORS, 'none'] } },
      { name: 'standing', in: 'query', schema: { type: 'string', enum: [...STANDINGS] } },
      { name: 'issuer', in: 'query', schema: { type: 'string', enum: [...ISSUERS] } },
      lang,
    ],
    responses: { 200: json('Matching codes', 'CodeList'), 400: problem },
  },
  codeMeanings: {
    summary: 'Every meaning of one status (e.g. 502, 499, 502.3)',
    parameters: [{ name: 'code', in: 'path', required: true, schema: { type: 'string', pattern: '^\\d{3}(\\.\\d{1,3})?$' } }, lang],
    responses: { 200: json('The meanings, registry meaning first', 'CodeMeanings'), 400: problem, 404: problem },
  },
  compare: {
    summary: 'Compare two codes (ids such as 499-nginx or statuses)',
    parameters: [
      { name: 'a', in: 'query', required: true, schema: { type: 'string' } },
      { name: 'b', in: 'query', required: true, schema: { type: 'string' } },
      lang,
    ],
    responses: { 200: json('Side-by-side comparison', 'Comparison'), 400: problem, 404: problem },
  },
  diagnose: {
    summary: 'Diagnose a failing response: raw HTTP, curl -i / -v output, HAR, {status, headers, body}, a body alone, or an error page (its source or copied text); up to 2 MB',
    parameters: [lang],
    requestBody: { required: true, content: { 'text/plain': { schema: { type: 'string' } }, 'application/json': { schema: { type: 'object' } } } },
    responses: { 200: { description: 'The diagnosis report', content: { 'application/json': { schema: { type: 'object' } } } }, 400: problem },
  },
  check: {
    summary: 'Check a public URL: redirect chain, timings, TLS, failure class, diagnosis (SSRF-safe; 20 per minute per client)',
    parameters: [lang],
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['url'], properties: { url: { type: 'string' } } } } } },
    responses: { 200: { description: 'The check result', content: { 'application/json': { schema: { type: 'object' } } } }, 400: problem, 403: problem, 429: problem },
  },
  quizAnswer: {
    summary: 'Answer one quiz question; returns whether it was right and the explanation',
    requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['lang', 'q', 'n', 'score', 'answer'], properties: { lang: { type: 'string', enum: ['en', 'id'] }, q: { type: 'string', description: 'Question seed' }, n: { type: 'integer' }, score: { type: 'integer' }, answer: { type: 'string' } } } } } },
    responses: { 200: { description: 'Verdict and explanation', content: { 'application/json': { schema: { type: 'object' } } } }, 400: problem },
  },
  search: {
    summary: 'Search by number, reason phrase or words (typos tolerated, English or Indonesian)',
    parameters: [
      { name: 'q', in: 'query', required: true, schema: { type: 'string', maxLength: 200 } },
      { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100, default: 20 } },
      lang,
    ],
    responses: { 200: json('Ranked hits, exact code matches first', 'SearchResult'), 400: problem },
  },
} satisfies Record<string, OpenApiOperation>;

/** A route as far as the document cares: the API's routes carry their operation. */
interface DocumentedRoute {
  method: string | readonly string[];
  path: string;
  openApi?: OpenApiOperation;
}

/** "/api/v1/codes/:code" -> "/api/v1/codes/{code}" */
const openApiPath = (path: string) => path.replace(/:(\w+)/g, '{$1}');

/** The document, with a path for every route of the table that carries an operation, in the table's order. */
export function openApiDocument(routes: readonly DocumentedRoute[]) {
  const paths: Record<string, Record<string, OpenApiOperation>> = {};
  for (const { method, path, openApi } of routes) {
    if (!openApi) continue;
    for (const m of [method].flat()) (paths[openApiPath(path)] ??= {})[m.toLowerCase()] = openApi;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'httpwhy API',
      version: '1',
      description: 'HTTP status codes explained, compared and searched, in English and Indonesian. Every response carries ETag, Cache-Control and X-Request-Id; GET is open to CORS.',
    },
    servers: [{ url: '/' }],
    paths,
    components: {
      schemas: {
        Problem: {
          type: 'object',
          required: ['type', 'title', 'status', 'detail', 'code', 'requestId'],
          properties: {
            type: { type: 'string' },
            title: { type: 'string' },
            status: { type: 'integer' },
            detail: { type: 'string' },
            instance: { type: 'string' },
            code: { type: 'string', enum: Object.keys(ERROR_CATALOGUE) },
            requestId: { type: 'string' },
          },
        },
        CodeSummary: {
          type: 'object',
          properties: { id: { type: 'string' }, status: { type: 'string' }, reason: { type: 'string' }, title: { type: 'string' }, class: { type: 'string' }, standing: { type: 'string' }, vendor: { type: ['string', 'null'] }, summary: { type: 'string' } },
        },
        CodeList: { type: 'object', properties: { locale: { type: 'string' }, count: { type: 'integer' }, codes: { type: 'array', items: { $ref: '#/components/schemas/CodeSummary' } } } },
        CodeMeanings: { type: 'object', properties: { status: { type: 'string' }, locale: { type: 'string' }, meanings: { type: 'array', items: { type: 'object', description: 'All facts of one meaning, with text in the requested language.' } } } },
        Comparison: {
          type: 'object',
          properties: { id: { type: 'string' }, curated: { type: 'boolean' }, summary: { type: 'string' }, rows: { type: 'array', items: { type: 'object', properties: { aspect: { type: 'string' }, a: { type: 'string' }, b: { type: 'string' } } } }, keyDifferences: { type: 'array', items: { type: 'string' } }, whenToUse: { type: 'object' }, tellApart: { type: 'array', items: { type: 'string' } } },
        },
        SearchResult: { type: 'object', properties: { query: { type: 'string' }, locale: { type: 'string' }, hits: { type: 'array', items: { $ref: '#/components/schemas/CodeSummary' } } } },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
