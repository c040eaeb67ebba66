// `leadscore score|check --jobs N`: records are read in batches, processed on N threads and written
// in input order (bindings/cli/batch_runner.h). Whatever N, the stdout bytes, stderr and exit code
// must be those of --jobs 1: with broken records in the middle, CSV and JSONL in and out, events
// sorted (merge join), unsorted (in-memory fall-back), on a pipe that stops the run, and on inputs
// sized around the batch. Binary: build/native/bindings/cli/leadscore, or $LEADSCORE_CLI.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeRandom } from './random.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.LEADSCORE_CLI || join(root, 'build/native/bindings/cli/leadscore');
const MODEL = join(root, 'examples/models/default.json');
const NOW = '2026-11-23T09:30:00Z';
const NOW_MS = Date.parse(NOW);
const skip = existsSync(cli) ? false : `CLI binary not built: ${cli}`;
// The records per batch, read from the source so that the boundary tests follow it.
const BATCH = Number(/kBatchRecords = (\d+)/.exec(readFileSync(join(root, 'bindings/cli/batch_runner.h'), 'utf8'))[1]);
// --jobs 1 first: it is the reference. [] is the default (the machine's cores).
const JOBS = [['--jobs', '1'], ['--jobs', '2'], ['--jobs', '3'], []];
const TEMPLATES = readFileSync(join(root, 'examples/leads.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
const FIELDS = JSON.parse(readFileSync(MODEL, 'utf8')).fields.map((f) => f.name);
const EVENT_TYPES = ['page_view', 'email_open', 'email_click', 'ebook_download', 'webinar_attended', 'demo_request', 'newsletter_signup'];
const BAD_UTF8 = Buffer.from([0xc3, 0x28]);

const dir = mkdtempSync(join(tmpdir(), 'leadscore-jobs-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name, content) => {
  writeFileSync(join(dir, name), content);
  return join(dir, name);
};

// `input`: bytes for stdin, or { path } to give stdin that file (the CLI still takes "-" for a
// stream it cannot re-read, and a run that stops early cannot fail to take all of a pipe's bytes).
function run(args, input, outFile) {
  const fd = input?.path ? openSync(input.path, 'r') : undefined;
  const r = spawnSync(cli, args, fd === undefined ? { input, maxBuffer: 1 << 30 } : { stdio: [fd, 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  if (fd !== undefined) closeSync(fd);
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.toString('utf8'), out: outFile && readFileSync(outFile, 'utf8') };
}

/**
 * Runs `args` once per JOBS setting (the jobs flags right after the command) and asserts that
 * stdout (bytes), stderr, the exit code and `outFile` (if any) are those of --jobs 1. Returns that
 * run, with stdout as text.
 */
function sameForAllJobs(args, { input, outFile } = {}) {
  const [command, ...rest] = args;
  const runs = JOBS.map((jobs) => ({ jobs, r: run([command, ...jobs, ...rest], input, outFile) }));
  const reference = runs[0].r;
  for (const { jobs, r } of runs.slice(1)) {
    const label = jobs.length ? jobs.join(' ') : 'the default --jobs';
    assert.equal(r.code, reference.code, `${label}: exit code`);
    assert.equal(r.stderr, reference.stderr, `${label}: stderr`);
    assert.ok(r.stdout.equals(reference.stdout), `${label}: stdout differs from --jobs 1 (${r.stdout.length} vs ${reference.stdout.length} bytes)`);
    assert.equal(r.out, reference.out, `${label}: ${outFile}`);
  }
  return { ...reference, stdout: reference.stdout.toString('utf8') };
}

const id = (i) => `J${String(i).padStart(5, '0')}`;

/**
 * `n` leads from the example leads, ids ascending (J00000, J00001...), a few without an id. Every
 * `brokenEvery`-th record (from the middle of the first batch on) is broken instead. Returns the
 * entries {id?, lead} or {broken: kind}.
 */
function makeEntries(n, { seed = 7, brokenEvery = 0 } = {}) {
  const rnd = makeRandom(seed);
  return Array.from({ length: n }, (_, i) => {
    if (brokenEvery && i % brokenEvery === Math.min(200, brokenEvery - 1)) {
      return { broken: ['syntax', 'utf8', 'shape'][Math.floor(i / brokenEvery) % 3] };
    }
    const lead = { ...rnd.pick(TEMPLATES), company_size: rnd.int(1, 20000), signup_date: `2026-${String(rnd.int(1, 11)).padStart(2, '0')}-15` };
    if (rnd.chance(0.3)) lead.email = `Person.${i}@${rnd.pick(['gmial.com', 'example.com', 'mailinator.com', 'acme.example'])}`;
    if (i % 97 === 13) {
      delete lead.id;  // lead_id_missing with --events
      return { lead };
    }
    lead.id = id(i);
    return { id: lead.id, lead };
  });
}

/** JSON lines; returns {input, lines: [line number of each record]}. */
function toJsonl(entries) {
  const parts = entries.map((e) => {
    if (!e.broken) return Buffer.from(`${JSON.stringify(e.lead)}\n`);
    if (e.broken === 'syntax') return Buffer.from('{"id": "broken", "email":\n');
    if (e.broken === 'utf8') return Buffer.concat([Buffer.from('{"id": "bad-utf8", "company": "'), BAD_UTF8, Buffer.from('"}\n')]);
    return Buffer.from('[1, 2]\n');  // valid JSON, not a lead: the core's lead_not_object
  });
  return { input: Buffer.concat(parts), lines: entries.map((_, i) => i + 1) };
}

const csvCell = (v) => {
  const text = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** CSV with a header; a record may span lines (quoted line breaks). Returns {input, lines}. */
function toCsv(entries) {
  const columns = ['id', ...FIELDS];
  const parts = [Buffer.from(`${columns.join(',')}\n`)];
  const lines = [];
  let line = 2;
  entries.forEach((e, i) => {
    lines.push(line);
    let text;
    if (e.broken === 'syntax') text = 'broken,a@example.com,only three cells\n';  // ragged row
    else if (e.broken === 'utf8') {
      parts.push(Buffer.concat([Buffer.from('bad-utf8,b@example.com,'), BAD_UTF8, Buffer.from(`${',x'.repeat(columns.length - 3)}\n`)]));
      line += 1;
      return;
    } else if (e.broken === 'shape') text = `shape,c@example.com,"Multi\nline"${',x'.repeat(columns.length - 4)}\n`;  // ragged
    else {
      const lead = i % 50 === 7 ? { ...e.lead, job_title: 'Head of\nGrowth, "EMEA"' } : e.lead;
      text = `${columns.map((c) => csvCell(lead[c])).join(',')}\n`;
    }
    line += text.split('\n').length - 1;
    parts.push(Buffer.from(text));
  });
  return { input: Buffer.concat(parts), lines };
}

/** Events for the leads with ids (0 to 4 each), lead ids no lead has, and broken lines. */
function makeEvents(entries, seed = 11) {
  const rnd = makeRandom(seed);
  const events = [];
  entries.forEach((e, i) => {
    for (let k = e.id ? rnd.int(0, 4) : 0; k > 0; k--) {
      const type = rnd.pick(EVENT_TYPES);
      const at = new Date(NOW_MS - rnd.int(0, 80 * 86400) * 1000).toISOString().replace('.000Z', 'Z');
      events.push(type === 'page_view' ? { lead_id: e.id, type, at, props: { url: rnd.pick(['/pricing', '/blog', '/']) } } : { lead_id: e.id, type, at });
    }
    // J00005x sorts after J00005 and before J00006: an unmatched event in the middle of the join.
    if (i % 41 === 5) events.push({ lead_id: `${id(i)}x`, type: 'page_view', at: '2026-11-01T10:00:00Z' });
  });
  return events;
}

// Sorted JSON lines with a broken line now and then (reported on stderr, exit 1).
const eventsJsonl = (events) => events.map((e, i) => `${i % 300 === 150 ? '{"lead_id": "J\n' : ''}${JSON.stringify(e)}\n`).join('');
const eventsCsv = (events) =>
  `lead_id,type,at,url\n${events.map((e) => [e.lead_id, e.type, e.at, e.props?.url].map(csvCell).join(',')).join('\n')}\n`;

// The events with their leads in a random order; each lead's events keep theirs, so every lead
// gets the same events in the same order as from the sorted file.
function shuffledByLead(events, seed) {
  const groups = new Map();
  for (const e of events) groups.set(e.lead_id, [...(groups.get(e.lead_id) ?? []), e]);
  const rnd = makeRandom(seed);
  const out = [...groups.values()];
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out.flat();
}

const N = 3000;
const entries = makeEntries(N, { brokenEvery: 331 });
const brokenCount = entries.filter((e) => e.broken).length;
const jsonl = toJsonl(entries);
const csv = toCsv(entries);
const LEADS_JSONL = file('leads.jsonl', jsonl.input);
const LEADS_CSV = file('leads.csv', csv.input);
const events = makeEvents(entries);
const EVENTS_SORTED = file('events-sorted.jsonl', eventsJsonl(events));
const EVENTS_UNSORTED = file('events-unsorted.csv', eventsCsv(shuffledByLead(events, 3)));

// The record lines of an output, in output order, and the codes of its error records.
function jsonlRecords(stdout) {
  const lines = stdout.trimEnd().split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
  return { lines: lines.map((l) => l.record.line), errors: lines.filter((l) => l.error).map((l) => l.error.code) };
}
// CSV output: `empty` is the number of empty cells between the id and error_code of an error row
// (score 5, check 4). The row's first cell is the line; no output cell holds a line break here.
function csvRecords(stdout, empty) {
  const rows = stdout.trimEnd().split('\n').slice(1);
  const error = new RegExp(`^\\d+,[^,]*,{${empty + 1}}([a-z_0-9]+)(,|$)`);
  return {
    lines: rows.map((r) => Number(r.split(',')[0])),
    errors: rows.map((r) => error.exec(r)?.[1]).filter((c) => c !== undefined),
  };
}

test('score: JSONL and CSV in and out, broken records in the middle: identical for every --jobs', { skip }, () => {
  assert.ok(brokenCount >= 9 && N > 4 * BATCH, 'the input spans several batches, with broken records');
  const base = ['score', '--model', MODEL, '--now', NOW];
  for (const [input, expected] of [[LEADS_JSONL, jsonl], [LEADS_CSV, csv]]) {
    const out = sameForAllJobs([...base, input]);
    assert.equal(out.code, 1, out.stderr);  // the broken records
    const records = jsonlRecords(out.stdout);
    assert.deepEqual(records.lines, expected.lines, 'one output per input record, in input order');
    assert.equal(records.errors.length, brokenCount);
    const table = sameForAllJobs([...base, '--format', 'csv', input]);
    const rows = csvRecords(table.stdout, 5);
    assert.deepEqual(rows.lines, expected.lines);
    assert.equal(rows.errors.length, brokenCount);
  }
});

test('score --events: merge join, unmatched and broken events lines, identical for every --jobs', { skip }, () => {
  const unmatched = join(dir, 'unmatched.jsonl');
  const base = ['score', '--model', MODEL, '--now', NOW, '--unmatched-events', unmatched];
  const out = sameForAllJobs([...base, '--events', EVENTS_SORTED, LEADS_JSONL], { outFile: unmatched });
  assert.equal(out.code, 1);
  assert.doesNotMatch(out.stderr, /loaded into memory/);
  assert.match(out.stderr, /events name lead ids not in the leads input/);
  assert.match(out.stderr, /broken events lines were skipped/);
  assert.ok(out.out.split('\n').length > 50, 'unmatched events were written');
  const records = jsonlRecords(out.stdout);
  assert.deepEqual(records.lines, jsonl.lines);
  assert.ok(records.errors.includes('lead_id_missing'));
  const withEvents = out.stdout.split('\n').filter((l) => /"event_lines":\[\d/.test(l)).length;
  assert.ok(withEvents > N / 2, `leads scored with events: ${withEvents}`);
  // Leads at the batch edges, scored alone (no batching at all): the same result and event lines.
  const outLines = out.stdout.trimEnd().split('\n');
  for (const i of [0, BATCH - 1, BATCH, BATCH + 1, 2 * BATCH - 1, 2 * BATCH, N - 1]) {
    if (!entries[i].id) continue;
    const alone = run(['score', '--jobs', '1', '--model', MODEL, '--now', NOW, '--events', EVENTS_SORTED, file('alone.jsonl', toJsonl([entries[i]]).input)]);
    assert.equal(alone.stdout.toString().replace('"line":1}', `"line":${i + 1}}`), `${outLines[i]}\n`, `lead ${i} scored alone`);
  }
  // CSV leads and CSV output, same join.
  const table = sameForAllJobs([...base, '--events', EVENTS_SORTED, '--format', 'csv', LEADS_CSV], { outFile: unmatched });
  assert.deepEqual(csvRecords(table.stdout, 5).lines, csv.lines);
});

test('score --events, unsorted events file or leads: the in-memory fall-back, identical for every --jobs', { skip }, () => {
  const unmatched = join(dir, 'unmatched-memory.jsonl');
  const base = ['score', '--model', MODEL, '--now', NOW, '--unmatched-events', unmatched];
  const sorted = sameForAllJobs([...base, '--events', EVENTS_SORTED, LEADS_JSONL], { outFile: unmatched });
  const out = sameForAllJobs([...base, '--events', EVENTS_UNSORTED, LEADS_JSONL], { outFile: unmatched });
  assert.match(out.stderr, /not sorted.*loaded into memory/);
  // The CSV events file has its header on line 1, and shuffled lines: compare the results only.
  const results = (stdout) => stdout.trimEnd().split('\n').map((l) => l.replace(/"event_lines":\[[\d,]*\],/, ''));
  assert.deepEqual(results(out.stdout), results(sorted.stdout));
  // Leads out of order two batches in: streamed first, then the fall-back in the middle of the run.
  const swapped = [...entries];
  [swapped[2 * BATCH + 10], swapped[2 * BATCH + 11]] = [swapped[2 * BATCH + 11], swapped[2 * BATCH + 10]];
  const leads = file('leads-unsorted.jsonl', toJsonl(swapped).input);
  const late = sameForAllJobs([...base, '--events', EVENTS_SORTED, leads], { outFile: unmatched });
  assert.match(late.stderr, /the leads are not sorted by lead id.*loaded into memory/);
  assert.deepEqual(jsonlRecords(late.stdout).lines, jsonl.lines);
  assert.equal(late.out, sorted.out, 'the same unmatched events whichever way the join ran');
});

test('score --events - (a pipe) with leads out of order: the run stops at the same record for every --jobs', { skip }, () => {
  const at = 2 * BATCH + 10;
  const swapped = [...entries];
  [swapped[at], swapped[at + 1]] = [swapped[at + 1], swapped[at]];
  assert.ok(swapped[at].id && swapped[at + 1].id);
  const leads = file('leads-unsorted-pipe.jsonl', toJsonl(swapped).input);
  const out = sameForAllJobs(['score', '--model', MODEL, '--now', NOW, '--events', '-', leads], { input: { path: EVENTS_SORTED } });
  assert.equal(out.code, 2);
  assert.match(out.stderr, /events_not_sorted/);
  // Every record before the out-of-order one was written, none after.
  assert.deepEqual(jsonlRecords(out.stdout).lines, jsonl.lines.slice(0, at + 1));
});

test('check: JSONL and CSV in and out, broken records in the middle: identical for every --jobs', { skip }, () => {
  const base = ['check', '--model', MODEL, '--now', NOW];
  for (const [input, expected] of [[LEADS_JSONL, jsonl], [LEADS_CSV, csv]]) {
    const out = sameForAllJobs([...base, input]);
    assert.equal(out.code, 1);
    const records = jsonlRecords(out.stdout);
    assert.deepEqual(records.lines, expected.lines);
    assert.equal(records.errors.length, brokenCount);
    assert.match(out.stdout, /"email_typo"/);
    const table = sameForAllJobs([...base, '--format', 'csv', '--lang', 'fr', input]);
    const rows = csvRecords(table.stdout, 4);
    assert.deepEqual(rows.lines, expected.lines);
    assert.equal(rows.errors.length, brokenCount);
  }
});

test('inputs sized around the batch: 0, 1, one batch, one batch + 1, two batches + 1', { skip }, () => {
  for (const n of [1, BATCH - 1, BATCH, BATCH + 1, 2 * BATCH, 2 * BATCH + 1]) {
    const some = makeEntries(n, { seed: n });
    const leads = file(`leads-${n}.jsonl`, toJsonl(some).input);
    const evts = file(`events-${n}.jsonl`, eventsJsonl(makeEvents(some, n)));
    const scored = sameForAllJobs(['score', '--model', MODEL, '--now', NOW, '--events', evts, leads]);
    assert.deepEqual(jsonlRecords(scored.stdout).lines, some.map((_, i) => i + 1), `${n} leads`);
    const checked = sameForAllJobs(['check', '--model', MODEL, '--now', NOW, '--format', 'csv', leads]);
    assert.equal(checked.code, 0, checked.stderr);
    assert.equal(csvRecords(checked.stdout, 4).lines.length, n);
  }
  // No record: empty JSON lines are an error, a CSV header alone is a valid empty export.
  const empty = file('empty.jsonl', '');
  const header = file('header.csv', `id,${FIELDS.join(',')}\n`);
  for (const command of ['score', 'check']) {
    const none = sameForAllJobs([command, '--model', MODEL, '--now', NOW, empty]);
    assert.equal(none.code, 1);
    assert.equal(none.stdout, '');
    assert.match(none.stderr, /input_empty/);
    const headerOnly = sameForAllJobs([command, '--model', MODEL, '--now', NOW, '--format', 'csv', header]);
    assert.equal(headerOnly.code, 0);
    assert.equal(headerOnly.stdout.split('\n').length, 2, 'the CSV header only');
  }
  const fromStdin = sameForAllJobs(['score', '--model', MODEL, '--now', NOW, '-'], { input: jsonl.input });
  assert.deepEqual(jsonlRecords(fromStdin.stdout).lines, jsonl.lines);
});

test('--jobs must be a whole number from 1 to 256: usage error naming the flag', { skip }, () => {
  for (const command of ['score', 'check']) {
    for (const value of ['0', 'x', '', '-1', '2.5', '1e3', ' 2', '257', '99999999999999999999']) {
      const r = run([command, '--model', MODEL, '--now', NOW, `--jobs=${value}`, LEADS_JSONL]);
      assert.equal(r.code, 2, `${command} --jobs=${value}`);
      assert.equal(r.stdout.length, 0);
      assert.match(r.stderr, new RegExp(`^leadscore: ${command}: --jobs must be a whole number from 1 to 256`));
    }
    const twice = run([command, '--model', MODEL, '--jobs', '1', '--jobs', '2', LEADS_JSONL]);
    assert.equal(twice.code, 2);
    assert.match(twice.stderr, /option --jobs given twice/);
    const help = run(['help', command]);
    assert.match(help.stdout.toString(), new RegExp(`leadscore ${command} .*\\n.*\\[--jobs N\\]`));
    assert.match(help.stdout.toString(), new RegExp(`--jobs N +${command} on N threads \\(1 to 256\\); default: the machine's cores`));
  }
  const max = run(['score', '--model', MODEL, '--now', NOW, '--jobs', '256', file('one.jsonl', toJsonl(makeEntries(3)).input)]);
  assert.equal(max.code, 0, max.stderr);
  assert.equal(max.stdout.toString().trimEnd().split('\n').length, 3);
});
