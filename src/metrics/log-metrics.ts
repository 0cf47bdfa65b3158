/**
 * The metrics of one follow-mode session, built with prom-client from the families table. Verdicts are counted as
 * they come (`record`, called by the analysis for each 5xx, 499 and 009); requests per status and lines per file are
 * read from the session at scrape time (`collect`), so nothing is added to the per-line path. Two registries hold
 * the same metrics, one per exposition format (prom-client renames a counter in place when it writes OpenMetrics,
 * so a metric cannot serve both); every label value is bounded (label-slots.ts), so the series stay fixed in number.
 */
import { Counter, Gauge, Histogram, Registry, type OpenMetricsContentType, type PrometheusContentType } from 'prom-client';
import { SKIP_REASONS, type IssuerClass, type LiveCounts, type VerdictEvent } from '../logs/index.ts';
import { FAMILIES, LABEL_SLOTS, NO_UPSTREAM } from './families.ts';
import { LabelSlots } from './label-slots.ts';

/** Where requests and lines are read from at scrape time: a `LogSession`. */
export interface CountsSource {
  counts(): LiveCounts;
}

/** An exposition: the text and its content type. */
export interface Exposition {
  contentType: string;
  body: string;
}

const ISSUERS: readonly IssuerClass[] = ['app', 'proxy', 'unknown'];

const codeOf = (status: number): string => String(status).padStart(3, '0');

function openMetricsRegistry(): Registry<OpenMetricsContentType> {
  const registry = new Registry<OpenMetricsContentType>();
  registry.setContentType(Registry.OPENMETRICS_CONTENT_TYPE);
  return registry;
}

/** The prom-client metrics of one registry. */
class MetricSet {
  readonly registry: Registry<PrometheusContentType> | Registry<OpenMetricsContentType>;
  readonly failures: Counter;
  readonly byRoute: Counter;
  readonly byUpstream: Counter;
  readonly duration: Histogram;

  constructor(openMetrics: boolean, source: CountsSource, maintenance: () => boolean) {
    const registry = openMetrics ? openMetricsRegistry() : new Registry<PrometheusContentType>();
    this.registry = registry;
    const registers = [registry];
    const { requests, failures, failuresByRoute, failuresByUpstream, failureDuration, linesRead, linesSkipped, fileReadable } = FAMILIES;
    const counter = (f: { name: string; help: string; labels: readonly string[] }) => new Counter({ name: f.name, help: f.help, labelNames: f.labels, registers });
    this.failures = counter(failures);
    this.byRoute = counter(failuresByRoute);
    this.byUpstream = counter(failuresByUpstream);
    this.duration = new Histogram({ name: failureDuration.name, help: failureDuration.help, labelNames: failureDuration.labels, buckets: [...failureDuration.buckets], registers });
    // Read at scrape time from the session's own counts: a reset and a fresh total, never an increment per line.
    // prom-client collects the metrics in the order they were registered: `requests` takes the counts, `lines` reuses
    // them and fills the skipped lines and readable files too.
    let counts: LiveCounts | null = null;
    const requestsTotal: Counter = new Counter({
      name: requests.name,
      help: requests.help,
      labelNames: requests.labels,
      registers,
      collect: () => {
        counts = source.counts();
        requestsTotal.reset();
        for (let status = 0; status < counts.byStatus.length; status++) {
          const n = counts.byStatus[status] as number;
          if (n > 0) requestsTotal.inc({ code: codeOf(status) }, n);
        }
      },
    });
    const lines: Counter = new Counter({
      name: linesRead.name,
      help: linesRead.help,
      labelNames: linesRead.labels,
      registers,
      collect: () => {
        for (const m of [lines, skipped, readable]) m.reset();
        for (const input of (counts ?? source.counts()).inputs) {
          lines.inc({ file: input.name }, input.lines);
          for (const reason of SKIP_REASONS) {
            const n = input.skippedBy[reason];
            if (n !== undefined) skipped.inc({ file: input.name, reason }, n);
          }
          readable.set({ file: input.name }, input.readable ? 1 : 0);
        }
        counts = null;
      },
    });
    // Registered after `lines`, whose collect fills them.
    const skipped = counter(linesSkipped);
    const readable = new Gauge({ name: fileReadable.name, help: fileReadable.help, labelNames: fileReadable.labels, registers });
    const inMaintenance: Gauge = new Gauge({
      name: FAMILIES.maintenance.name,
      help: FAMILIES.maintenance.help,
      registers,
      collect: () => inMaintenance.set(maintenance() ? 1 : 0),
    });
  }
}

export interface LogMetricsOptions {
  /** True while maintenance is declared; read at each scrape. */
  maintenance?: () => boolean;
}

export class LogMetrics {
  private readonly sets: readonly [text: MetricSet, openMetrics: MetricSet];
  private readonly routes: LabelSlots;
  private readonly upstreams: LabelSlots;

  constructor(source: CountsSource, options: LogMetricsOptions = {}) {
    const maintenance = options.maintenance ?? (() => false);
    this.sets = [new MetricSet(false, source, maintenance), new MetricSet(true, source, maintenance)];
    this.routes = new LabelSlots(LABEL_SLOTS);
    this.upstreams = new LabelSlots(LABEL_SLOTS);
  }

  /** Counts one verdict: the analysis calls this for every 5xx, 499 and 009 it classifies. */
  record(v: VerdictEvent): void {
    const code = codeOf(v.status);
    const route = this.routes.labelOf(v.route);
    const upstream = this.upstreams.labelOf(v.upstream === '' ? NO_UPSTREAM : v.upstream);
    for (const set of this.sets) {
      set.failures.inc({ issuer: v.issuer, cause: v.cause, code });
      set.byRoute.inc({ issuer: v.issuer, route });
      set.byUpstream.inc({ issuer: v.issuer, upstream });
      if (v.requestTime >= 0) set.duration.observe({ issuer: v.issuer, cause: v.cause }, v.requestTime);
    }
  }

  /** The exposition as of now: OpenMetrics when the scraper accepts it, else Prometheus text (0.0.4). */
  async exposition(openMetrics = false): Promise<Exposition> {
    this.rebalance();
    const { registry } = this.sets[openMetrics ? 1 : 0];
    return { contentType: registry.contentType, body: await registry.metrics() };
  }

  /** Moves route and upstream slots to the most frequent keys; the series of a key that lost its slot go. */
  private rebalance(): void {
    const lostRoutes = this.routes.rebalance();
    const lostUpstreams = this.upstreams.rebalance();
    for (const set of this.sets) {
      for (const issuer of ISSUERS) {
        for (const route of lostRoutes) set.byRoute.remove({ issuer, route });
        for (const upstream of lostUpstreams) set.byUpstream.remove({ issuer, upstream });
      }
    }
  }
}
