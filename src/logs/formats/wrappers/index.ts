/**
 * @module logs/formats/wrappers
 * What logs arrive wrapped in, one file per family: docker's json-file (docker-json.ts), CRI / containerd (cri.ts),
 * `kubectl logs --prefix` / `--timestamps` (kubectl.ts), kail's `ns/pod[container]: ` (kail.ts), kubetail's `[pod] `
 * (kubetail.ts), stern's `pod container ` (stern.ts), docker compose (compose.ts), syslog and the journal (syslog.ts),
 * Emissary's `ACCESS ` (emissary.ts), `cf logs` (cf-logs.ts), the BOSH CLI (bosh.ts), Heroku's Logplex (heroku.ts), `fly logs` (fly.ts), Google
 * Cloud Logging's entries as Logs Explorer copies them (gcp-logging.ts), a CloudWatch Logs Insights CSV export's rows (cloudwatch-csv.ts), Fluent Bit's stdout print of its records (fluent-bit-stdout.ts), a whole line's indentation (indent.ts), a line
 * pasted as inline code (inline-code.ts), as a markdown quote (markdown-quote.ts) or in bold (markdown-bold.ts); and reading lines inside them (unwrapper.ts). A wrapper knows nothing of the formats inside it; detection (../detect.ts) decides an input's
 * wrappers and format together.
 */
export { isLooseChain, Unwrapper, unwrapSample, wrapperChain, type LineView } from './unwrapper.ts';
