#!/usr/bin/env node
// The PostgreSQL extension's benchmark (run by `npm run bench`; docs/benchmarks.md, "PostgreSQL").
//
//   node scripts/bench-postgres.mjs [--leads N] [--event-leads E] [--runs R] [--write]
//
// In a throw-away PostgreSQL 15 cluster (scripts/pg-cluster.mjs): N leads (default 1,000,000) in
// a table `leads (id, doc jsonb, doc_text text)` over the default model's fields, and 20 events
// each for the first E leads (default N / 10) in `events (lead_id, at, doc jsonb)`. Measures the
// wall time of each query (psql, one connection each; the median of R runs, default 1, after one
// warm-up scan of both tables, each run scoring every row with a model compiled once), serial
// (max_parallel_workers_per_gather = 0) and with 2 parallel workers, and the user's alternative:
// export the leads with COPY, score them with the native CLI, load the results back with COPY.
// Writes the table between <!-- bench-postgres:start --> and <!-- bench-postgres:end --> in
// docs/benchmarks.md on a full run or with --write. No assertions on timings.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { installExtension, startPostgres } from './pg-cluster.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cliPath = path.join(root, 'build/native/bindings/cli/leadscore');
const NOW = '2026-11-23T09:30:00Z';
const FULL = 1_000_000;

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const leads = option('--leads', FULL);
const eventLeads = option('--event-leads', Math.floor(leads / 10));
const write = args.includes('--write') || leads === FULL;
const RUNS = option('--runs', 1);

