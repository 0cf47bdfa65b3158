/** The first of a value that may repeat (a header sent twice, a certificate attribute given twice). */
export function firstValue(value: string | string[] | undefined): string | null {
  return (Array.isArray(value) ? value[0] : value) ?? null;
}
