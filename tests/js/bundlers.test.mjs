// A browser application that imports `leadscore` (or `leadscore/form`) bundles with esbuild and with
// webpack (both from npm, default settings, no `external`, no Node polyfills), and the bundled page
// scores and checks in Chromium under a strict CSP (script-src 'self' 'wasm-unsafe-eval'), with the
// same result as Node. The package is the one a user installs: `npm pack`, then installed into an
// empty project. The .wasm file is fetched from the page's origin and compiled as it streams in:
// webpack copies it on its own; with esbuild the app copies it beside the bundle, as the README says.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { CHROMIUM, serveFolder } from './browser-support.mjs';
import { installedPackage } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const LEAD = { seniority: 'vp', company_size: 250, email: 'jane.doe@acme-robotics.com', first_name: 'Jane' };

// The application: plain browser code that knows nothing about Node.
// `wasmAt`: where the page serves the module's .wasm, when not beside the bundle.
const app = (entry, wasmAt) => `
import { createScorer, setWasmSource } from '${entry}';
${wasmAt ? `setWasmSource(${JSON.stringify(wasmAt)});` : ''}
createScorer().then(async (scorer) => {
  // The browser starts on the lite data pack; the page loads the full one from its own origin.
  const before = scorer.data.tier;
  scorer.loadData(await (await fetch('full.bin')).arrayBuffer());
  const text = scorer.scoreJson(${JSON.stringify(LEAD)}, { now: '${NOW}' });
  const findings = scorer.checkField('first_name', 'jane');
  document.getElementById('out').textContent = JSON.stringify({ before, text, findings });
  scorer.dispose();
}).catch((error) => {
  document.getElementById('out').textContent = 'failed: ' + error.message;
});
`;

function installedProject() {
  const project = installedPackage();
  mkdirSync(path.join(project, 'src'), { recursive: true });
  writeFileSync(path.join(project, 'src/app.mjs'), app('leadscore'));
  writeFileSync(path.join(project, 'src/form-app.mjs'), app('leadscore/form'));
  writeFileSync(path.join(project, 'src/form-app-moved.mjs'), app('leadscore/form', 'assets/moved-form.wasm'));
  return project;
}

// esbuild leaves `new URL('./x.wasm', import.meta.url)` alone: the .wasm goes beside the bundle.
async function bundleWithEsbuild(project, source, name, wasm, wasmAt = wasm) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    absWorkingDir: project, entryPoints: [`src/${source}`], bundle: true, platform: 'browser', format: 'esm',
    minify: true, outfile: `public/${name}`, logLevel: 'silent',
  });
  assert.deepEqual(result.errors, []);
  assert.deepEqual(result.warnings.map((w) => w.text), []);
  mkdirSync(path.dirname(path.join(project, 'public', wasmAt)), { recursive: true });
  copyFileSync(path.join(project, 'node_modules/leadscore/dist', wasm), path.join(project, 'public', wasmAt));
  return name;
}

async function bundleWithWebpack(project, source, name) {
  const { default: webpack } = await import('webpack');
  const stats = await new Promise((resolve, reject) => {
    webpack({
      context: project, mode: 'production', target: 'web', entry: `./src/${source}`,
      output: { path: path.join(project, 'public'), filename: name },
    }, (error, s) => (error ? reject(error) : resolve(s)));
  });
  const info = stats.toJson({ all: false, errors: true, warnings: true });
  assert.deepEqual(info.errors.map((e) => e.message), []);
  // Webpack's only warnings are its size hints (the module embeds its data tables): nothing about
  // unresolved modules or Node built-ins.
  const others = info.warnings.filter((w) => !/exceed the recommended size limit|can impact web performance|performance/i.test(w.message));
  assert.deepEqual(others.map((w) => w.message), []);
  return name;
}

test('a browser app bundles leadscore and leadscore/form with esbuild and webpack and runs in Chromium under a strict CSP', async (t) => {
  const project = installedProject();
  const bundles = [
    [await bundleWithEsbuild(project, 'app.mjs', 'esbuild.js', 'leadscore.wasm'), 'module'],
    [await bundleWithWebpack(project, 'app.mjs', 'webpack.js'), 'classic'],
    [await bundleWithEsbuild(project, 'form-app.mjs', 'esbuild-form.js', 'leadscore-form.wasm'), 'module'],
    [await bundleWithWebpack(project, 'form-app.mjs', 'webpack-form.js'), 'classic'],
    // The page serves the .wasm elsewhere and says so with setWasmSource().
    [await bundleWithEsbuild(project, 'form-app-moved.mjs', 'esbuild-form-moved.js', 'leadscore-form.wasm', 'assets/moved-form.wasm'), 'module'],
  ];

  // What Node computes with the same installed package.
  const expected = JSON.parse(execFileSync('node', ['--input-type=module', '-e', `
    import { createScorer } from 'leadscore';
    const s = await createScorer();
    process.stdout.write(JSON.stringify({ before: 'lite', text: s.scoreJson(${JSON.stringify(LEAD)}, { now: '${NOW}' }), findings: s.checkField('first_name', 'jane') }));`],
  { cwd: project, encoding: 'utf8' }));
  assert.equal(JSON.parse(expected.text).data.tier, 'full');
  assert.ok(expected.findings.length > 0, 'the lower-case first name gives a finding');

  const publicDir = path.join(project, 'public');
  copyFileSync(path.join(project, 'node_modules/leadscore/dist/data/full.bin'), path.join(publicDir, 'full.bin'));
  for (const [file, kind] of bundles) {
    writeFileSync(path.join(publicDir, `${file}.html`),
      `<!doctype html><meta charset="utf-8"><title>bundled</title><pre id="out"></pre><script ${kind === 'module' ? 'type="module" ' : ''}src="${file}"></script>\n`);
    // The binary is a file of its own, not base64 in the script.
    assert.ok(statSync(path.join(publicDir, file)).size < 300_000, `${file} embeds the module`);
  }
  const server = await serveFolder(publicDir);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  t.after(async () => {
    await browser.close();
    server.close();
  });

  for (const [file] of bundles) {
    await t.test(file, async () => {
      const page = await browser.newPage();
      const problems = [];
      // Errors, and the glue's warning when streaming compilation fails (wrong MIME type...).
      page.on('console', (m) => { if (m.type() === 'error' || /wasm/i.test(m.text())) problems.push(m.text().slice(0, 200)); });
      page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
      const requests = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(`${server.base}/${file}.html`);
      await page.waitForFunction(() => document.getElementById('out').textContent !== '', null, { timeout: 60_000 });
      const out = await page.textContent('#out');
      assert.ok(!out.startsWith('failed'), out);
      assert.deepEqual(JSON.parse(out), expected);
      assert.deepEqual(problems, [], 'console errors, CSP violations or wasm warnings');
      assert.deepEqual(requests.filter((u) => !u.startsWith(server.base)), []);
      const wasm = requests.filter((u) => u.endsWith('.wasm'));
      if (file.includes('moved')) assert.equal(new URL(wasm[0]).pathname, '/assets/moved-form.wasm');
      assert.equal(wasm.length, 1, `one .wasm fetched: ${wasm}`);
      // The module the entry point names: same bytes as the package's (webpack renames the file).
      const shipped = readFileSync(path.join(project, 'node_modules/leadscore/dist', file.includes('form') ? 'leadscore-form.wasm' : 'leadscore.wasm'));
      assert.ok(shipped.equals(readFileSync(path.join(publicDir, new URL(wasm[0]).pathname))), `${wasm[0]} is not the entry's module`);
      await page.close();
    });
  }
});
