// The PostgreSQL extension (bindings/postgres, docs/postgres.md) in a real PostgreSQL 15 started
// for this file: every scorable golden vector through SQL gives the CLI's bytes (text overload)
// and the same JSON (jsonb); a batch with broken leads gives one row per lead; two models in one
// query; a bad model is an ERROR with the core's code and pointer; events aggregated per lead; the
// same results with and without parallel workers, and a real parallel plan.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';

import { createScorer } from 'leadscore';
import { csvField, installExtension, startPostgres } from '../../scripts/pg-cluster.mjs';
import { defaultModelText, loadVectors, repoRoot, runCli, scoreWithCli, tempDir, vectorModelText } from './support.mjs';
import { isCheckVector } from './vector-checks.mjs';

let pg;
before(() => {
  installExtension();
  pg = startPostgres();
  pg.rows('CREATE EXTENSION leadscore;');
});
after(() => pg?.stop());

const NOW = '2026-11-23T10:00:00Z';
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

// Loads rows into a new table through psql's \copy (CSV); `columns` is "name type, ...".
function loadTable(name, columns, rows) {
  const file = path.join(tempDir(), `${name}.csv`);
  writeFileSync(file, rows.map((r) => r.map(csvField).join(',')).join('\n') + '\n');
  pg.rows(`CREATE TABLE ${name} (${columns});\n\\copy ${name} FROM '${file}' WITH (FORMAT csv)\n`);
}

// Lines "key|value" of a query into a Map.
function keyed(text) {
  return new Map(pg.rows(text).map((line) => {
    const bar = line.indexOf('|');
    return [line.slice(0, bar), line.slice(bar + 1)];
  }));
}

const packVersion = (tier) => {
  const bytes = readFileSync(path.join(repoRoot, `build/native/data/${tier}.bin`));
  return JSON.parse(bytes.subarray(12, 12 + bytes.readUInt32LE(8)).toString('utf8')).version;
};

test('version(): the core, the formats and the built-in data pack', () => {
  const [text] = pg.rows('SELECT leadscore.version();');
  assert.deepEqual(JSON.parse(text), {
    data: { tier: 'full', version: packVersion('full') }, library: '0.1.0', model_format: 1, result_format: 1,
  });
});

// The vectors SQL can take: a score call (no check, account or verification case), an instant that
// is a timestamptz, events absent or an array, and a successful expected result.
const scorable = loadVectors().filter((v) => !isCheckVector(v) && !('score_account' in v) && !('verify' in v)
  && !v.expected_error && 'lead' in v && isoInstant.test(v.now) && (!('events' in v) || Array.isArray(v.events)));

test('every scorable golden vector: the text overload gives the CLI\'s bytes, jsonb the same JSON', async () => {
  assert.ok(scorable.length >= 200, `only ${scorable.length} vectors`);
  const optional = (v, key) => (key in v && v[key] !== null ? JSON.stringify(v[key]) : null);
  loadTable('vectors', 'name text, model text, lead text, now text, events text, detail text, lang text, feedback text, previous text',
    scorable.map((v) => [v.name, vectorModelText(v), JSON.stringify(v.lead), v.now, optional(v, 'events'),
      v.detail ?? 'explain', v.lang ?? 'en', optional(v, 'feedback'), optional(v, 'previous')]));
  const events = (cast) => `CASE WHEN events IS NULL THEN NULL ELSE ARRAY(SELECT e::${cast} FROM json_array_elements(events::json) e) END`;
  const asText = keyed(`SELECT name, leadscore.score(model, lead, now::timestamptz, ${events('text')}, detail, lang,
    feedback, previous) FROM vectors ORDER BY name;`);
  // jsonb cannot hold every JSON text (\\u0000 in a string, for one): such leads are left to the text overload.
  pg.rows(`CREATE FUNCTION try_jsonb(t text) RETURNS jsonb LANGUAGE plpgsql IMMUTABLE AS
    $$BEGIN RETURN t::jsonb; EXCEPTION WHEN others THEN RETURN NULL; END$$;`);
  const asJsonb = keyed(`SELECT name, leadscore.score(model::jsonb, try_jsonb(lead), now::timestamptz,
    ${events('jsonb')}, detail, lang, feedback::jsonb, previous::jsonb) FROM vectors WHERE try_jsonb(lead) IS NOT NULL ORDER BY name;`);
  let viaCli = 0;
  let viaWasm = 0;
  for (const v of scorable) {
    let want;
    if ('events' in v || 'feedback' in v || 'previous' in v) {
      // The CLI's events file joins on lead ids it may have to add to the lead, and the CLI takes
      // no feedback or previous result per lead: wasm gives the CLI's bytes (vectors.test.mjs).
      const scorer = await createScorer(vectorModelText(v));
      try {
        const options = { now: v.now, detail: v.detail ?? 'explain', lang: v.lang ?? 'en' };
        for (const key of ['events', 'feedback', 'previous']) if (key in v) options[key] = v[key];
        want = scorer.scoreJson(v.lead, options);
      } finally {
        scorer.dispose();
      }
      viaWasm += 1;
    } else {
      const [line] = scoreWithCli(vectorModelText(v), [v.lead], v.now, undefined,
        ['--detail', v.detail ?? 'explain', '--lang', v.lang ?? 'en']);
      want = line.text;
      viaCli += 1;
    }
    assert.equal(asText.get(v.name), want, `${v.name}: text overload`);
    if (asJsonb.has(v.name)) assert.deepEqual(JSON.parse(asJsonb.get(v.name)), JSON.parse(want), `${v.name}: jsonb`);
  }
  assert.ok(asJsonb.size >= scorable.length - 5, `jsonb took only ${asJsonb.size} of ${scorable.length} leads`);
  assert.ok(viaCli > 100 && viaWasm > 20, `compared ${viaCli} with the CLI, ${viaWasm} with wasm`);
});

