/** Enumerations of the knowledge base, kept free of zod so the CLI can start without loading it. */


export const STANDINGS = ['iana', 'temporary', 'vendor', 'unofficial', 'historic', 'joke'] as const;
export type Standing = (typeof STANDINGS)[number];

/** Which kind of component puts this status on the wire (or in the log). */
export const ISSUERS = [
  'origin-app',
  'reverse-proxy',
  'forward-proxy',
  'load-balancer',
  'cdn',
  'api-gateway',
  'serverless-platform',
  'web-server',
  'client-tooling',
] as const;
export type Issuer = (typeof ISSUERS)[number];

export const VENDORS = [
  'nginx',
  'cloudflare',
  'aws-elb',
  'iis',
  'laravel',
  'twitter',
  'spring',
  'arcgis',
  'pantheon',
  'apache',
  'shopify',
  'qualys',
  'unofficial',
] as const;
export type Vendor = (typeof VENDORS)[number];
