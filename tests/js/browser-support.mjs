// Shared setup of the Chromium suites: the demo server (scripts/serve.mjs on a free port) and one
// browser page that records CSP violations, console errors and every request, so each suite can
// assert that the demo's strict CSP holds and that nothing leaves 127.0.0.1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path, { join } from 'node:path';
import { repoRoot } from './support.mjs';

export const CHROMIUM = '/usr/bin/chromium';
export const skipWithoutChromium = existsSync(CHROMIUM)
  ? false : `Chromium not installed at ${CHROMIUM} (apt-get install chromium)`;

/** Starts scripts/serve.mjs on a free port; resolves to {base, stop}. */
export async function startServer() {
  const child = spawn(process.execPath, [join(repoRoot, 'scripts/serve.mjs')], {
    env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const base = await new Promise((resolveUrl, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\//);
      if (m) resolveUrl(`http://127.0.0.1:${m[1]}`);
    });
    child.on('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return { base, stop: () => child.kill() };
}

/**
 * The server, Chromium and one page, all closed after the test `t`. The page's CSP violations,
 * console errors and requested URLs are collected in the returned arrays.
 */
export async function openDemoPage(t) {
  const { chromium } = await import('playwright-core');
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  t.after(async () => {
    await browser.close();
    server.stop();
  });
  const context = await browser.newContext();
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  const consoleErrors = [];
  const violations = [];
  await context.exposeBinding('reportCspViolation', (_source, v) => violations.push(v));
  await context.addInitScript(() => document.addEventListener('securitypolicyviolation', (e) => {
    window.reportCspViolation({ directive: e.violatedDirective, blocked: String(e.blockedURI).slice(0, 80) });
  }));
  const page = await context.newPage();
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text().slice(0, 200)); });
  page.on('pageerror', (e) => consoleErrors.push(`uncaught: ${e.message}`));
  return { base: server.base, page, requests, consoleErrors, violations };
}

/**
 * The closing checks of every Chromium suite: the module's .wasm comes from the demo server (same
 * origin, connect-src 'self'), so no violation and no console error is allowed at all.
 */
export async function checkPageStayedClean(t, session) {
  await t.test('no CSP violation and no console error', () => {
    assert.deepEqual(session.violations, []);
    assert.deepEqual(session.consoleErrors, []);
  });
  await t.test('no request leaves 127.0.0.1', () => {
    assert.ok(session.requests.length > 0);
    // data: and blob: URLs never leave the page; anything else must go to the demo server.
    const outside = session.requests.filter((u) => !/^(data|blob):/.test(u) && new URL(u).origin !== session.base);
    assert.deepEqual(outside, []);
  });
}

/** The strict policy an application page may set: no eval, no inline script, no other origin. */
export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'";

const TYPES = { '.html': 'text/html; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8', '.cjs': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm' };

/**
 * Serves the folder `dir` on 127.0.0.1 (a free port) with STRICT_CSP on every response, as an
 * application's own static server would; `handle(req, res, pathname)` may answer a request first
 * (returning true). Returns {base, close}.
 */
export async function serveFolder(dir, handle = () => false) {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url, 'http://x').pathname;
    if (handle(req, res, pathname)) return;
    if (pathname === '/favicon.ico') return res.writeHead(204).end(); // Chromium asks for it on its own
    const file = path.join(dir, path.posix.normalize(pathname).replace(/^\/+/, '') || 'index.html');
    try {
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': STRICT_CSP });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() };
}


/**
 * Every text of the demo page a person can meet, in the page's language: its text nodes (hidden or
 * not, and inside a closed <details>), option labels, and the aria-label, title and placeholder
 * attributes; not what is data or for developers: <code>, <pre>, [translate="no"] and what the
 * visitor typed. `visibleOnly`: only the text rendered now (closed <details> and hidden parts
 * left out). Resolves to an array of strings.
 */
export function pageTexts(page, { visibleOnly = false } = {}) {
  return page.evaluate((visible) => {
    const skip = (node) => node.closest('code, pre, script, style, [translate="no"]') !== null
      || (visible && node.closest('details:not([open]) > :not(summary)') !== null)
      || (visible && node.getClientRects().length === 0);
    const out = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.data.trim();
      if (text && !skip(n.parentElement)) out.push(text);
    }
    if (!visible) {
      for (const el of document.body.querySelectorAll('[aria-label], [title], [placeholder]')) {
        if (skip(el)) continue;
        for (const attr of ['aria-label', 'title', 'placeholder']) if (el.getAttribute(attr)) out.push(el.getAttribute(attr));
      }
    }
    return out;
  }, visibleOnly);
}
