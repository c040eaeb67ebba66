// `leadscore score --events`: the join of an events file to the leads by lead id, run as a user
// would. Sorted inputs stream (merge join); unsorted ones fall back to an in-memory index with the
// same output; a pipe that is not sorted stops with a clear error. Unmatched and broken events
// lines are reported by line number. Binary: build/native/bindings/cli/leadscore, or $LEADSCORE_CLI.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const cli = process.env.LEADSCORE_CLI || join(root, 'build/native/bindings/cli/leadscore');
const fixture = (name) => join(root, 'tests/fixtures/cli', name);
const MODEL = fixture('events-model.json');
const NOW = '2026-11-23T09:30:00Z';
const LEADS = fixture('events-leads.csv');
const skip = existsSync(cli) ? false : `CLI binary not built: ${cli}`;

function run(args, input) {
  const r = spawnSync(cli, args, { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.error) throw r.error;
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const scoreWith = (events, leads = LEADS, ...extra) =>
  run(['score', '--model', MODEL, '--now', NOW, '--events', events, ...extra, leads]);
const jsonLines = (stdout) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));
// events-leads.csv holds A1, A2, A3, A5 on lines 2..5. Result text per lead id: what must not
// depend on how the files were joined.
const leadOfLine = { 2: 'A1', 3: 'A2', 4: 'A3', 5: 'A5' };
const resultsById = (stdout) =>
  Object.fromEntries(jsonLines(stdout).map((l) => [leadOfLine[l.record.line], JSON.stringify(l.result)]));
const NOTE = /note: .*not sorted.*loaded into memory/;

function withTempDir(fn) {
  const dir = mkdtempSync(join(tmpdir(), 'leadscore-events-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('sorted files: merge join, event_lines in the envelope, unmatched events reported', { skip }, () => {
  const r = scoreWith(fixture('events.csv'));
  assert.equal(r.code, 0, r.stderr);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => l.record), [
    { event_lines: [3, 4, 5], line: 2 },
    { event_lines: [], line: 3 },
    { event_lines: [6, 7], line: 4 },
    { event_lines: [9, 10], line: 5 },
  ]);
  assert.deepEqual(lines.map((l) => [l.result.fit.points, l.result.engagement.points, l.result.score]), [
    [10, 15, 83],
    [0, 0, 0],
    [4, 1, 17],
    [6, 5, 37],
  ]);
  assert.deepEqual(lines.map((l) => l.result.last_activity), [
    '2026-11-22T16:00:00Z', null, '2026-11-10T08:00:00Z', '2026-11-14T08:00:00Z',
  ]);
  // A0 (before the first lead), A4 (between leads) and B9 (after the last) have no lead.
  assert.match(r.stderr, /events\.csv: 3 events name lead ids not in the leads input \(lines 2, 8, 11\)/);
  assert.doesNotMatch(r.stderr, NOTE);
});

function assertSortedKeys(value) {
  if (Array.isArray(value)) return value.forEach(assertSortedKeys);
  if (value === null || typeof value !== 'object') return undefined;
  const keys = Object.keys(value);
  assert.deepEqual(keys, [...keys].sort());
  return keys.forEach((k) => assertSortedKeys(value[k]));
}

