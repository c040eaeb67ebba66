// setWasmSource(): where a page or process takes the module's .wasm from when it is not beside the
// module. Each case runs in a fresh Node process, since the module loads once per process.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import path from 'node:path';
import test from 'node:test';

import { repoRoot, tempDir } from './support.mjs';

const LEAD = JSON.stringify({ seniority: 'vp', company_size: 250 });
const NOW = '2026-11-23T10:00:00Z';

/** Runs `body` (ESM, with `entry` imported as m) in a fresh process; returns its stdout. */
function fresh(entry, body) {
  return execFileSync('node', ['--input-type=module', '-e', `const m = await import('${entry}');\n${body}`],
    { cwd: repoRoot, encoding: 'utf8' });
}

const expected = fresh('leadscore', `process.stdout.write((await m.createScorer()).scoreJson(${LEAD}, { now: '${NOW}' }));`);

for (const [entry, file] of [['leadscore', 'leadscore.wasm'], ['leadscore/form', 'leadscore-form.wasm']]) {
  test(`${entry}: the .wasm from a path, a file: URL or bytes gives the same result`, () => {
    const dir = tempDir();
    const copy = path.join(dir, `moved-${file}`);
    copyFileSync(path.join(repoRoot, 'dist', file), copy);
    const score = `process.stdout.write((await m.createScorer()).scoreJson(${LEAD}, { now: '${NOW}' }));`;
    assert.equal(fresh(entry, `m.setWasmSource(${JSON.stringify(copy)});\n${score}`), expected);
    assert.equal(fresh(entry, `m.setWasmSource(new URL(${JSON.stringify(`file://${copy}`)}));\n${score}`), expected);
    assert.equal(fresh(entry, `const fs = await import('node:fs'); m.setWasmSource(fs.readFileSync(${JSON.stringify(copy)}));\n${score}`), expected);
  });

  test(`${entry}: a wrong source is a LeadscoreError, and the source is fixed once loading starts`, () => {
    const dir = tempDir();
    const out = fresh(entry, `
      const codes = [];
      const attempt = async (f) => { try { await f(); codes.push('ok'); } catch (e) { codes.push(e instanceof m.LeadscoreError ? e.code : 'not a LeadscoreError: ' + e); } };
      await attempt(() => m.setWasmSource(42));
      m.setWasmSource(${JSON.stringify(path.join(dir, 'missing.wasm'))});
      await attempt(() => m.createScorer());             // the file is not there
      await attempt(() => m.setWasmSource(${JSON.stringify(path.join(repoRoot, 'dist', file))}));  // a failed start may be retried
      await attempt(() => m.createScorer());
      await attempt(() => m.setWasmSource(${JSON.stringify(path.join(repoRoot, 'dist', file))}));
      process.stdout.write(JSON.stringify(codes));`);
    assert.deepEqual(JSON.parse(out), ['wasm_source_invalid', 'wasm_init', 'ok', 'ok', 'wasm_already_loaded']);
  });
}

test('the form module refuses what it leaves out with not_in_form_module', () => {
  const out = fresh('leadscore/form', `
    const s = await m.createScorer();
    const codes = [];
    for (const f of [() => s.evaluate('a\\n1', {}), () => s.scoreAccount({ id: 'a', contacts: [] }, { now: '${NOW}' }),
      () => s.describe(), () => s.scoreMany([{}], { now: '${NOW}' })]) {
      try { f(); codes.push('ok'); } catch (e) { codes.push(e.code + ': ' + e.message); }
    }
    process.stdout.write(JSON.stringify({ codes, exports: Object.keys(m).sort() }));`);
  const { codes, exports } = JSON.parse(out);
  assert.deepEqual(codes, [
    'not_in_form_module: evaluate() is not in leadscore/form: import it from "leadscore"',
    'not_in_form_module: scoreAccount() is not in leadscore/form: import it from "leadscore"',
    'not_in_form_module: describe() is not in leadscore/form: import it from "leadscore"',
    'not_in_form_module: scoreMany() is not in leadscore/form: import it from "leadscore"',
  ]);
  assert.deepEqual(exports, ['LeadscoreError', 'Scorer', 'createScorer', 'defaultModel', 'setWasmSource', 'version']);
});

// Sales feedback and a previous result come from a CRM, never from a signup page: the form
// module leaves their readers out (leadscore/score_readers.h) and refuses them by name, in
// score(), submission() and verify(), where the full module reads them.
test('the form module refuses sales feedback and a previous result with not_in_form_module', () => {
  const body = `
    const s = await m.createScorer();
    const lead = ${LEAD};
    const now = '${NOW}';
    const feedback = { adjustments: [{ by: 'rep', at: '2026-11-20T10:00:00Z', points: 10, reason: 'met at a fair' }] };
    const previous = s.score(lead, { now });
    const out = {};
    const attempt = (name, f) => { try { const v = f(); out[name] = v?.status ?? (v?.feedback ? 'feedback read' : v?.tracking ? 'previous read' : 'ok'); } catch (e) { out[name] = e.code + ' ' + e.path + ': ' + e.message; } };
    attempt('feedback', () => s.score(lead, { now, feedback }));
    attempt('previous', () => s.score(lead, { now, previous }));
    attempt('submission', () => s.submission(lead, { now, feedback }));
    attempt('plain', () => s.score(lead, { now }));
    out.plainBytes = s.scoreJson(lead, { now });
    const full = await import('leadscore');
    const f = await full.createScorer();
    attempt('verify', () => s.verify(f.submission(lead, { now, previous })));
    attempt('full feedback', () => f.score(lead, { now, feedback }));
    attempt('full previous', () => f.score(lead, { now, previous }));
    attempt('full verify', () => f.verify(f.submission(lead, { now, previous })));
    process.stdout.write(JSON.stringify(out));`;
  const out = JSON.parse(fresh('leadscore/form', body));
  const refused = (path, what) => `not_in_form_module ${path}: ${what} is not read by the form module (leadscore/form): score with "leadscore", the CLI or the C++ library`;
  assert.deepEqual(out, {
    feedback: refused('/feedback', 'sales feedback'),
    previous: refused('/previous', 'a previous result'),
    submission: refused('/feedback', 'sales feedback'),
    plain: 'ok',
    plainBytes: expected,
    verify: refused('/inputs/previous', 'a previous result'),
    'full feedback': 'feedback read',
    'full previous': 'previous read',
    'full verify': 'match',
  });
});
