// docs/forms-guide.md as a reader follows it: the package installed from `npm pack` into an empty
// project, its files copied as the guide says, the guide's HTML, page script and server code cut
// out of the page (between its guide: markers) and run: the page in Chromium under the guide's
// strict CSP (hints while typing, the suggested fix applied by a click, a submission posted), the
// server code in Node (the submission verifies).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { CHROMIUM, serveFolder } from './browser-support.mjs';
import { installedPackage, repoRoot } from './support.mjs';

const guide = readFileSync(path.join(repoRoot, 'docs/forms-guide.md'), 'utf8');

/** The fenced code between <!-- guide:NAME --> and <!-- /guide:NAME --> in the guide. */
function block(name) {
  const m = guide.match(new RegExp(`<!-- guide:${name} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\`\\s*<!-- /guide:${name} -->`));
  assert.ok(m, `docs/forms-guide.md has no ${name} block`);
  return m[1];
}

function project() {
  const app = installedPackage({ type: 'module' });
  mkdirSync(path.join(app, 'public/vendor/leadscore'), { recursive: true });
  // Step 1 of the guide: the package's bindings/ and dist/ side by side under public/vendor/.
  for (const folder of ['bindings', 'dist']) {
    cpSync(path.join(app, 'node_modules/leadscore', folder), path.join(app, 'public/vendor/leadscore', folder), { recursive: true });
  }
  writeFileSync(path.join(app, 'public/index.html'),
    `<!doctype html><html lang="en"><meta charset="utf-8"><title>Sign up</title>\n<body>\n${block('html')}</body></html>\n`);
  writeFileSync(path.join(app, 'public/signup.mjs'), block('js'));
  writeFileSync(path.join(app, 'server.mjs'), block('server'));
  return app;
}

/** Serves public/ as in the guide; POST /signup keeps the body. */
function serve(dir, received) {
  return serveFolder(dir, (req, res, pathname) => {
    if (req.method !== 'POST' || pathname !== '/signup') return false;
    let body = '';
    req.on('data', (chunk) => { body += chunk; });
    req.on('end', () => { received.push(JSON.parse(body)); res.writeHead(204).end(); });
    return true;
  });
}

test('the forms guide\'s example works as written: Chromium page under a strict CSP, server verification in Node', async (t) => {
  const app = project();
  const received = [];
  const server = await serve(path.join(app, 'public'), received);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
  t.after(async () => {
    await browser.close();
    server.close();
  });
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text().slice(0, 200)); });
  page.on('pageerror', (e) => problems.push(`uncaught: ${e.message}`));
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${server.base}/index.html`);

  await t.test('a misspelled email domain: a hint with a one-click fix', async () => {
    await page.fill('input[name="email"]', 'jane.doe@gmial.com');
    const fix = page.locator('[data-hint-for="email"] button');
    await fix.waitFor({ timeout: 30_000 });
    assert.equal(await fix.textContent(), 'jane.doe@gmail.com');
    await fix.click();
    assert.equal(await page.inputValue('input[name="email"]'), 'jane.doe@gmail.com');
  });

  await t.test('a name without its capital: a hint, in the page\'s language', async () => {
    await page.fill('input[name="first_name"]', 'jane');
    const hint = page.locator('[data-hint-for="first_name"] span');
    await hint.waitFor({ timeout: 10_000 });
    assert.match(await hint.textContent(), /capital/i);
    await page.fill('input[name="first_name"]', 'Jane');
    await page.waitForFunction(() => document.querySelector('[data-hint-for="first_name"]').children.length === 0);
  });

  await t.test('submit: the server receives a submission that its guide code verifies', async () => {
    await page.fill('input[name="company"]', 'Acme Robotics');
    await page.click('button:has-text("Sign up")');
    await page.waitForSelector('form[data-sent]', { timeout: 10_000 });
    assert.equal(received.length, 1);
    const submission = received[0];
    assert.deepEqual(submission.inputs.lead, { email: 'jane.doe@gmail.com', first_name: 'Jane', company: 'Acme Robotics' });
    assert.equal(submission.result.data.tier, 'lite');
    const verified = execFileSync('node', ['--input-type=module', '-e',
      `import { verifySignup } from './server.mjs'; process.stdout.write(JSON.stringify(verifySignup(${JSON.stringify(submission)})));`],
    { cwd: app, encoding: 'utf8' });
    assert.deepEqual(JSON.parse(verified), submission.result);
    // A tampered score does not verify.
    const tampered = structuredClone(submission);
    tampered.result.score = tampered.result.score === 100 ? 99 : 100;
    const refused = execFileSync('node', ['--input-type=module', '-e',
      `import { verifySignup } from './server.mjs'; process.stdout.write(JSON.stringify(verifySignup(${JSON.stringify(tampered)})));`],
    { cwd: app, encoding: 'utf8' });
    assert.equal(refused, 'null');
  });

  await t.test('no console error or CSP violation, no request off the origin', () => {
    assert.deepEqual(problems, []);
    assert.deepEqual(requests.filter((u) => !u.startsWith(server.base)), []);
  });

  // The guide's <link> hints are used, not fetched twice: a preload the page's own fetch() does not
  // match (another mode or credentials) would leave a second request for the same file.
  await t.test('each file of the library is fetched once, the preloaded ones included', () => {
    for (const file of ['form-browser.mjs', 'api.mjs', 'browser-loader.mjs', 'leadscore-form.mjs', 'leadscore-form.wasm'])
      assert.equal(requests.filter((u) => u.endsWith(`/${file}`)).length, 1, file);
  });
});