test('the envelope stays canonical with event_lines: sorted keys, result last', { skip }, () => {
  const r = scoreWith(fixture('events.csv'));
  for (const line of r.stdout.trimEnd().split('\n')) {
    assert.match(line, /^\{"record":\{"event_lines":\[[\d,]*\],"line":\d+\},"result":\{/);
    assertSortedKeys(JSON.parse(line));
    // What tests/js/support.mjs cuts out as the result text is the whole result.
    const result = line.slice(line.indexOf('"result":') + '"result":'.length, -1);
    assert.deepEqual(JSON.parse(result), JSON.parse(line).result);
  }
});

test('unsorted events file: same results as the merge join, one note', { skip }, () => {
  const sorted = scoreWith(fixture('events.csv'));
  const unsorted = scoreWith(fixture('events-unsorted.csv'));
  assert.equal(unsorted.code, 0, unsorted.stderr);
  assert.deepEqual(resultsById(unsorted.stdout), resultsById(sorted.stdout));
  assert.deepEqual(jsonLines(unsorted.stdout).map((l) => l.record), [
    { event_lines: [2, 7, 10], line: 2 },
    { event_lines: [], line: 3 },
    { event_lines: [5, 9], line: 4 },
    { event_lines: [3, 8], line: 5 },
  ]);
  assert.equal(unsorted.stderr.match(new RegExp(NOTE, 'g')).length, 1);
  assert.match(unsorted.stderr, /3 events name lead ids not in the leads input \(lines 4, 6, 11\)/);
});

test('unsorted leads: same result per lead, in input order, one note', { skip }, () => {
  const sorted = scoreWith(fixture('events.csv'));
  const r = scoreWith(fixture('events.csv'), fixture('events-leads-unsorted.csv'), '--format', 'csv');
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr.match(new RegExp(NOTE, 'g')).length, 1);
  assert.match(r.stderr, /A1 comes after A3/);
  const rows = r.stdout.trimEnd().split('\n').map((l) => l.split(','));
  assert.deepEqual(rows.map((row) => [row[1], row[8], row[9]]), [
    ['id', 'fit_points', 'engagement_points'],
    ['A3', '4', '1'],
    ['A1', '10', '15'],
    ['A5', '6', '5'],
    ['A2', '0', '0'],
  ]);
  const jsonl = scoreWith(fixture('events.csv'), fixture('events-leads-unsorted.csv'));
  const byId = Object.fromEntries(
    jsonLines(jsonl.stdout).map((l, i) => [['A3', 'A1', 'A5', 'A2'][i], JSON.stringify(l.result)]),
  );
  assert.deepEqual(byId, resultsById(sorted.stdout));
  // Unmatched events are the same whichever way the join ran.
  assert.match(r.stderr, /3 events name lead ids not in the leads input \(lines 2, 8, 11\)/);
});

test('CSV and JSONL events give identical results', { skip }, () => {
  const csv = scoreWith(fixture('events.csv'));
  const jsonl = scoreWith(fixture('events.jsonl'));
  assert.equal(jsonl.code, 0, jsonl.stderr);
  assert.deepEqual(resultsById(jsonl.stdout), resultsById(csv.stdout));
  // The JSONL file has no header: each event is one line earlier.
  const shifted = jsonLines(csv.stdout).map((l) => l.record.event_lines.map((n) => n - 1));
  assert.deepEqual(jsonLines(jsonl.stdout).map((l) => l.record.event_lines), shifted);
  // The format is sniffed without a telling extension, and can be forced.
  withTempDir((dir) => {
    writeFileSync(join(dir, 'events.txt'), readFileSync(fixture('events.jsonl')));
    const sniffed = scoreWith(join(dir, 'events.txt'));
    assert.equal(sniffed.stdout, jsonl.stdout);
    const forced = scoreWith(join(dir, 'events.txt'), LEADS, '--events-format', 'jsonl');
    assert.equal(forced.stdout, jsonl.stdout);
  });
});

test('events on stdin (sorted) stream like a file', { skip }, () => {
  const file = scoreWith(fixture('events.csv'));
  const r = run(['score', '--model', MODEL, '--now', NOW, '--events', '-', LEADS], readFileSync(fixture('events.csv')));
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, file.stdout);
  assert.match(r.stderr, /events on stdin: 3 events name lead ids/);
});

test('unsorted events through a pipe: a clear error telling to sort', { skip }, () => {
  const r = run(
    ['score', '--model', MODEL, '--now', NOW, '--events', '-', LEADS],
    readFileSync(fixture('events-unsorted.csv')),
  );
  assert.equal(r.code, 2);
  assert.match(r.stderr, /events on stdin: the events file is not sorted by lead id \(line 4 /);
  assert.match(r.stderr, /cannot be read a second time.*sort both inputs by lead id.*LC_ALL=C sort/);
  assert.match(r.stderr, /\(events_not_sorted\)/);
  // Sorted events, unsorted leads: the pipe cannot be re-read either.
  const leads = run(
    ['score', '--model', MODEL, '--now', NOW, '--events', '-', fixture('events-leads-unsorted.csv')],
    readFileSync(fixture('events.csv')),
  );
  assert.equal(leads.code, 2);
  assert.match(leads.stderr, /the leads are not sorted by lead id \(A1 comes after A3\).*events_not_sorted/);
});

test('--unmatched-events writes the unmatched events with their lines, whatever the join', { skip }, () => {
  withTempDir((dir) => {
    const out = join(dir, 'unmatched.jsonl');
    const expected = [
      { event: { at: '2026-11-01T10:00:00Z', props: { url: '/blog' }, type: 'page_view' }, lead_id: 'A0', line: 2 },
      { event: { at: '2026-11-12T08:00:00Z', props: { url: '/pricing' }, type: 'page_view' }, lead_id: 'A4', line: 8 },
      { event: { at: '2026-11-15T08:00:00Z', type: 'demo_request' }, lead_id: 'B9', line: 11 },
    ];
    for (const leads of [LEADS, fixture('events-leads-unsorted.csv')]) {
      const r = scoreWith(fixture('events.csv'), leads, '--unmatched-events', out);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stderr, new RegExp(`written to ${out.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`));
      assert.deepEqual(jsonLines(readFileSync(out, 'utf8')), expected);
    }
  });
});

