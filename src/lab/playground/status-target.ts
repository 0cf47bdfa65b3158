/**
 * Which status /lab/status answers with: a number from 100 to 599 (its first meaning in the knowledge base, if
 * any) or a knowledge-base id such as `520-cloudflare` or `499-arcgis` (that meaning; the wire status is its
 * number). Weighted lists for /lab/status/random use httpbin's syntax: `500,502:3`.
 */
import { getCode, getEntry, type CodeEntry } from '../../codes/index.ts';
import { HttpwhyError } from '../../errors.ts';
import { PARAMS } from './endpoints.ts';
import { badParameter } from './params.ts';

export interface LabStatus {
  status: number;
  /** The meaning the response is built from; undefined for an unassigned number such as 299. */
  entry: CodeEntry | undefined;
}

/** Interim codes Node's HTTP server can send before a final response. */
export const INTERIM_CODES = [100, 102, 103] as const;
export type InterimCode = (typeof INTERIM_CODES)[number];

export const isInterimCode = (status: number): status is InterimCode => (INTERIM_CODES as readonly number[]).includes(status);

export function parseLabStatus(text: string): LabStatus {
  const entry = /^\d{3}$/.test(text) ? undefined : getEntry(text);
  const status = entry ? entry.code : /^\d{3}$/.test(text) ? Number(text) : Number.NaN;
  if (!(status >= 100 && status <= 599)) {
    throw new HttpwhyError(
      'HW_ERR_LAB_BAD_STATUS',
      `"${text.slice(0, 40)}" is not a status the lab can send: use a number from 100 to 599 or a code id such as 520-cloudflare.`,
      { input: text.slice(0, 40) },
    );
  }
  if (status < 200 && !isInterimCode(status)) {
    throw new HttpwhyError(
      'HW_ERR_LAB_BAD_STATUS',
      `${status} cannot be shown here: the lab sends the interim codes ${INTERIM_CODES.join(', ')} for real before a final 200, but 101 needs a protocol switch and Node's HTTP server sends no other 1xx.`,
      { input: text.slice(0, 40), interim: [...INTERIM_CODES] },
    );
  }
  return { status, entry: entry ?? getCode(status)[0] };
}

export interface WeightedStatus {
  target: LabStatus;
  weight: number;
}

/** `500,502:3` -> 500 with weight 1, 502 with weight 3. */
export function parseWeighted(text: string): WeightedStatus[] {
  const spec = PARAMS.codes;
  const items = text.split(',');
  if (text === '' || items.length > spec.max) {
    throw badParameter('codes', `"codes" must list 1 to ${spec.max} codes, each with an optional weight: codes=500,502:3.`);
  }
  return items.map((item) => {
    const [code = '', weightText = '1', extra] = item.trim().split(':');
    const weight = /^\d{1,4}(\.\d{1,3})?$/.test(weightText) ? Number(weightText) : Number.NaN;
    if (extra !== undefined || !(weight > 0 && weight <= spec.maxWeight)) {
      throw badParameter('codes', `"${item.slice(0, 40)}" in "codes" needs a weight above 0 and at most ${spec.maxWeight}: codes=500,502:3.`);
    }
    return { target: parseLabStatus(code), weight };
  });
}

/** Picks one entry with probability weight / total; `random` returns [0, 1). */
export function pickWeighted(choices: readonly WeightedStatus[], random: () => number): LabStatus {
  const total = choices.reduce((sum, c) => sum + c.weight, 0);
  let point = random() * total;
  for (const choice of choices) {
    point -= choice.weight;
    if (point < 0) return choice.target;
  }
  return (choices.at(-1) as WeightedStatus).target;
}
