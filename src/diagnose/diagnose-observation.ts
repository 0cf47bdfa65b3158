/**
 * Turns one observation into a diagnosis: runs every fingerprint, ranks the issuer candidates,
 * lays out the path, and assembles the text in the requested language. A response without its body whose
 * Content-Length is the size of a component's own page is matched against that page, rebuilt (rebuild-page.ts),
 * one confidence step lower; an HTML body whose markup the paste changed is matched on its visible text, at low
 * confidence. When no issuer fingerprint matches, elimination may name the application (eliminate.ts); otherwise the
 * verdict is `unknown` and the diagnosis shows what was seen, never a guess.
 */
import type { Vendor } from '../codes/index.ts';
import { buildChain, toChainLink, type Link, type MatchedFingerprint } from './chain.ts';
import type { DefaultPageTemplate } from './default-page-schema.ts';
import { APPLICATION, eliminationParts, type EliminationParts } from './diagnosis-by-elimination.ts';
import { eliminate } from './eliminate.ts';
import { loggedCause, writerAnswered } from './log-line-text.ts';
import type { EliminationData } from './elimination-schema.ts';
import { confidenceOn, matchFingerprint, shorten, type CompiledFingerprint } from './match-fingerprint.ts';
import { messages } from '../i18n/index.ts';
import { proxyAnswersFor } from './proxy-answers.ts';
import { MAX_PAGE_READ } from './parse-page.ts';
import { statusInPage } from './status-in-page.ts';
import { rebuildPage, type RebuiltPage } from './rebuild-page.ts';
import type { ServiceHostsData } from './service-host-schema.ts';
import { serviceByHost } from './service-by-host.ts';
import { statusEntries, toMeaning } from './status-meanings.ts';
import type { Alternative, Confidence, Diagnosis, ResponseEvidence, NetworkFailureReport, Observation, Seen, Verdict } from './types.ts';
import type { Locale } from '../i18n/index.ts';
import { looksLikeHtml, visibleLines } from './visible-text.ts';

const CONFIDENCE_WEIGHT: Record<Confidence, number> = { high: 300, medium: 200, low: 100 };
const LOWER: Record<Confidence, Confidence> = { high: 'medium', medium: 'low', low: 'low' };
const lowered = (confidence: Confidence, steps: number): Confidence => (steps <= 0 ? confidence : lowered(LOWER[confidence], steps - 1));
/** The lesser of a confidence and a cap (a pasted log line's own verdict is as sure as the log analyzer was). */
const capped = (confidence: Confidence, cap: Confidence | undefined): Confidence => (cap !== undefined && CONFIDENCE_WEIGHT[cap] < CONFIDENCE_WEIGHT[confidence] ? cap : confidence);
const MAX_HEADERS_SHOWN = 40;
const MAX_BODY_SHOWN = 500;
const MAX_ALTERNATIVES = 3;

/** Confidence first, then how much of the response the fingerprint pins down. */
function matchAll(obs: Observation, fingerprints: readonly CompiledFingerprint[]): MatchedFingerprint[] {
  return fingerprints.flatMap((compiled, order) => {
    const evidence = matchFingerprint(compiled, obs);
    const score = CONFIDENCE_WEIGHT[confidenceOn(compiled.fingerprint, obs)] + compiled.specificity;
    return evidence ? [{ fingerprint: compiled.fingerprint, evidence, score, order }] : [];
  });
}

/** The components `component` is a more precise name for (ASP.NET Core Module → IIS; Nginx Proxy Manager → OpenResty → nginx). */
function broaderNames(component: string, fingerprints: readonly CompiledFingerprint[]): string[] {
  const refined = fingerprints.find((c) => c.fingerprint.component === component && c.fingerprint.refines !== undefined)?.fingerprint.refines;
  return refined === undefined ? [] : [refined, ...broaderNames(refined, fingerprints)];
}

/**
 * The best match, unless a component that refines it matched as surely: the words are the refiner's, the page its
 * base's (Jenkins' "No valid crumb" inside Jetty's error page), so the more precise name answers.
 */
function refinerFirst(ranked: MatchedFingerprint[], fingerprints: readonly CompiledFingerprint[], obs: Observation): MatchedFingerprint[] {
  const [best] = ranked;
  if (!best) return ranked;
  const sureness = (m: MatchedFingerprint) => CONFIDENCE_WEIGHT[confidenceOn(m.fingerprint, obs)];
  const refiner = ranked.find((m) => m !== best && sureness(m) >= sureness(best) && broaderNames(m.fingerprint.component, fingerprints).includes(best.fingerprint.component));
  return refiner ? [refiner, ...ranked.filter((m) => m !== refiner)] : ranked;
}

