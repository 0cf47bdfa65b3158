/** Text normalisation for search: lower case, no diacritics, word tokens (codes such as 502.3 stay whole). */

/**
 * Words that carry no meaning of their own in a query, in English and Indonesian ("the", "is", "yang", "di", "ke").
 * Negations (not, tidak, no, tanpa) stay: "tidak tersedia" and "tanpa isi" name codes.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  'a', 'an', 'the', 'is', 'are', 'was', 'be', 'to', 'of', 'in', 'on', 'at', 'for', 'by', 'with', 'and', 'or', 'it', 'my', 'i', 'me', 'this', 'that', 'from', 'get', 'got', 'when', 'why', 'what',
  'yang', 'di', 'ke', 'dari', 'dan', 'atau', 'untuk', 'dengan', 'ini', 'itu', 'saat', 'ada', 'jadi', 'kok', 'kenapa', 'karena', 'tapi', 'tetapi', 'sudah', 'lagi', 'dapat', 'dapet', 'kena', 'pada', 'oleh', 'saya', 'aku', 'kami', 'kita', 'nya',
]);

export function tokenize(text: string): string[] {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .split(/[^a-z0-9.]+/)
    .map((t) => t.replace(/^\.+|\.+$/g, ''))
    .filter((t) => t.length > 0);
}

/** Bounded Damerau-Levenshtein distance (adjacent transpositions count as one); returns max + 1 when over max. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, (prevPrev[j - 2] as number) + 1);
      row.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length] as number;
}

/** How many typos a query word of this length may carry. */
export function typoAllowance(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
