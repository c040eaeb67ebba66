#!/usr/bin/env node
// Tiny static file server for the web demo (node:http only, no dependencies).
// Serves web-demo/, bindings/, dist/ and examples/ of the repository on 127.0.0.1:$PORT (default
// 8080; PORT=0 picks a free port). "/" redirects to /web-demo/. GET and HEAD only.
import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SERVED = new Set(['web-demo', 'bindings', 'dist', 'examples']);
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.csv': 'text/csv; charset=utf-8',
  '.jsonl': 'application/jsonl; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

// The Content-Security-Policy of every response (it matters for the HTML pages). No 'unsafe-eval'
// and no 'unsafe-inline': scripts come from this origin only, plus the one inline import map of
// web-demo/index.html by its sha256 (recompute it when the map changes; the page's <meta> CSP
// carries the same hash, and tests/js/browser-form.test.mjs checks both against the file).
// 'wasm-unsafe-eval' lets WebAssembly.instantiateStreaming() compile the engine (dist/leadscore.wasm,
// fetched from this origin): without it Chromium refuses wasm compilation under a script-src that
// lacks 'unsafe-eval'; it allows wasm only, not eval() or new Function(). frame-ancestors, which a
// <meta> CSP cannot set, keeps other sites from framing the demo.
const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval' 'sha256-ENaGhBywg9iw6KUA6YK8NJk4V0Og7RXcDZ+8fIajWJY='",
  "style-src 'self'",
  "img-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

function send(res, status, text, headers = {}) {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Security-Policy': CSP, ...headers });
  res.end(res.req.method === 'HEAD' ? undefined : `${text}\n`);
}

// The file for a request path, or null when it is not servable.
async function locate(pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const parts = decoded.split('/').filter((p) => p !== '');
  // No "..", no ".", no dotfiles; the first segment must be one of the served folders.
  if (parts.length === 0 || !SERVED.has(parts[0]) || parts.some((p) => p.startsWith('.'))) return null;
  let file = join(root, ...parts);
  try {
    file = await realpath(file); // a symlink must not lead out of the served folders either
  } catch {
    return null;
  }
  const top = root + sep;
  if (!file.startsWith(top) || !SERVED.has(file.slice(top.length).split(sep)[0])) return null;
  const info = await stat(file);
  if (info.isDirectory()) return { dir: true, file };
  return info.isFile() ? { file, size: info.size } : null;
}

const server = createServer(async (req, res) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return send(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
  }
  const url = new URL(req.url, 'http://127.0.0.1');
  if (url.pathname === '/') return send(res, 302, 'see /web-demo/', { Location: `/web-demo/${url.search}` });
  // Browsers ask for an icon on their own; answer "no content" rather than a 404 in the console.
  if (url.pathname === '/favicon.ico') return res.writeHead(204).end();
  let found;
  try {
    found = await locate(url.pathname);
  } catch {
    found = null;
  }
  if (found?.dir) {
    if (!url.pathname.endsWith('/')) return send(res, 301, 'moved', { Location: `${url.pathname}/${url.search}` });
    try {
      found = await locate(`${url.pathname}index.html`);
    } catch {
      found = null;
    }
  }
  if (!found || found.dir) return send(res, 404, 'not found');
  res.writeHead(200, {
    'Content-Type': TYPES[extname(found.file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': found.size,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': CSP,
  });
  if (req.method === 'HEAD') return res.end();
  createReadStream(found.file).on('error', () => res.destroy()).pipe(res);
});

const port = Number.parseInt(process.env.PORT ?? '8080', 10);
server.listen(Number.isNaN(port) ? 8080 : port, '127.0.0.1', () => {
  console.log(`leadscore demo: serving on http://127.0.0.1:${server.address().port}/`);
});