/** The best match of each other component, best first; the same box named less precisely is no other component. */
function rivalsOf(ranked: readonly MatchedFingerprint[], fingerprints: readonly CompiledFingerprint[]): MatchedFingerprint[] {
  const [best, ...rest] = ranked;
  const seen = new Set(best ? [best.fingerprint.component, ...broaderNames(best.fingerprint.component, fingerprints)] : []);
  return rest.filter((m) => !seen.has(m.fingerprint.component) && seen.add(m.fingerprint.component));
}

/** The best issuer match's evidence, then the in-path evidence of each link, outermost first; no repeats. */
function evidenceOf(matched: readonly MatchedFingerprint[], best: MatchedFingerprint | undefined, chain: readonly Link[]): ResponseEvidence[] {
  const rank = new Map<string, number>();
  chain.forEach((link, i) => {
    for (const member of link.members) rank.set(member, link.role === 'issuer' ? -1 : i);
  });
  const keys = new Set<string>();
  return matched
    .filter((m) => m === best || (m.fingerprint.role === 'in-path' && rank.has(m.fingerprint.component)))
    .toSorted((a, b) => (rank.get(a.fingerprint.component) ?? 0) - (rank.get(b.fingerprint.component) ?? 0) || b.score - a.score)
    .flatMap((m) => m.evidence)
    .filter((e) => {
      const key = `${e.kind}\u0000${e.name ?? ''}\u0000${e.value}`;
      return !keys.has(key) && Boolean(keys.add(key));
    });
}

function seenOf(obs: Observation): Seen {
  const r = obs.response;
  const f = obs.failure;
  return {
    statusLine: r && r.status !== null ? [r.httpVersion === null ? '' : `HTTP/${r.httpVersion}`, String(r.status), r.reason].filter(Boolean).join(' ') : null,
    headers: r ? r.headers.slice(0, MAX_HEADERS_SHOWN) : [],
    bodyExcerpt: r?.body == null ? null : shorten(r.body, MAX_BODY_SHOWN),
    clientError: f ? (f.tool === 'curl' ? `curl: (${f.exitCode}) ${f.message}` : f.message) : null,
    logLine: obs.logged?.text ?? null,
  };
}

/** What the engine reads besides the input: the compiled fingerprints and the data files beside them. */
export interface EngineData {
  fingerprints: readonly CompiledFingerprint[];
  elimination: EliminationData;
  defaultPages: readonly DefaultPageTemplate[];
  serviceHosts: ServiceHostsData | null;
}

/**
 * How the fingerprints were matched when the response as given matched no issuer: on the page its size names (a body
 * not captured), or on the visible text of its HTML (markup changed on the way into the paste: re-indented, quote
 * marks stripped, tags eaten), with less confidence (VIA_STEPS_DOWN).
 */
type MatchedVia = 'response' | 'rebuilt' | 'visible-text';
/**
 * Confidence steps a fallback costs. A rebuilt page is the component's byte for byte; visible words may also be a
 * component's page quoted inside another page (an application's debug page showing an upstream's error), so they
 * never count for more than low.
 */
const VIA_STEPS_DOWN: Record<MatchedVia, number> = { response: 0, rebuilt: 1, 'visible-text': 2 };

const hasIssuer = (matched: readonly MatchedFingerprint[]) => matched.some((m) => m.fingerprint.role === 'issuer');

/**
 * The response's HTML body as the words a browser shows, read as copied page text; null when there is no HTML body,
 * or when the words name another status than the response's (a page quoted inside another one).
 */
function visibleTextObservation(obs: Observation): Observation | null {
  const response = obs.response;
  if (!response?.body || response.form === 'page-text' || response.form === 'body' || !looksLikeHtml(response.body)) return null;
  const lines = visibleLines(response.body.slice(0, MAX_PAGE_READ));
  const named = statusInPage(lines)?.status;
  if (lines.length === 0 || (named !== undefined && response.status !== null && named !== response.status)) return null;
  return { ...obs, response: { ...response, body: lines.join('\n'), form: 'page-text' } };
}

