/** The site's CSS and JS, built by scripts/build-assets.ts into build/assets with content hashes in their names. */
import { readFileSync } from 'node:fs';

export interface Asset {
  /** Public URL with the content hash, e.g. /assets/site.3f2a9c.css */
  url: string;
  body: Buffer;
  type: string;
}

export interface AssetManifest {
  css: Asset;
  js: Asset;
}

let cached: AssetManifest | undefined;

export function loadAssets(): AssetManifest {
  if (cached) return cached;
  const dir = new URL('../../build/assets/', import.meta.url);
  const manifest = JSON.parse(readFileSync(new URL('manifest.json', dir), 'utf8')) as Record<'css' | 'js', string>;
  const load = (name: string, type: string): Asset => ({ url: `/assets/${name}`, body: readFileSync(new URL(name, dir)), type });
  cached = { css: load(manifest.css, 'text/css; charset=utf-8'), js: load(manifest.js, 'text/javascript; charset=utf-8') };
  return cached;
}
