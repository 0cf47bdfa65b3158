/** The failure modes the lab and the real-proxy suite reproduce, each with the upstream that causes it. */
import * as acceptAndHang from './accept-and-hang.ts';
import * as appException from './app-exception.ts';
import * as appUnavailable from './app-unavailable.ts';
import * as closeWithoutReply from './close-without-reply.ts';
import * as connectionRefused from './connection-refused.ts';
import * as invalidStatusLine from './invalid-status-line.ts';
import * as nonHttpReply from './non-http-reply.ts';
import * as oversizedHeaders from './oversized-headers.ts';
import * as resetBeforeHeaders from './reset-before-headers.ts';
import * as slowHeaders from './slow-headers.ts';
import * as truncatedBody from './truncated-body.ts';
import type { FaultyUpstream, StartOptions } from './types.ts';

export const FAULT_MODES = [
  'connection-refused',
  'reset-before-headers',
  'close-without-reply',
  'non-http-reply',
  'invalid-status-line',
  'oversized-headers',
  'slow-headers',
  'accept-and-hang',
  'truncated-body',
  'app-exception',
  'app-unavailable',
] as const;

export type FaultMode = (typeof FAULT_MODES)[number];

export const faultyUpstreams: Record<FaultMode, (options: StartOptions) => Promise<FaultyUpstream>> = {
  'connection-refused': connectionRefused.start,
  'reset-before-headers': resetBeforeHeaders.start,
  'close-without-reply': closeWithoutReply.start,
  'non-http-reply': nonHttpReply.start,
  'invalid-status-line': invalidStatusLine.start,
  'oversized-headers': oversizedHeaders.start,
  'slow-headers': slowHeaders.start,
  'accept-and-hang': acceptAndHang.start,
  'truncated-body': truncatedBody.start,
  'app-exception': appException.start,
  'app-unavailable': appUnavailable.start,
};