/** The fingerprints that match, and how; a body not captured or an altered page is read again only if no issuer matched. */
function matchWithFallbacks(obs: Observation, data: EngineData): { matched: MatchedFingerprint[]; rebuilt: RebuiltPage | null; via: MatchedVia } {
  const matched = matchAll(obs, data.fingerprints);
  if (hasIssuer(matched) || !obs.response) return { matched, rebuilt: null, via: 'response' };
  const rebuilt = rebuildPage(obs.response, data.defaultPages);
  if (rebuilt) {
    const fromPage = matchAll({ ...obs, response: { ...obs.response, body: rebuilt.page } }, data.fingerprints);
    if (hasIssuer(fromPage)) return { matched: fromPage, rebuilt, via: 'rebuilt' };
  }
  const asText = visibleTextObservation(obs);
  const fromText = asText ? matchAll(asText, data.fingerprints).filter((m) => m.fingerprint.role === 'issuer') : [];
  return fromText.length > 0 ? { matched: [...matched, ...fromText], rebuilt: null, via: 'visible-text' } : { matched, rebuilt: null, via: 'response' };
}

export function diagnoseObservation(obs: Observation, data: EngineData, locale: Locale): Diagnosis {
  const msg = messages(locale).diagnose;
  const { matched, rebuilt, via } = matchWithFallbacks(obs, data);
  const shown = obs.response?.status ?? null;
  // A page pasted without its status line is there because it is an error page, whatever status it names; a 2xx is
  // one only when its body is a page its component sends with a success status (sentAsSuccess).
  const failed = obs.failure !== null || (shown !== null && shown >= 400) || (shown === null && obs.response !== null);
  const asSuccess = !failed && shown !== null && shown >= 200 && shown < 300;
  const issuers = matched.filter((m) => m.fingerprint.role === 'issuer' && (failed || (asSuccess && m.fingerprint.sentAsSuccess === true)));
  const isError = failed || issuers.length > 0;
  const ranked = refinerFirst(issuers.toSorted((a, b) => b.score - a.score || a.order - b.order), data.fingerprints, obs);
  const best = ranked[0];
  const status = shown ?? (best?.fingerprint.match.status?.length === 1 ? (best.fingerprint.match.status[0] ?? null) : null);
  const rivals = rivalsOf(ranked, data.fingerprints);
  const tied = best !== undefined && rivals[0]?.score === best.score;
  const chain = buildChain(matched, best?.fingerprint);
  const issuerLink = chain.find((link) => link.role === 'issuer');
  const verdict: Verdict = !isError ? 'no-error' : best ? 'identified' : 'unknown';

  const vendors = new Set<Vendor>();
  for (const m of matched) if (m.fingerprint.kbVendor && chain.some((l) => l.members.has(m.fingerprint.component))) vendors.add(m.fingerprint.kbVendor);
  // A success status sent with a block page: its meaning ("the request succeeded") explains nothing here.
  const entries = status === null || !failed ? [] : statusEntries(status, vendors);
  const general = entries[0]?.text[locale];

  const notes: string[] = [];
  if (obs.response && obs.response.form !== 'message') notes.push(msg.note.partOnly[obs.response.form]);
  if (obs.response?.bodyNote) notes.push(msg.note[obs.response.bodyNote]);
  if (obs.failure?.tool === 'client' && best) notes.push(msg.note.clientWords);
  if (obs.logged?.statusImplied) notes.push(msg.note.impliedStatus(obs.logged.status));
  if (obs.response?.truncated) notes.push(msg.note.truncated);
  if (!failed && best && shown !== null) notes.push(msg.note.sentAsSuccess(shown));
  if (isError && obs.response && obs.response.body === null && !obs.logged) notes.push(msg.note.bodyAbsent);
  if (rebuilt && best) notes.push(msg.note.rebuilt(rebuilt.length));
  if (via === 'visible-text' && best) notes.push(msg.note.visibleText);
  if (tied && rivals[0]) notes.push(msg.note.ambiguous(rivals[0].fingerprint.component));
  if (verdict === 'unknown' && general && status !== null) notes.push(msg.note.kbGeneral(status));

  const fp = best?.fingerprint;
  const text = fp?.text[locale];
  const inPath = chain.map((l) => l.component).join(' → ');
  const unknownSummary =
    obs.logged && status !== null
      ? writerAnswered(obs.logged)
        ? msg.loggedProxySummary(status, obs.logged.format)
        : msg.loggedUnknownSummary(status, inPath)
      : msg.unknownSummary(status, obs.response !== null) + (chain.length > 0 ? msg.inPathHint(inPath) : '');
  const summary = text?.summary ?? (verdict === 'no-error' ? msg.noErrorSummary(status ?? 0) : unknownSummary);
  const issuerText = text && 'causes' in text ? text : undefined;
  const unknown = verdict === 'unknown';
  const networkFailure: NetworkFailureReport | null =
    fp?.role === 'issuer' && fp.networkFailure
      ? { kind: fp.networkFailure, proxyAnswers: proxyAnswersFor(fp.networkFailure, null, fp.networkFailureDetail ?? null) }
      : null;
  const alternatives: Alternative[] = rivals.slice(0, MAX_ALTERNATIVES).map((m) => ({
    component: m.fingerprint.component,
    layer: m.fingerprint.layer,
    fingerprint: m.fingerprint.id,
    confidence: m.fingerprint.confidence,
    summary: m.fingerprint.text[locale].summary,
  }));

  // A status the input never showed was only guessed from the fingerprint's statuses: one step less sure, two when
  // the fingerprint allows several (the page's words then matched whatever the status was).
  const statusGuessed = obs.logged?.statusImplied && fp ? 1 : shown !== null || !fp ? 0 : (fp.match.status?.length ?? 0) > 1 ? 2 : 1;
  const confidence = fp ? capped(lowered(confidenceOn(fp, obs), Number(tied) + VIA_STEPS_DOWN[via] + statusGuessed), obs.logged?.confidence) : null;
  const contentLength = obs.response?.headers.find((h) => h.name.toLowerCase() === 'content-length');
  const sizeEvidence: ResponseEvidence[] =
    rebuilt && fp && confidence && contentLength
      ? [{ kind: 'header', name: contentLength.name, value: contentLength.value, fingerprint: rebuilt.template.id, component: fp.component, confidence, source: rebuilt.template.source }]
      : [];
  const eliminated = unknown && obs.response ? eliminate(obs, matched, data.elimination) : null;
  const links = chain.map(toChainLink);
  const eliminatedParts: Partial<EliminationParts> = eliminated && obs.response ? eliminationParts(eliminated, obs.response, status, links, locale) : {};
  // The service the request went to names the issuer more precisely than "the application", and decides where
  // elimination could not.
  const byHost = unknown && (eliminatedParts.issuer == null || eliminatedParts.issuer.component === APPLICATION) ? serviceByHost(obs, status, links, data.serviceHosts, locale) : null;
  const byElimination: Partial<EliminationParts> = byHost ?? eliminatedParts;
  const eliminatedConfidence = byElimination.confidence && capped(byElimination.confidence, obs.logged?.confidence);
  // What the log line's own fields said comes first: the cause they name and the step that follows from it.
  // A line that says its writer answered keeps its cause even when no fingerprint names the writer.
  const logged = obs.logged && (fp || byElimination.issuer || writerAnswered(obs.logged)) ? loggedCause(obs.logged, locale) : null;
  const causes = byHost?.causes ?? issuerText?.causes ?? (unknown ? (general?.causes ?? msg.genericCauses) : []);
  return {
    label: obs.label,
    verdict: byElimination.verdict ?? verdict,
    status,
    issuer: byElimination.issuer ?? (fp && issuerLink ? { component: issuerLink.component, layer: issuerLink.layer, fingerprint: fp.id } : null),
    confidence: eliminatedConfidence ?? confidence,
    chain: byElimination.chain ?? links,
    summary: byElimination.summary ?? summary,
    evidence: [...sizeEvidence, ...evidenceOf(matched, best, chain), ...(byElimination.evidence ?? [])],
    causes: logged ? [logged.cause, ...causes] : causes,
    whereToLook: byElimination.whereToLook ?? issuerText?.whereToLook ?? (unknown ? (general?.whereToLook ?? msg.genericWhere) : []),
    nextSteps: [...(logged ? [logged.next] : []), ...(byElimination.nextSteps ?? issuerText?.nextSteps ?? (unknown ? msg.unknownSteps : []))],
    networkFailure,
    alternatives,
    statusMeanings: entries.map((e) => toMeaning(e, locale)),
    seen: seenOf(obs),
    notes,
    hops: obs.hops,
  };
}
