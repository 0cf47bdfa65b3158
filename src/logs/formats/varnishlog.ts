/**
 * `varnishlog`'s output (Varnish's shared-memory log as its tool prints it; varnish-cache doc/sphinx/reference/
 * vsl.rst): a transaction per block, `*   << Request  >> 262` then one tag per line (`-   ReqMethod      GET`,
 * `--  RespStatus     503`), deeper groups (`-g request`, `-g session`) with more `*` and `-`, each block closed by
 * `End`. A client request is a Request whose Begin says `rxreq`, or `restart` for the transaction a VCL restart hands
 * the request to (ESI sub-requests say `esi` and are not counted); its backend fetch is the BeReq its `Link bereq
 * <vxid> fetch` names, printed before or after it depending on the grouping.
 * The request is read at the End of whichever of the two comes last: a 5xx whose fetch failed (`FetchError`, Varnish's
 * own "Backend fetch failed") is Varnish's, one the backend sent (`BerespStatus` with no FetchError) the backend's, one
 * with no fetch at all Varnish's own synthetic answer (VCL's `synth`, an unknown host), unless the cache served it
 * (`Hit`: a backend's answer stored earlier).
 */
import type { AccessRecord, Signal } from '../types.ts';
import { causeOfMessage } from './error-causes.ts';
import { BaseParser, KIND, type LineKind } from './line-parser.ts';

const BLOCK = /^[*\d]+\s+<< (\w+)\s*>> (\d+)\s*$/;
const TAG = /^[-\d]+\s+(\w+)(?:\s+(.*?))?\s*$/;

interface Transaction {
  kind: string;
  vxid: string;
  /** Why the transaction began (`Begin req 261 rxreq`): `rxreq`, `restart`, `esi`, `fetch`. */
  reason: string;
  method: string;
  url: string;
  client: string;
  startMs: number;
  status: number;
  respReason: string;
  bereq: string;
  fetchError: string;
  berespStatus: number;
  berespReason: string;
  /** Served from the cache (a `Hit` tag): its status may be a backend's answer stored earlier. */
  hit: boolean;
}

/** What a finished backend fetch says about the client request it served. */
interface Fetch {
  error: string;
  status: number;
  reason: string;
}

/** Varnish keeps fewer than this many requests waiting for their fetch: a log cut short leaves some unmatched. */
const MAX_WAITING = 10_000;

function transaction(kind: string, vxid: string): Transaction {
  return { kind, vxid, reason: '', method: '', url: '', client: '', startMs: Number.NaN, status: 0, respReason: '', bereq: '', fetchError: '', berespStatus: 0, berespReason: '', hit: false };
}

/** Who made a client request's status, from its fetch (or its having none). */
function signalOf(request: Transaction, fetch: Fetch | null): Signal | null {
  if (request.status < 500) return null;
  const detail = fetch === null ? `RespStatus ${request.status} ${request.respReason}, no backend fetch` : `RespStatus ${request.status}; FetchError ${fetch.error || '-'}; BerespStatus ${fetch.status} ${fetch.reason}`;
  const evidence = { kind: 'varnish-fetch' as const, detail: detail.trim() };
  if (fetch === null) return request.hit ? null : { cause: 'proxy-config', confidence: 'medium', decisive: true, evidence };
  if (fetch.error !== '') return { cause: causeOfMessage(fetch.error) ?? 'upstream-failed', confidence: 'high', decisive: true, evidence };
  // The backend answered: its status went to the client (or VCL turned its answer into this one).
  if (fetch.status === request.status) return { cause: request.status === 503 ? 'app-overload' : 'app-error', confidence: 'high', decisive: true, evidence };
  return null;
}

export class VarnishlogParser extends BaseParser {
  readonly format = 'varnishlog' as const;
  private current: Transaction | null = null;
  /** Client requests that ended before their fetch, by the fetch's vxid. */
  private readonly waiting = new Map<string, Transaction>();
  /** Fetches that ended before their client request, by their own vxid. */
  private readonly fetched = new Map<string, Fetch>();

  private emit(request: Transaction, fetch: Fetch | null): LineKind {
    const record: AccessRecord = {
      status: request.status,
      timeMs: request.startMs,
      tzOffsetMin: 0,
      client: request.client,
      method: request.method,
      path: request.url,
      requestId: request.vxid,
      upstream: '',
      connection: '',
      requestTime: Number.NaN,
      signal: signalOf(request, fetch),
      truncatedBy: null,
    };
    return this.accessLine(record, false);
  }

  private end(t: Transaction): LineKind {
    if (t.kind === 'BeReq') {
      const fetch = { error: t.fetchError, status: t.berespStatus, reason: t.berespReason };
      const request = this.waiting.get(t.vxid);
      if (request) {
        this.waiting.delete(t.vxid);
        return this.emit(request, fetch);
      }
      if (this.fetched.size < MAX_WAITING) this.fetched.set(t.vxid, fetch);
      return KIND.other;
    }
    // A restart's new transaction (`Begin req <n> restart`) answers the client in place of the one it restarted, which
    // ends with no status; ESI sub-requests (`esi`) answer into their parent's body.
    if (t.kind !== 'Request' || (t.reason !== 'rxreq' && t.reason !== 'restart') || t.status === 0) return KIND.other;
    if (t.bereq === '') return this.emit(t, null);
    const fetch = this.fetched.get(t.bereq);
    if (fetch) {
      this.fetched.delete(t.bereq);
      return this.emit(t, fetch);
    }
    if (this.waiting.size < MAX_WAITING) this.waiting.set(t.bereq, t);
    return KIND.other;
  }

  parse(buf: Buffer, _text: string, start: number, end: number): LineKind {
    const line = buf.toString('utf8', start, end);
    const block = BLOCK.exec(line);
    if (block) {
      this.current = transaction(block[1] as string, block[2] as string);
      return KIND.other;
    }
    const tag = TAG.exec(line);
    const t = this.current;
    if (!tag || !t) return KIND.none;
    const value = tag[2] ?? '';
    switch (tag[1]) {
      case 'Begin':
        t.reason = value.split(/\s+/)[2] ?? '';
        break;
      case 'Timestamp':
        if (value.startsWith('Start: ')) t.startMs = Number(value.slice(7).split(' ')[0]) * 1000;
        break;
      case 'ReqStart':
        t.client = value.split(' ')[0] ?? '';
        break;
      case 'ReqMethod':
        t.method ||= value;
        break;
      case 'ReqURL':
        t.url ||= value;
        break;
      case 'RespStatus':
        t.status = Number(value) || 0;
        break;
      case 'RespReason':
        t.respReason = value;
        break;
      case 'Hit':
        t.hit = true;
        break;
      case 'Link':
        if (value.startsWith('bereq ')) t.bereq = value.split(' ')[1] ?? '';
        break;
      case 'FetchError':
        t.fetchError = value;
        break;
      case 'BerespStatus':
        t.berespStatus = Number(value) || 0;
        break;
      case 'BerespReason':
        t.berespReason = value;
        break;
      case 'End':
        this.current = null;
        return this.end(t);
    }
    return KIND.other;
  }
}
