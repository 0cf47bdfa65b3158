/**
 * Google Cloud Logging's entries as Logs Explorer shows and copies them (GKE containers' output, Cloud Run's):
 * the severity, the RFC 3339 time Cloud Logging received, the summary fields chosen for the view in brackets
 * (`[resource.labels.containerName: nginx]`), then the text payload: `INFO 2025-10-19T00:12:04.220541710Z
 * [resource.labels.containerName: nginx] 10.154.15.240 - - [19/Oct/2025:00:12:04 +0000] "GET /coffee …`. An app's own
 * line may start with a level and a time the same way, so the wrapper is loose.
 */
import { rfc3339End, type WrappedLine, type Wrapper } from './wrapped-line.ts';

/** Cloud Logging's LogSeverity names. */
const SEVERITY = /^(?:DEFAULT|DEBUG|INFO|NOTICE|WARNING|ERROR|CRITICAL|ALERT|EMERGENCY) /;
/** Summary fields: `[name: value]`, several separated by blanks inside one pair of brackets or in their own. */
const SUMMARY = /^(?:\[[\w.]+: [^\]]*\] )+/;
const CONTAINER = /resource\.labels\.container_?[nN]ame: ([^\]\s]+)/;

export const gcpLogging: Wrapper = {
  id: 'gcp-logging',
  loose: true,
  strip(line: WrappedLine): boolean {
    const { text, start, end } = line;
    const severity = SEVERITY.exec(text.slice(start, Math.min(end, start + 10)));
    if (!severity) return false;
    const timeAt = start + severity[0].length;
    const timeEnd = rfc3339End(line.buf, timeAt, end);
    if (timeEnd < 0 || text.charCodeAt(timeEnd) !== 32) return false;
    line.setTime(text, timeAt, timeEnd);
    let at = timeEnd + 1;
    const summary = SUMMARY.exec(text.slice(at, end));
    if (summary) {
      const name = CONTAINER.exec(summary[0])?.[1];
      if (name) {
        const from = at + summary[0].indexOf(name);
        line.setHost(text, from, from + name.length);
      }
      at += summary[0].length;
    }
    line.start = at;
    return true;
  },
};
