/** Test helper: HTML text with the five entities Preact escapes turned back into characters. */
export const decodeEntities = (html: string): string =>
  html.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
