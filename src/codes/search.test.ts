import { describe, expect, it } from 'vitest';
import { search } from './index.ts';

const top = (q: string, n = 1) => search(q, { limit: n }).map((h) => h.entry.id);

describe('search', () => {
  it('ranks an exact code first', () => {
    expect(top('502')).toEqual(['502']);
    expect(search('499').slice(0, 2).map((h) => [h.entry.id, h.exact]).toSorted()).toEqual([
      ['499-arcgis', true],
      ['499-nginx', true],
    ]);
    expect(top('502.3')).toEqual(['502.3-iis-arr']);
  });

  it('finds reason phrases', () => {
    expect(top('gateway timeout')).toEqual(['504']);
    expect(top('not found')).toEqual(['404']);
    expect(top('too many requests')).toEqual(['429']);
  });

  it('tolerates typos', () => {
    expect(top('gatway timout')).toEqual(['504']);
    expect(top('servise unavailable')).toEqual(['503']);
    expect(top('bad gatewya')).toEqual(['502']);
  });

  it('understands Indonesian', () => {
    expect(top('layanan tidak tersedia')).toEqual(['503']);
    const timeouts = top('waktu habis', 8);
    expect(timeouts).toEqual(expect.arrayContaining(['408', '504']));
  });

  it('finds vendor codes by vendor words', () => {
    expect(top('cloudflare origin timed out', 3)).toContain('522-cloudflare');
    expect(top('client closed request', 3)).toContain('499-nginx');
  });

  it('rejects an empty query', () => {
    expect(() => search('  ')).toThrow(expect.objectContaining({ code: 'HW_ERR_SEARCH_EMPTY_QUERY' }));
  });
});
