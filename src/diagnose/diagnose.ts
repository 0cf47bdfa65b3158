/** The library entry: read any supported paste, diagnose every response in it. */
import { diagnoseObservation } from './diagnose-observation.ts';
import { loadDefaultPages, loadElimination, loadFingerprints } from './load-fingerprints.ts';
import { notAPage, parseInput } from './parse-input.ts';
import type { DiagnoseOptions, DiagnosisReport } from './types.ts';

/**
 * Says which component issued a failing response, why, and where to look. `input` is a raw response,
 * `curl -i` or `curl -v` output, a curl error line, a HAR 1.2 file (text or parsed), or a
 * `{status, headers, body}` object. Throws HW_ERR_DIAGNOSE_UNREADABLE_INPUT when it cannot be read.
 */
export function diagnose(input: string | object, options: DiagnoseOptions = {}): DiagnosisReport {
  const locale = options.locale ?? 'en';
  const { format, observations } = parseInput(input);
  const data = { fingerprints: loadFingerprints(), elimination: loadElimination(), defaultPages: loadDefaultPages() };
  const diagnoses = observations.map((obs) => diagnoseObservation(obs, data, locale));
  const [only] = diagnoses;
  if (format === 'page-text' && only?.status === null && only.verdict === 'unknown') throw notAPage(String(input));
  return { format, locale, diagnoses };
}