test('a batch with broken leads in the middle: one row per lead, the broken ones as error objects', () => {
  const leads = ['{"id":"a","seniority":"vp"}', '{"id":"b", ', '[1,2]', '{"id":"c","company_size":"many"}', '"text"',
    '{"id":"d","seniority":"manager"}'];
  loadTable('batch', 'n int, doc text', leads.map((doc, i) => [i, doc]));
  const model = defaultModelText.replace(/'/g, "''");
  const rows = keyed(`SELECT n, leadscore.score('${model}', doc, '${NOW}', NULL, 'summary') FROM batch ORDER BY n;`);
  assert.equal(rows.size, leads.length);
  const cli = runCli(['score', '--now', NOW, '--detail', 'summary', '-'], `${leads.join('\n')}\n`);
  const cliLines = cli.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
  assert.equal(cliLines.length, leads.length);
  for (const [i, line] of cliLines.entries()) {
    const got = JSON.parse(rows.get(String(i)));
    if (line.error) assert.equal(got.error.code, line.error.code, `lead ${i}`);
    else assert.deepEqual(got, line.result, `lead ${i}`);
  }
  assert.equal(JSON.parse(rows.get('1')).error.code, 'json_syntax');
  assert.equal(JSON.parse(rows.get('2')).error.code, 'lead_not_object');
  // The jsonb overload: a lead that is not an object is an error object too; score_value is NULL.
  const [jsonb, value] = pg.rows(`SELECT leadscore.score('${model}'::jsonb, '[1]'::jsonb, '${NOW}');
    SELECT coalesce(leadscore.score_value('${model}'::jsonb, '[1]'::jsonb, '${NOW}')::text, 'null');`);
  assert.equal(JSON.parse(jsonb).error.code, 'lead_not_object');
  assert.equal(value, 'null');
});

test('a bad model is an ERROR naming the core\'s code and JSON pointer', () => {
  const r = pg.sql(`SELECT leadscore.score('{"format_version": 1, "id": "x", "version": "1", "fields": "nope"}'::jsonb, '{}'::jsonb, '${NOW}');`);
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /leadscore: invalid model: wrong_type at "\/fields"/);
});

