/**
 * Proxy error-log events indexed by second, so access entries can find theirs while streaming. The error
 * log has no request id: an event matches an entry logged 0-2 s later with the same connection, client and
 * request line (whichever both sides have). nginx and Apache error logs use the wall clock, compared with
 * the access entry's logged local time; Caddy uses epoch time on both sides. A Caddy error line stands for the
 * response when no access line claims it (`unclaimedResponses`).
 */
import { requestKey } from '../formats/index.ts';
import type { AccessRecord, Cause, LineRef, ProxyErrorEvent } from '../types.ts';

export interface IndexedEvent {
  event: ProxyErrorEvent;
  ref: LineRef;
  linked: boolean;
}

const MAX_EVENTS = 200_000;
/** Seconds of the event relative to the access entry, nearest first. */
const OFFSETS = [0, -1, 1, -2];

class BySecond {
  readonly local = new Map<number, IndexedEvent[]>();
  readonly epoch = new Map<number, IndexedEvent[]>();

  add(stored: IndexedEvent): void {
    const map = stored.event.time.local ? this.local : this.epoch;
    const second = Math.floor(stored.event.time.ms / 1000);
    const list = map.get(second);
    if (list) list.push(stored);
    else map.set(second, [stored]);
  }

  /**
   * Events of the seconds `offsets` relative to an entry at `timeMs` (epoch) logged with offset `tzOffsetMin`, in that
   * order: each second on both clocks, the epoch's and the entry's wall clock.
   */
  *at(timeMs: number, tzOffsetMin: number, offsets: Iterable<number>): Generator<IndexedEvent> {
    const epochSecond = Math.floor(timeMs / 1000);
    const localSecond = Math.floor((timeMs + tzOffsetMin * 60_000) / 1000);
    for (const d of offsets) {
      yield* this.epoch.get(epochSecond + d) ?? [];
      yield* this.local.get(localSecond + d) ?? [];
    }
  }

  /** Events within the window of an entry. */
  near(timeMs: number, tzOffsetMin: number): Generator<IndexedEvent> {
    return this.at(timeMs, tzOffsetMin, OFFSETS);
  }

  has(timeMs: number, tzOffsetMin: number): boolean {
    return !this.near(timeMs, tzOffsetMin).next().done;
  }
}

/** Seconds back, nearest first, in which an earlier event about the same request still breaks the error log's silence. */
const SILENCE_LOOKBACK = Array.from({ length: 121 }, (_, d) => -d);
/**
 * Seconds after an Apache access line's time (the request's start) in which a line Apache logged while the request ran
 * still belongs to it, when it names the same client (a PHP fatal error seconds into a slow script); the nearer ones
 * are OFFSETS'.
 */
const DURING_REQUEST = [2, 3, 4, 5];

/** A second within a span of seconds, two either side (the events' window, OFFSETS). */
const inside = (span: readonly number[], second: number) => second >= (span[0] as number) - 2 && second <= (span[1] as number) + 2;

/** 2: same connection or client, 1: the event names no client (Apache's AH00940), 0: not this entry. */
function matchQuality(event: ProxyErrorEvent, record: AccessRecord): number {
  if (event.connection !== '' && record.connection !== '') return event.connection === record.connection ? 2 : 0;
  if (event.request !== '' && event.request !== requestKey(record.method, record.path)) return 0;
  if (event.client === '' || record.client === '') return 1;
  return event.client === record.client ? 2 : 0;
}

export class ErrorIndex {
  private readonly header = new BySecond();
  private readonly body = new BySecond();
  private readonly all: IndexedEvent[] = [];
  /** Events that stand for their response (`status` set), oldest first, until settled. */
  private responses: IndexedEvent[] = [];
  /**
   * Per error-log file, the first and last second of its header-phase events, per clock (wall clock and epoch): what
   * the log covers.
   */
  private readonly spans = new Map<string, { local: number[]; epoch: number[] }>();
  /** Events not kept because the index was full. */
  dropped = 0;
  bodyEvents = 0;
  linked = 0;

  get size(): number {
    return this.all.length;
  }

