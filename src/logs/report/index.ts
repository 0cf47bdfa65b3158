/**
 * @module logs/report
 * The report of one analysis as a plain JSON-ready object (report.ts), its terminal and HTML views
 * (render-text.ts, render-html.ts), their English and Indonesian text (messages.ts, built from
 * `data/logs/<locale>.yaml` by build-text.ts, which scripts/build-logs-text.ts imports directly so the CLI never
 * loads a YAML parser), and `--fail-on` thresholds (fail-on.ts).
 */
export { crossedThresholds, parseFailOn, type Threshold } from './fail-on.ts';
export { logsText, resolveLocale, LOGS_LOCALES, type LogsLocale, type LogsText } from './messages.ts';
export { renderHtml } from './render-html.ts';
export { renderText } from './render-text.ts';
export { buildReport, type FileReport, type LogReport, type UnlinkedErrors } from './report.ts';