test('two models in one query, each cached once per backend', () => {
  const fitOnly = { ...JSON.parse(defaultModelText) };
  for (const key of ['checks', 'engagement', 'grading', 'routing']) delete fitOnly[key];
  const models = [defaultModelText, JSON.stringify(fitOnly)];
  const leads = [{ id: 'x', seniority: 'vp', company_size: 250 }, { id: 'y', seniority: 'student', email: 'y@gmail.com' }];
  loadTable('two', 'id text, doc text', leads.map((l) => [l.id, JSON.stringify(l)]));
  loadTable('models', 'name text, doc text', [['default', models[0]], ['fit', models[1]]]);
  const rows = pg.rows(`SELECT leadscore.score(d.doc, t.doc, '${NOW}', NULL, 'summary') || '|' ||
      leadscore.score(f.doc, t.doc, '${NOW}', NULL, 'summary')
    FROM two t, models d, models f WHERE d.name = 'default' AND f.name = 'fit' ORDER BY t.id;`);
  const want = models.map((m) => scoreWithCli(m, leads, NOW, undefined, ['--detail', 'summary']).map((l) => l.text));
  for (const [i, row] of rows.entries()) {
    const [a, b] = row.split('|');
    assert.equal(a, want[0][i]);
    assert.equal(b, want[1][i]);
  }
  // The models as jsonb read from the table (stored out of line: TOAST), one call site meeting a
  // different model from row to row, and the scalar-subquery form the docs recommend.
  pg.rows('ALTER TABLE models ADD COLUMN model jsonb; UPDATE models SET model = doc::jsonb;');
  const alternating = keyed(`SELECT m.name || t.id, leadscore.score(m.model, t.doc::jsonb, '${NOW}', NULL, 'summary')
    FROM two t CROSS JOIN models m ORDER BY t.id, m.name;`);
  const subquery = keyed(`SELECT t.id, leadscore.score((SELECT model FROM models WHERE name = 'fit'), t.doc::jsonb, '${NOW}', NULL, 'summary')
    FROM two t;`);
  for (const [i, lead] of leads.entries()) {
    assert.deepEqual(JSON.parse(alternating.get(`default${lead.id}`)), JSON.parse(want[0][i]));
    assert.deepEqual(JSON.parse(alternating.get(`fit${lead.id}`)), JSON.parse(want[1][i]));
    assert.deepEqual(JSON.parse(subquery.get(lead.id)), JSON.parse(want[1][i]));
  }
  const [stored] = pg.rows("SELECT pg_column_size(model) < octet_length(model::text) FROM models WHERE name = 'default';");
  assert.equal(stored, 't', 'the default model is stored compressed, out of line');
});

// Events per lead with array_agg(... ORDER BY at), joined to the leads: the documented pattern.
test('events aggregated per lead and joined give the CLI --events results', () => {
  const leads = [];
  const events = [];
  const types = ['page_view', 'pricing_page_view', 'demo_request', 'email_open', 'email_click', 'unsubscribe'];
  for (let i = 0; i < 40; i += 1) {
    const id = `L${String(i).padStart(3, '0')}`;
    leads.push({ id, seniority: i % 3 ? 'vp' : 'manager', company_size: 10 * i });
    for (let k = 0; k < (i % 7) * 3; k += 1) {
      const day = 1 + ((i * 7 + k * 3) % 28);
      events.push({ lead_id: id, type: types[(i + k) % types.length], at: `2026-10-${String(day).padStart(2, '0')}T0${k % 10}:00:00Z` });
    }
  }
  loadTable('ev_leads', 'id text, doc text', leads.map((l) => [l.id, JSON.stringify(l)]));
  loadTable('ev_events', 'lead_id text, at timestamptz, doc text', events.map((e) => [e.lead_id, e.at, JSON.stringify(e)]));
  const query = (cast) => `SELECT l.id, leadscore.score(m.model, l.doc${cast}, '${NOW}', e.events)
    FROM ev_leads l
    CROSS JOIN (SELECT '${defaultModelText.replace(/'/g, "''")}'${cast} AS model) m
    LEFT JOIN (SELECT lead_id, array_agg(doc${cast} ORDER BY at, doc) AS events FROM ev_events GROUP BY lead_id) e ON e.lead_id = l.id
    ORDER BY l.id;`;
  const text = keyed(query('::text'));
  const jsonb = keyed(query('::jsonb'));
  const dir = tempDir();
  writeFileSync(path.join(dir, 'leads.jsonl'), leads.map((l) => JSON.stringify(l)).join('\n') + '\n');
  // The CLI gets each lead's events in the array's order: by instant, then text (the C collation).
  const order = (e) => [e.lead_id, e.at, JSON.stringify(e)];
  const sorted = [...events].sort((a, b) => {
    const [x, y] = [order(a), order(b)];
    for (let k = 0; k < 3; k += 1) if (x[k] !== y[k]) return x[k] < y[k] ? -1 : 1;
    return 0;
  });
  writeFileSync(path.join(dir, 'events.jsonl'), sorted.map((e) => JSON.stringify(e)).join('\n') + '\n');
  const cli = runCli(['score', '--now', NOW, '--events', path.join(dir, 'events.jsonl'), path.join(dir, 'leads.jsonl')]);
  assert.equal(cli.status, 0, cli.stderr);
  const lines = cli.stdout.trimEnd().split('\n');
  assert.equal(lines.length, leads.length);
  for (const [i, line] of lines.entries()) {
    const want = line.slice(line.indexOf('"result":') + 9, -1);
    // Leads without events: the text overload gives the result of no events array (NULL), as the CLI.
    assert.equal(text.get(leads[i].id), want, leads[i].id);
    assert.deepEqual(JSON.parse(jsonb.get(leads[i].id)), JSON.parse(want), `${leads[i].id} (jsonb)`);
  }
  assert.ok(events.length > 300);
});