const model = fs.readFileSync(path.join(root, 'examples/models/default.json'), 'utf8').replace(/'/g, "''");
const serial = 'SET max_parallel_workers_per_gather = 0;';
const parallel = `SET max_parallel_workers_per_gather = 2; SET parallel_setup_cost = 0; SET parallel_tuple_cost = 0;
  SET min_parallel_table_scan_size = 0;`;

function seconds(fn) {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e9;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function main() {
  installExtension();
  const pg = startPostgres(['shared_buffers = 512MB', 'work_mem = 64MB', 'max_wal_size = 4GB', 'synchronous_commit = off']);
  const out = [];
  try {
    process.stderr.write(`bench-postgres: ${leads.toLocaleString('en-US')} leads, ${eventLeads.toLocaleString('en-US')} with 20 events\n`);
    const load = seconds(() => pg.rows(`CREATE EXTENSION leadscore;
      CREATE TABLE leads AS
      SELECT n AS id, doc, doc::text AS doc_text FROM (
        SELECT n, jsonb_build_object(
          'id', 'L' || n,
          'email', (ARRAY['jean.dupont','a.smith','info','mkt','sam'])[1 + n % 5] || n || '@' ||
                   (ARRAY['acme.example','gmail.com','northwind.example','mailinator.com','contoso.example','yahoo.fr'])[1 + n % 6],
          'first_name', (ARRAY['Jean','ada','Élodie','Xqzvkw','Sam','Li'])[1 + n % 6],
          'last_name', (ARRAY['Dupont','Lovelace','Martin','Asdf','Nguyen'])[1 + n % 5],
          'company', (ARRAY['Acme','Northwind Analytics GmbH','Contoso Ltd','qwerty','Globex'])[1 + n % 5],
          'job_title', (ARRAY['VP Sales','Marketing Manager','Student','CTO','Analyst'])[1 + n % 5],
          'seniority', (ARRAY['c_level','vp','director','manager','individual_contributor','student','other'])[1 + n % 7],
          'department', (ARRAY['executive','sales','marketing','operations','it','engineering','finance','hr','other'])[1 + n % 9],
          'company_size', (n * 7919) % 20000,
          'industry', (ARRAY['software','it_services','finance','healthcare','manufacturing','retail','education','government','agency','other'])[1 + n % 10],
          'country', (ARRAY['FR','US','DE','GB','AU','BR','IN','JP'])[1 + n % 8],
          'annual_revenue', (n * 104729) % 100000000,
          'phone', '+33 6 ' || lpad(((n * 31) % 100000000)::text, 8, '0')) AS doc
        FROM generate_series(1::bigint, ${leads}) n) s;
      CREATE TABLE events AS
      SELECT n AS lead_id, at, jsonb_build_object('type', type, 'at', to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) AS doc
      FROM (SELECT n, k,
              timestamptz '2026-11-23 09:30:00+00' - make_interval(hours => (n * 13 + k * 37) % 2000) AS at,
              (ARRAY['page_view','page_view','pricing_page_view','email_open','email_click','ebook_download','webinar_attended','demo_request','unsubscribe'])[1 + (n + k * 5) % 9] AS type
            FROM generate_series(1, ${eventLeads}) n, generate_series(1, 20) k) e;
      CREATE INDEX ON events (lead_id);
      CREATE TABLE scoring_models AS SELECT 'default' AS name, '${model}'::jsonb AS model, '${model}'::text AS model_text;
      CREATE TABLE lead_events AS SELECT lead_id, array_agg(doc ORDER BY at) AS events FROM events GROUP BY lead_id;
      VACUUM ANALYZE lead_events;
      VACUUM ANALYZE leads; VACUUM ANALYZE events;`));
    out.push({ what: `load ${leads.toLocaleString('en-US')} leads and ${(eventLeads * 20).toLocaleString('en-US')} events (generate_series, not scored)`, seconds: load });

    pg.rows(`SELECT sum(length(doc_text)) FROM leads; SELECT count(*) FROM events;`);  // warm-up: pages in shared buffers
    const time = (label, sql, rows = leads) => {
      const s = median(Array.from({ length: RUNS }, () => seconds(() => pg.rows(sql))));
      out.push({ what: label, seconds: s, perRow: (s / rows) * 1e6 });
      process.stderr.write(`bench-postgres: ${label}: ${s.toFixed(2)} s\n`);
    };
    // The floor: reading every row and its document, no scoring.
    time('scan only: sum(length(doc_text))', `${serial} SELECT sum(length(doc_text)) FROM leads;`);
    time('scan only: jsonb to text, sum(length(doc::text))', `${serial} SELECT sum(length(doc::text)) FROM leads;`);
    // The model comes from a table through a scalar subquery: evaluated once (an InitPlan) and
    // handed to the parallel workers as a parameter (docs/postgres.md).
    const m = "(SELECT model FROM scoring_models WHERE name = 'default')";
    const mt = "(SELECT model_text FROM scoring_models WHERE name = 'default')";
    const aggregated = '(SELECT lead_id, array_agg(doc ORDER BY at) AS events FROM events GROUP BY lead_id)';
    for (const [mode, settings] of [['serial', serial], ['2 workers', parallel]]) {
      time(`score_value(model, doc) >= 50 (jsonb), ${mode}`,
        `${settings} SELECT count(*) FILTER (WHERE leadscore.score_value(${m}, doc, '${NOW}') >= 50) FROM leads;`);
      time(`score(model_text, doc_text, summary) (text), ${mode}`,
        `${settings} SELECT sum(length(leadscore.score(${mt}, doc_text, '${NOW}', NULL, 'summary'))) FROM leads;`);
      time(`score(model_text, doc_text) explain (text), ${mode}`,
        `${settings} SELECT sum(length(leadscore.score(${mt}, doc_text, '${NOW}'))) FROM leads;`);
      time(`score(model, doc, summary) returning jsonb, ->>'score', ${mode}`,
        `${settings} SELECT sum((leadscore.score(${m}, doc, '${NOW}', NULL, 'summary')->>'score')::int) FROM leads;`);
      time(`${eventLeads.toLocaleString('en-US')} leads with 20 events each, array_agg(... ORDER BY at) joined, summary, ${mode}`,
        `${settings} SELECT sum((leadscore.score(${m}, l.doc, '${NOW}', e.events, 'summary')->>'score')::int)
           FROM leads l JOIN ${aggregated} e ON e.lead_id = l.id;`, eventLeads);
      time(`the same from a table of events aggregated beforehand (lead_events), ${mode}`,
        `${settings} SELECT sum((leadscore.score(${m}, l.doc, '${NOW}', e.events, 'summary')->>'score')::int)
           FROM leads l JOIN lead_events e ON e.lead_id = l.id;`, eventLeads);
    }
    const plan = pg.rows(`${parallel} EXPLAIN (COSTS OFF, VERBOSE)
      SELECT l.id, leadscore.score(${m}, l.doc, '${NOW}', e.events, 'summary') FROM leads l JOIN ${aggregated} e ON e.lead_id = l.id;`).join('\n');

    // The alternative: COPY out, the CLI, COPY back in.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'leadscore-bench-pg-'));
    fs.chmodSync(dir, 0o777);
    const exported = path.join(dir, 'leads.jsonl');
    const scored = path.join(dir, 'scored.jsonl');
    const exportSeconds = seconds(() => pg.rows(`\\copy (SELECT doc_text FROM leads ORDER BY id) TO '${exported}' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`));
    const cli = (jobs) => seconds(() => {
      const r = spawnSync('sh', ['-c', `"${cliPath}" score --now ${NOW} --detail summary --jobs ${jobs} "${exported}" > "${scored}"`]);
      if (r.status !== 0) throw new Error(`CLI failed: ${r.stderr}`);
    });
    const cli1 = median(Array.from({ length: RUNS }, () => cli(1)));
    const cli2 = median(Array.from({ length: RUNS }, () => cli(2)));
    const importSeconds = seconds(() => pg.rows(`CREATE TABLE scored (line text);
      \\copy scored FROM '${scored}' WITH (FORMAT csv, QUOTE E'\\x01', DELIMITER E'\\x02')`));
    out.push({ what: 'export: COPY leads TO a JSONL file', seconds: exportSeconds, perRow: (exportSeconds / leads) * 1e6 });
    out.push({ what: 'native CLI, summary, --jobs 1', seconds: cli1, perRow: (cli1 / leads) * 1e6 });
    out.push({ what: 'native CLI, summary, --jobs 2', seconds: cli2, perRow: (cli2 / leads) * 1e6 });
    out.push({ what: 'import: COPY the results into a table', seconds: importSeconds, perRow: (importSeconds / leads) * 1e6 });
    out.push({ what: '**export + CLI --jobs 2 + import**', seconds: exportSeconds + cli2 + importSeconds,
      perRow: ((exportSeconds + cli2 + importSeconds) / leads) * 1e6 });
    fs.rmSync(dir, { recursive: true, force: true });
    report(out, plan);
  } finally {
    pg.stop();
  }
}

function report(rows, plan) {
  const lines = [`${leads.toLocaleString('en-US')} leads (default model, \`now\` fixed), PostgreSQL 15 from Debian, `
    + `${os.cpus().length} cores; wall time of each query through psql (${RUNS === 1 ? 'one run' : `median of ${RUNS} runs`}):`, '',
    '| query | seconds | µs per row |', '|---|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.what} | ${r.seconds.toFixed(2)} | ${r.perRow === undefined ? '' : r.perRow.toFixed(2)} |`);
  lines.push('', 'The plan of the events query with 2 workers (EXPLAIN VERBOSE): the scores are computed in the workers, below the Gather:', '', '```', plan, '```');
  const text = lines.join('\n');
  console.log(text);
  if (!write) return;
  const doc = path.join(root, 'docs/benchmarks.md');
  const start = '<!-- bench-postgres:start -->';
  const end = '<!-- bench-postgres:end -->';
  const current = fs.readFileSync(doc, 'utf8');
  const a = current.indexOf(start);
  const b = current.indexOf(end);
  if (a < 0 || b < 0) throw new Error(`docs/benchmarks.md has no ${start} ... ${end} block`);
  fs.writeFileSync(doc, `${current.slice(0, a + start.length)}\n${text}\n${current.slice(b)}`);
}

main();
