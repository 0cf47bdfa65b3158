// The floor for bench/web.ts: the least a Node server can do per request. A bare node:http server that answers
// every request with the bytes of FILE from memory (read once), with Content-Type and Content-Length only: no
// routing, no security headers, no logging. No Node server that does real work can be cheaper per request.
// Usage: node bench/floors/static-page.ts FILE PORT
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';

const [file, port] = process.argv.slice(2);
if (!file || !port) throw new Error('usage: node bench/floors/static-page.ts FILE PORT');
const body = readFileSync(file);
const headers = { 'content-type': 'text/html; charset=utf-8', 'content-length': String(body.length) };
const server = createServer((_req, res) => res.writeHead(200, headers).end(body)).listen(Number(port), '127.0.0.1');
process.once('SIGTERM', () => server.close(() => process.exit(0)).closeAllConnections());
