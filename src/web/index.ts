/**
 * @module web
 * The web face: server-rendered guide (English at /, Indonesian at /id), JSON API at /api/v1, and the server.
 */
export { buildApp, type AppOptions } from './app.ts';
export { startServer, type RunningServer, type ServeOptions } from './server.ts';
export { exportSite, type ExportOptions, type ExportResult } from './static-export.ts';