test('parallel workers give the same results, and the planner runs the scoring in them', () => {
  const model = defaultModelText.replace(/'/g, "''");
  pg.rows(`CREATE TABLE big AS SELECT n, json_build_object('id', 'B' || n, 'seniority',
      (ARRAY['vp','manager','director','student'])[1 + n % 4], 'company_size', n % 5000,
      'email', 'p' || n || (ARRAY['@gmail.com','@acme.example','@mailinator.com'])[1 + n % 3])::text AS doc
    FROM generate_series(1, 60000) n;
    ANALYZE big;`);
  const digest = (settings) => pg.rows(`${settings}
    SELECT md5(string_agg(leadscore.score('${model}', doc, '${NOW}', NULL, 'summary'), E'\\n' ORDER BY n)) FROM big;`).at(-1);
  const serial = digest('SET max_parallel_workers_per_gather = 0;');
  const parallelSettings = `SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
    SET min_parallel_table_scan_size = 0;`;
  assert.equal(digest(parallelSettings), serial);
  assert.equal(digest('SET force_parallel_mode = regress;'), serial);
  const plan = pg.rows(`${parallelSettings}
    EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) SELECT count(*) FROM big WHERE leadscore.score_value('${model}'::jsonb, doc::jsonb, '${NOW}') >= 50;`).join('\n');
  assert.match(plan, /Workers Launched: 2/, plan);
  assert.match(plan, /Parallel Seq Scan on big/, plan);
});

test('check_lead, check_field, verify and score_value agree with the JS API', async () => {
  const model = defaultModelText.replace(/'/g, "''");
  const lead = { email: 'jean.dupont@gmial.com', first_name: 'jean', company: 'Acme', phone: '+33 6 12 34 56 78', country: 'FR' };
  const scorer = await createScorer(defaultModelText);
  try {
    const leadSql = JSON.stringify(lead).replace(/'/g, "''");
    const [checkLead, checkField, value, verified, tampered] = pg.rows(`
      SELECT leadscore.check_lead('${model}'::jsonb, '${leadSql}'::jsonb, '${NOW}');
      SELECT leadscore.check_field('${model}'::jsonb, 'email', 'jean.dupont@gmial.com', NULL, 'fr');
      SELECT leadscore.score_value('${model}'::jsonb, '${leadSql}'::jsonb, '${NOW}');
      SELECT leadscore.verify('${model}'::jsonb, '${JSON.stringify(scorer.submission(lead, { now: NOW })).replace(/'/g, "''")}'::jsonb);
      SELECT leadscore.verify('${model}'::jsonb, jsonb_set('${JSON.stringify(scorer.submission(lead, { now: NOW })).replace(/'/g, "''")}'::jsonb, '{result,score}', '99'));`);
    assert.deepEqual(JSON.parse(checkLead), scorer.checkLead(lead, { now: NOW }));
    assert.deepEqual(JSON.parse(checkField), scorer.checkField('email', 'jean.dupont@gmial.com', { lang: 'fr' }));
    assert.equal(Number(value), JSON.parse(scorer.scoreJson(lead, { now: NOW })).score);
    assert.equal(JSON.parse(verified).status, 'match');
    assert.equal(JSON.parse(tampered).status, 'mismatch');
  } finally {
    scorer.dispose();
  }
});

test('score_row: the summary as columns, NULLs and the error object for a lead that cannot be scored', () => {
  const model = defaultModelText.replace(/'/g, "''");
  const leads = [{ id: 'a', seniority: 'vp', company_size: 250, email: 'ada@acme.example' },
    { id: 'b', seniority: 'student', email: 'x@mailinator.com' }, { id: 'c', company_size: -5 }];
  loadTable('row_leads', 'id text, doc jsonb', [...leads.map((l) => [l.id, JSON.stringify(l)]), ['z', '[1]']]);
  const rows = keyed(`SELECT l.id, row_to_json(s) FROM row_leads l,
    LATERAL leadscore.score_row('${model}'::jsonb, l.doc, '${NOW}') s ORDER BY l.id;`);
  const summaries = scoreWithCli(defaultModelText, leads, NOW, undefined, ['--detail', 'summary']).map((l) => JSON.parse(l.text));
  for (const [i, lead] of leads.entries()) {
    const s = summaries[i];
    assert.deepEqual(JSON.parse(rows.get(lead.id)), {
      score: s.score, points: s.points, band: s.band.id, grade: s.grade, route: s.route, quality: s.quality,
      probability: s.probability ?? null, error: null,
    }, lead.id);
  }
  const failed = JSON.parse(rows.get('z'));
  assert.equal(failed.error.error.code, 'lead_not_object');
  assert.equal(failed.score, null);
});

// A vector SQL can carry: text PostgreSQL can hold (no NUL, no lone surrogate) and an instant it reads.
const sqlSafe = (v) => !/\\u0000|\\ud[89a-f]/i.test(JSON.stringify(v));
const sqlNow = (v) => v.now === undefined || isoInstant.test(v.now);

test('the golden vectors that expect an error: an ERROR for a bad model, an error object for a bad lead', () => {
  const cases = loadVectors().filter((v) => v.expected_error && 'lead' in v && !isCheckVector(v) && !('score_account' in v)
    && !('verify' in v) && isoInstant.test(v.now ?? '')
    && (!('events' in v) || Array.isArray(v.events)) && sqlSafe(v));
  assert.ok(cases.length >= 40, `only ${cases.length} error vectors`);
  let modelErrors = 0;
  for (const v of cases) {
    const model = vectorModelText(v).replace(/'/g, "''");
    const lead = JSON.stringify(v.lead).replace(/'/g, "''");
    const events = 'events' in v ? `ARRAY(SELECT e::text FROM json_array_elements('${JSON.stringify(v.events).replace(/'/g, "''")}') e)` : 'NULL';
    const extra = (key) => (key in v && v[key] !== null ? `'${JSON.stringify(v[key]).replace(/'/g, "''")}'::text` : 'NULL');
    const r = pg.sql(`SELECT leadscore.score('${model}'::text, '${lead}'::text, '${v.now}', ${events}, 'explain', '${v.lang ?? 'en'}',
      ${extra('feedback')}, ${extra('previous')});`, ['-A', '-t']);
    const { code, path: pointer } = v.expected_error;
    if (r.status !== 0) {
      assert.ok(r.stderr.includes(`leadscore: invalid model: ${code} at "${pointer}"`), `${v.name}: ${r.stderr}`);
      modelErrors += 1;
    } else {
      const { error } = JSON.parse(r.stdout);
      assert.deepEqual({ code: error.code, path: error.path }, { code, path: pointer }, v.name);
    }
  }
  assert.ok(modelErrors > 20 && modelErrors < cases.length, `${modelErrors} model errors of ${cases.length}`);
});

test('the form-check vectors through check_lead and check_field give the JS API\'s findings', async () => {
  const cases = loadVectors().filter((v) => isCheckVector(v) && !v.expected_error && sqlSafe(v) && sqlNow(v));
  assert.ok(cases.length >= 100, `only ${cases.length} check vectors`);
  loadTable('check_vectors', 'name text, model text, kind text, field text, value text, lead text, now text, lang text',
    cases.map((v) => {
      const f = v.check_field;
      return [v.name, vectorModelText(v), f ? 'field' : 'lead', f?.field ?? null, f ? f.value : null,
        f ? ('lead' in f ? JSON.stringify(f.lead) : null) : JSON.stringify(v.check_lead), v.now ?? null, v.lang ?? 'en'];
    }));
  const got = keyed(`SELECT name, CASE kind
      WHEN 'field' THEN leadscore.check_field(model::jsonb, field, value, lead::jsonb, lang)
      ELSE leadscore.check_lead(model::jsonb, lead::jsonb, now::timestamptz, lang) END
    FROM check_vectors ORDER BY name;`);
  for (const v of cases) {
    const scorer = await createScorer(vectorModelText(v));
    try {
      const lang = v.lang ?? 'en';
      const f = v.check_field;
      const want = f ? scorer.checkField(f.field, f.value, 'lead' in f ? { lead: f.lead, lang } : { lang })
        : scorer.checkLead(v.check_lead, { now: v.now, lang });
      assert.deepEqual(JSON.parse(got.get(v.name)), want, v.name);
    } finally {
      scorer.dispose();
    }
  }
});
