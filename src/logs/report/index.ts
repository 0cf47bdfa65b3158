/**
 * @module logs/report
 * The report of one analysis as a plain JSON-ready object (report.ts), its terminal and HTML views
 * (render-text.ts, render-html.ts), their English and Indonesian text (messages.ts, from the i18n catalogues),
 * what the reading of each input warns about (read-warnings.ts), the log-setup doctor (log-setup.ts, the configuration
 * it prints in log-setup-config.ts), and `--fail-on` thresholds (fail-on.ts).
 */
export { crossedThresholds, parseFailOn, type Threshold } from './fail-on.ts';
export { logsText, type LogsText } from './messages.ts';
export { renderLogReportHtml } from './render-html.ts';
export { renderLogReportText } from './render-text.ts';
export { buildReport, UNLINKED_EXAMPLES, type FileReport, type LogReport, type UnlinkedErrors } from './report.ts';
export type { LogSetupAdvice, MissingField, SetupProxy } from './log-setup.ts';
export type { ReadWarning } from './read-warnings.ts';