test('more than 20 unmatched events: the first 20 lines, then "and N more"', { skip }, () => {
  withTempDir((dir) => {
    const rows = ['lead_id,type,at'];
    for (let i = 0; i < 25; i++) rows.push(`Z${String(i).padStart(2, '0')},page_view,2026-11-01T10:00:00Z`);
    writeFileSync(join(dir, 'events.csv'), rows.join('\n') + '\n');
    const r = scoreWith(join(dir, 'events.csv'));
    assert.equal(r.code, 0, r.stderr);
    const lines = Array.from({ length: 20 }, (_, i) => i + 2).join(', ');
    assert.match(r.stderr, new RegExp(`25 events name lead ids not in the leads input \\(lines ${lines} and 5 more\\)`));
  });
});

test('broken CSV events lines are reported by line, exit 1, the rest is scored', { skip }, () => {
  const r = scoreWith(fixture('events-broken.csv'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /events-broken\.csv: Line 3 has 3 cells but the header has 4.*\(csv_ragged_row\)/);
  assert.match(r.stderr, /events-broken\.csv: Line 4 has no lead_id.*\(event_lead_id_missing\)/);
  assert.match(r.stderr, /2 broken events lines were skipped \(lines 3, 4\)/);
  const lines = jsonLines(r.stdout);
  assert.equal(lines.length, 4);
  assert.deepEqual(lines.map((l) => l.record.event_lines), [[2], [], [5], [6]]);
  assert.deepEqual(lines.map((l) => l.result.engagement.points), [4, 0, 0, 10]);
});

test('broken JSONL events lines are reported by line, exit 1, the rest is scored', { skip }, () => {
  const r = scoreWith(fixture('events-broken.jsonl'));
  assert.equal(r.code, 1);
  for (const [line, code] of [[2, 'json_syntax'], [3, 'event_not_object'], [4, 'event_lead_id_missing'], [5, 'event_lead_id_missing']]) {
    assert.match(r.stderr, new RegExp(`events-broken\\.jsonl: Line ${line}\\b.*\\(${code}\\)`));
  }
  assert.match(r.stderr, /4 broken events lines were skipped \(lines 2, 3, 4, 5\)/);
  assert.doesNotMatch(r.stderr, /page_view|2026-11/, 'messages never echo event values');
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => l.record.event_lines), [[1], [], [7], [8]]);
});

test('an event time without an offset is rejected (event_invalid), never assumed UTC', { skip }, () => {
  const r = scoreWith(fixture('events-broken.csv'));
  const a3 = jsonLines(r.stdout)[2];
  assert.deepEqual(a3.record, { event_lines: [5], line: 4 });
  assert.deepEqual(a3.result.warnings.map((w) => [w.code, w.path]), [['event_invalid', '/events/0/at']]);
  assert.equal(a3.result.engagement.events.invalid, 1);
  assert.equal(a3.result.last_activity, null);
});

test('leads without an id are error records (lead_id_missing), one line each', { skip }, () => {
  const r = scoreWith(fixture('events.csv'), fixture('events-leads-no-id.jsonl'));
  assert.equal(r.code, 1);
  const lines = jsonLines(r.stdout);
  assert.deepEqual(lines.map((l) => [l.record.line, l.error?.code ?? l.result.engagement.points]), [
    [1, 15],
    [2, 'lead_id_missing'],
    [3, 1],
    [4, 'lead_id_missing'],
    [5, 5],
  ]);
  assert.equal(lines[1].error.path, '/id');
  assert.ok(!lines[1].error.message.includes('example.com'));
});

