/**
 * The playground's endpoints and the bounds of every parameter: one table that the routes check against and
 * the index page documents, so the limits a reader sees are the limits the server applies.
 */

export interface NumberParam {
  kind: 'number';
  min: number;
  max: number;
  default: number;
  unit: 'ms' | 'bytes' | 'lines' | 'status';
}

export interface ChoiceParam {
  kind: 'choice';
  choices: readonly string[];
  default: string;
}

export interface ListParam {
  kind: 'list';
  /** Most entries in the list. */
  max: number;
  /** Largest weight of one entry. */
  maxWeight: number;
}

export const PARAMS = {
  sleep: { kind: 'number', min: 0, max: 10_000, default: 0, unit: 'ms' },
  body: { kind: 'choice', choices: ['json', 'html', 'text'], default: 'json' },
  codes: { kind: 'list', max: 20, maxWeight: 1_000 },
  bytes: { kind: 'number', min: 0, max: 1_048_576, default: 10, unit: 'bytes' },
  duration: { kind: 'number', min: 0, max: 10_000, default: 2_000, unit: 'ms' },
  delay: { kind: 'number', min: 0, max: 10_000, default: 0, unit: 'ms' },
  code: { kind: 'number', min: 200, max: 599, default: 200, unit: 'status' },
  lines: { kind: 'number', min: 1, max: 100, default: 10, unit: 'lines' },
  interval: { kind: 'number', min: 0, max: 1_000, default: 200, unit: 'ms' },
} as const satisfies Record<string, NumberParam | ChoiceParam | ListParam>;

export type ParamName = keyof typeof PARAMS;

/** /lab/stream keeps lines × interval within this, so no stream outlives a sleep. */
export const STREAM_MAX_TOTAL_MS = 10_000;

export type EndpointKey = 'status' | 'random' | 'drip' | 'stream';

export interface LabEndpoint {
  key: EndpointKey;
  /** Path as documented, without the locale prefix. */
  path: string;
  params: readonly ParamName[];
  /** curl flags that show what the endpoint is about (-N: print bytes as they arrive). */
  curl: string;
  /** Working examples, without the locale prefix. */
  examples: readonly string[];
}

export const LAB_ENDPOINTS: readonly LabEndpoint[] = [
  {
    key: 'status',
    path: '/lab/status/{code}',
    params: ['sleep', 'body'],
    curl: '-i',
    examples: [
      '/lab/status/418',
      '/lab/status/503',
      '/lab/status/301',
      '/lab/status/401?body=html',
      '/lab/status/103',
      '/lab/status/204',
      '/lab/status/504?sleep=3000',
      '/lab/status/520-cloudflare?body=text',
    ],
  },
  {
    key: 'random',
    path: '/lab/status/random?codes={code[:weight],…}',
    params: ['codes', 'sleep', 'body'],
    curl: '-i',
    examples: ['/lab/status/random?codes=500,502:3', '/lab/status/random?codes=200:8,429,503'],
  },
  {
    key: 'drip',
    path: '/lab/drip',
    params: ['bytes', 'duration', 'delay', 'code'],
    curl: '-iN',
    examples: ['/lab/drip?bytes=20&duration=5000', '/lab/drip?bytes=1000&duration=3000&delay=1000&code=503'],
  },
  {
    key: 'stream',
    path: '/lab/stream',
    params: ['lines', 'interval'],
    curl: '-iN',
    examples: ['/lab/stream?lines=5&interval=500'],
  },
];
