/** Reads the playground's query parameters against their bounds (endpoints.ts); a bad value is a 400, never a 500. */
import { HttpwhyError } from '../../errors.ts';
import { PARAMS, type ParamName } from './endpoints.ts';

export type Query = Record<string, string | string[] | undefined>;

type NumberName = { [K in ParamName]: (typeof PARAMS)[K]['kind'] extends 'number' ? K : never }[ParamName];
type ChoiceName = { [K in ParamName]: (typeof PARAMS)[K]['kind'] extends 'choice' ? K : never }[ParamName];

export function badParameter(name: string, message: string): HttpwhyError {
  return new HttpwhyError('HW_ERR_LAB_BAD_PARAMETER', message, { parameter: name });
}

/** The one value of a parameter; undefined when absent. */
export function single(query: Query, name: string): string | undefined {
  const value = query[name];
  if (Array.isArray(value)) throw badParameter(name, `"${name}" is given ${value.length} times; give it once.`);
  return value;
}

/** An integer within the parameter's bounds, or its default when absent. */
export function numberParam(query: Query, name: NumberName): number {
  const spec = PARAMS[name];
  const text = single(query, name);
  if (text === undefined) return spec.default;
  const value = /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= spec.min && value <= spec.max)) {
    throw badParameter(name, `"${name}" must be a whole number from ${spec.min} to ${spec.max} (${spec.unit}), not "${text.slice(0, 40)}".`);
  }
  return value;
}

export function choiceParam(query: Query, name: ChoiceName): string {
  const spec = PARAMS[name];
  const text = single(query, name);
  if (text === undefined) return spec.default;
  if (!(spec.choices as readonly string[]).includes(text)) throw badParameter(name, `"${name}" must be one of ${spec.choices.join(', ')}, not "${text.slice(0, 40)}".`);
  return text;
}