test('numeric lead ids match as text, repeated lead ids get the same events', { skip }, () => {
  withTempDir((dir) => {
    writeFileSync(join(dir, 'leads.jsonl'), '{"lead_id":7}\n{"id":"7"}\n{"id":8}\n');
    writeFileSync(join(dir, 'events.jsonl'), '{"lead_id":7,"type":"page_view","at":"2026-11-20T09:15:00Z"}\n');
    writeFileSync(join(dir, 'events.csv'), 'lead_id,type,at\n7,page_view,2026-11-20T09:15:00Z\n');
    for (const events of ['events.jsonl', 'events.csv']) {
      const r = scoreWith(join(dir, events), join(dir, 'leads.jsonl'));
      assert.equal(r.code, 0, r.stderr);
      assert.deepEqual(jsonLines(r.stdout).map((l) => l.result.engagement.points), [1, 1, 0]);
    }
  });
});

test('more than 100,000 events for one lead: too_many_events for it, the next lead is fine', { skip }, () => {
  withTempDir((dir) => {
    const rows = ['lead_id,type,at'];
    for (let i = 0; i < 100_001; i++) rows.push('A1,page_view,2026-11-20T09:15:00Z');
    rows.push('A2,page_view,2026-11-20T09:15:00Z', 'A2,demo_request,2026-11-21T09:15:00Z');
    writeFileSync(join(dir, 'events.csv'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'leads.csv'), 'id,size\nA1,500\nA2,5\n');
    writeFileSync(join(dir, 'leads-unsorted.csv'), 'id,size\nA2,5\nA1,500\n');
    // Streaming (sorted) and in-memory (unsorted leads) give the same answer.
    for (const [leads, a1, a2] of [['leads.csv', 0, 1], ['leads-unsorted.csv', 1, 0]]) {
      const r = scoreWith(join(dir, 'events.csv'), join(dir, leads));
      assert.equal(r.code, 1, r.stderr);
      const lines = jsonLines(r.stdout);
      assert.equal(lines.length, 2);
      assert.deepEqual(lines[a1].error, {
        code: 'too_many_events',
        message: lines[a1].error.message,
        path: '/events',
      });
      assert.deepEqual(lines[a2].record.event_lines, [100_003, 100_004]);
      assert.equal(lines[a2].result.engagement.points, 11);
      assert.doesNotMatch(r.stderr, /not in the leads input/);
    }
  });
});

test('an empty events file scores the leads without events, with a note', { skip }, () => {
  withTempDir((dir) => {
    for (const name of ['events.csv', 'events.jsonl']) {
      writeFileSync(join(dir, name), '');
      const r = scoreWith(join(dir, name));
      assert.equal(r.code, 0, r.stderr);
      assert.equal(jsonLines(r.stdout).length, 4);
      assert.match(r.stderr, /the events file is empty/);
    }
  });
});

test('events usage and file errors', { skip }, () => {
  const base = ['score', '--model', MODEL, '--now', NOW];
  assert.equal(run([...base, '--events-format', 'csv', LEADS]).code, 2, '--events-format needs --events');
  assert.equal(run([...base, '--unmatched-events', '/tmp/x.jsonl', LEADS]).code, 2);
  assert.equal(run([...base, '--events', fixture('events.csv'), '--events-format', 'xml', LEADS]).code, 2);
  const both = run([...base, '--events', '-', '-'], '');
  assert.equal(both.code, 2);
  assert.match(both.stderr, /stdin can be the leads or the events, not both/);
  const missing = scoreWith(fixture('no-such-events.csv'));
  assert.equal(missing.code, 3);
  assert.equal(missing.stdout, '');
  assert.match(missing.stderr, /cannot open the events file/);
  assert.equal(scoreWith(fixture('.')).code, 3, 'a directory is not an events file');
  const columns = scoreWith(fixture('leads.csv'), LEADS, '--events-format', 'csv');
  assert.equal(columns.code, 1);
  assert.equal(columns.stdout, '');
  assert.match(columns.stderr, /needs the columns lead_id, type and at \(missing: lead_id, type, at\).*events_columns_missing/);
  const device = scoreWith(fixture('events.csv'), LEADS, '--unmatched-events', '/dev/null');
  assert.equal(device.code, 2);
  assert.match(device.stderr, /--unmatched-events must name a regular file/);
});

test('help documents --events, sorting and offsets', { skip }, () => {
  const r = run(['help', 'score']);
  assert.equal(r.code, 0);
  for (const text of ['--events', '--unmatched-events', 'sorted', 'loaded into memory', 'offset', 'event_lines', 'fit_points']) {
    assert.ok(r.stdout.includes(text), `help mentions ${text}`);
  }
});

