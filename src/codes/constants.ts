/** Enumerations of the knowledge base, kept free of zod so the CLI can start without loading it. */


export const STANDINGS = ['iana', 'temporary', 'vendor', 'unofficial', 'historic', 'joke'] as const;
/** Where a code comes from: one of {@link STANDINGS}. */
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
/** The kind of component that puts a status on the wire (or in its log): one of {@link ISSUERS}. */
export type Issuer = (typeof ISSUERS)[number];

/** The vendors whose own status codes the knowledge base holds. */
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
  'zoraxy',
  'unofficial',
] as const;
/** The vendor of a vendor-specific code: one of {@link VENDORS}. */
export type Vendor = (typeof VENDORS)[number];