  add(event: ProxyErrorEvent, ref: LineRef): void {
    if (this.all.length >= MAX_EVENTS) {
      this.dropped++;
      return;
    }
    const stored = { event, ref, linked: false };
    this.all.push(stored);
    if (event.status !== undefined) this.responses.push(stored);
    if (event.phase === 'body') {
      this.bodyEvents++;
      this.body.add(stored);
    } else {
      this.header.add(stored);
      let spans = this.spans.get(ref.file);
      if (!spans) this.spans.set(ref.file, (spans = { local: [Infinity, -Infinity], epoch: [Infinity, -Infinity] }));
      const span = event.time.local ? spans.local : spans.epoch;
      const second = Math.floor(event.time.ms / 1000);
      if (second < (span[0] as number)) span[0] = second;
      if (second > (span[1] as number)) span[1] = second;
    }
  }

  /**
   * Whether an error log of its own file was being written when this entry was logged: its time falls between the
   * first and the last failure that log recorded (a few seconds either side). Outside that span a missing event proves
   * nothing, nor do error lines in the access line's own stream (a compose log mixes other servers' lines).
   */
  covers(record: AccessRecord, accessFile: string): boolean {
    if (Number.isNaN(record.timeMs)) return false;
    const epoch = Math.floor(record.timeMs / 1000);
    const local = Math.floor((record.timeMs + record.tzOffsetMin * 60_000) / 1000);
    let covered = false;
    for (const [file, spans] of this.spans) if (file !== accessFile && (inside(spans.epoch, epoch) || inside(spans.local, local))) covered = true;
    if (!covered) return false;
    // An event no entry claimed that names this client and request a little earlier (a slow request logged at its
    // end, out of the link's window) is no silence.
    for (const stored of this.header.at(record.timeMs, record.tzOffsetMin, SILENCE_LOOKBACK)) if (!stored.linked && matchQuality(stored.event, record) === 2) return false;
    return true;
  }

  /** Cheap pre-check for 2xx/3xx lines: is there any body-phase event near this time? */
  hasBodyEventNear(timeMs: number, tzOffsetMin: number): boolean {
    return this.bodyEvents > 0 && this.body.has(timeMs, tzOffsetMin);
  }

  /**
   * Links the best unlinked matching event (body-phase ones for `body`): one naming this entry's connection
   * or client before one that names none, nearest in time first.
   */
  link(record: AccessRecord, body: boolean): IndexedEvent | null {
    if (this.all.length === 0 || Number.isNaN(record.timeMs)) return null;
    let best: IndexedEvent | null = null;
    for (const stored of (body ? this.body : this.header).near(record.timeMs, record.tzOffsetMin)) {
      if (stored.linked) continue;
      const quality = matchQuality(stored.event, record);
      if (quality === 2) {
        best = stored;
        break;
      }
      if (quality === 1) best ??= stored;
    }
    if (!best && record.client !== '') {
      for (const stored of (body ? this.body : this.header).at(record.timeMs, record.tzOffsetMin, DURING_REQUEST)) {
        if (stored.linked || stored.event.duringRequest !== true || matchQuality(stored.event, record) !== 2) continue;
        best = stored;
        break;
      }
    }
    if (best) {
      best.linked = true;
      this.linked++;
    }
    return best;
  }

  /**
   * The events standing for their response that were logged before `beforeMs` and that no access entry claimed: they
   * are the only record of that response. Each is handed out once; one logged without a time (no access entry can
   * claim it) at once.
   */
  unclaimedResponses(beforeMs: number): IndexedEvent[] {
    const settled = this.responses.filter((s) => !(s.event.time.ms >= beforeMs));
    if (settled.length === 0) return settled;
    this.responses = this.responses.filter((s) => s.event.time.ms >= beforeMs);
    // An event whose status its parser withdrew (an attempt the proxy retried) stands for no response.
    return settled.filter((s) => !s.linked && s.event.status !== undefined);
  }

  /** Events no access entry claimed: count and the first few per cause. */
  unlinked(examples: number): Array<{ cause: Cause; count: number; examples: IndexedEvent[] }> {
    const byCause = new Map<Cause, { cause: Cause; count: number; examples: IndexedEvent[] }>();
    for (const stored of this.all) {
      if (stored.linked) continue;
      const cause = stored.event.cause;
      const group = byCause.get(cause) ?? { cause, count: 0, examples: [] };
      byCause.set(cause, group);
      group.count++;
      if (group.examples.length < examples) group.examples.push(stored);
    }
    return [...byCause.values()].toSorted((a, b) => b.count - a.count);
  }
}