test('the README example: examples/events.csv joins every example lead, and decay lowers engagement ten weeks later', () => {
  const run = (now) => spawnSync(cli, ['score', '--model', join(root, 'examples/models/default.json'), '--now', now,
    '--events', join(root, 'examples/events.csv'), '--format', 'csv', join(root, 'examples/leads.csv')], { encoding: 'utf8' });
  const engagement = (r) => {
    const rows = r.stdout.trimEnd().split('\n');
    const header = rows[0].split(',');
    const column = header.indexOf('engagement_points');
    // Counted from the end: the columns after `id` never hold a quoted comma.
    return rows.slice(1).map((row) => Number(row.split(',').at(column - header.length)));
  };
  const now = run('2026-11-23T10:00:00Z');
  const later = run('2027-02-01T10:00:00Z');
  for (const r of [now, later]) {
    assert.equal(r.stderr.includes('events_unmatched'), false, r.stderr);
    assert.equal(r.stdout.trimEnd().split('\n').length, 41);
  }
  const a = engagement(now), b = engagement(later);
  assert.ok(a.filter((x) => x > 0).length >= 20, `leads with engagement: ${a}`);
  assert.ok(a.every((x, i) => b[i] <= x || x < 0), `engagement never grows without new events: ${a} / ${b}`);
  assert.ok(b.reduce((s, x) => s + x, 0) < a.reduce((s, x) => s + x, 0) / 2);
});

test('the sortedness pass reads each JSON line\'s lead_id as the join does, without building it', { skip }, () => {
  withTempDir((dir) => {
    const deep = `{"lead_id":"Z9","type":"page_view","at":"2026-11-20T10:00:00Z","props":${'['.repeat(200)}${']'.repeat(200)}}`;
    const ev = (id, extra = '') => `{"lead_id":${id},"type":"page_view","at":"2026-11-20T10:00:00Z"${extra}}`;
    // Sorted by the ids the join reads: a repeated key counts its last value, a lead_id nested in
    // props is not the event's, and broken lines (deep, not JSON, not an object, no usable id)
    // count for nothing, whatever id they seem to carry.
    const lines = [
      ev('"A1"'),
      `{"lead_id":"Z0","lead_id":"A1","type":"page_view","at":"2026-11-20T11:00:00Z"}`,
      ev('"A1"', ',"props":{"lead_id":"Z1"}'),
      deep,
      '{"lead_id":"Z2",',
      '["Z3"]',
      ev('{"id":"Z4"}'),
      ev('""'),
      ev('"A2"'),
      ev('"A3"', ',"props":{"n":1.5e3,"list":[1,"x",{"lead_id":"Z5"}]}'),
      ev('"A5"'),
    ];
    const events = join(dir, 'events.jsonl');
    writeFileSync(events, `${lines.join('\n')}\n`);
    const r = scoreWith(events);
    assert.equal(r.code, 1, r.stderr); // broken events lines are record errors
    assert.doesNotMatch(r.stderr, NOTE); // sorted: merge join, no fallback
    const out = jsonLines(r.stdout);
    assert.deepEqual(out.map((l) => l.record.event_lines), [[1, 2, 3], [9], [10], [11]]);
    // A file whose order breaks only through a repeated key's last value falls back.
    writeFileSync(events, `${[ev('"A2"'), `{"lead_id":"A3","lead_id":"A1","type":"x","at":"2026-11-20T11:00:00Z"}`].join('\n')}\n`);
    assert.match(scoreWith(events).stderr, NOTE);
    // So does one whose later key is spelled with an escape, before any lead is written: the
    // quick read of the usual `{"lead_id":"..."` shape must not take A0 for this line's id (it
    // is A3), or A1 would be written without its event before the join noticed.
    writeFileSync(events, `${[`{"lead_id":"A0","type":"page_view","at":"2026-11-20T11:00:00Z","lead\\u005fid":"A3"}`, ev('"A1"')].join('\n')}\n`);
    const escaped = scoreWith(events);
    assert.match(escaped.stderr, NOTE);
    assert.deepEqual(jsonLines(escaped.stdout).map((l) => l.record.event_lines), [[2], [], [1], []]);
    // And one whose order breaks at a line of the usual shape.
    writeFileSync(events, `${[ev('"A3"'), ev('"A1"')].join('\n')}\n`);
    assert.match(scoreWith(events).stderr, NOTE);
  });
});
