// html-validate configuration for the site's pages (test/browser/html-validate.test.ts).
// A JavaScript file rather than .htmlvalidate.json so that each deviation from the recommended rules can say why:
// html-validate reads the JSON file with JSON.parse and rejects unknown keys, so JSON cannot carry comments.
export default {
  root: true,
  extends: ['html-validate:recommended'],
  rules: {
    // preact-render-to-string writes void elements as <meta/>; valid HTML, and one consistent style.
    'void-style': ['error', { style: 'selfclose' }],
    // src/web/render.tsx writes <!doctype html> (the shortest form; HTML is case-insensitive here).
    'doctype-style': ['error', { style: 'lowercase' }],
    // Each meaning on a code page is anchored by its knowledge-base id, so links read /codes/499#499-nginx and
    // /codes/502.3#502.3-iis-arr. HTML allows any id without spaces; the strict mode wants a leading letter and no dots.
    'valid-id': ['error', { relaxed: true }],
  },
};
