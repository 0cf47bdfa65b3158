/** Accept-Language, read only where the site lets it decide: the bare home page. */

/** True when Indonesian ranks above English in Accept-Language (q-values honoured, order breaks ties). */
export function prefersIndonesian(header: string | undefined): boolean {
  const ranked = (header ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = Number(params.map((p) => p.trim()).find((p) => p.startsWith('q='))?.slice(2) ?? '1');
      return { base: tag.split('-')[0], q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((l) => (l.base === 'id' || l.base === 'en') && l.q > 0)
    .toSorted((a, b) => b.q - a.q || a.index - b.index);
  return ranked[0]?.base === 'id';
}
