// `leadscore score` on hostile CSV (issue 18 §1), run as a user would: a 64 MiB line of commas and
// an unterminated quote each cost their own record, with one output line per input record, in
// bounded memory (the run is held to 512 MiB of address space: holding every empty cell of that
// line took about 4 GB). Binary: build/native/bindings/cli/leadscore, or $LEADSCORE_CLI.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import test, { after } from 'node:test';

import { cliPath, tempDir } from './support.mjs';

const NOW = '2026-11-23T10:00:00Z';
const skip = existsSync(cliPath) ? false : `CLI binary not built: ${cliPath}`;
const dir = tempDir();
after(() => rmSync(dir, { recursive: true, force: true }));

// Runs the CLI under `ulimit -v` (KiB of address space), stdin from `input` when given.
function runBounded(args, { input, kib = 512 * 1024 } = {}) {
  const r = spawnSync('sh', ['-c', `ulimit -v ${kib} && exec "$0" "$@"`, cliPath, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: 120000,
  });
  if (r.error) throw r.error;
  return r;
}
const jsonLines = (stdout) => stdout.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l));

// id,email; L1; a line of 64 MiB of commas; L3 opens a quote it never closes; L4..L10.
function floodFile() {
  const path = join(dir, 'flood.csv');
  const fd = openSync(path, 'w');
  writeSync(fd, 'id,email\nL1,a1@acme.example\n');
  const commas = Buffer.alloc(1 << 20, ',');
  for (let i = 0; i < 64; i++) writeSync(fd, commas);
  writeSync(fd, '\nL3,"a3@acme.example\n');
  for (let i = 4; i <= 10; i++) writeSync(fd, `L${i},a${i}@acme.example\n`);
  closeSync(fd);
  return path;
}

function checkOnePerRecord(r) {
  assert.equal(r.status, 1, r.stderr); // some records were errors
  const lines = jsonLines(r.stdout);
  assert.deepEqual(
    lines.map((l) => l.record.line),
    [2, 3, 4, 5, 6, 7, 8, 9, 10, 11],
  );
  assert.equal(lines[1].error.code, 'csv_ragged_row');
  assert.match(lines[1].error.message, /^Line 3 has 67108865 cells but the header has 2 \(the first extra cell is column 3\)/);
  assert.equal(lines[2].error.code, 'csv_unterminated_quote');
  assert.match(lines[2].error.message, /^Line 4, column 2: the quoted field opened on line 4 is still open at the end of the input/);
  for (const i of [0, 3, 4, 5, 6, 7, 8, 9]) assert.ok(lines[i].result, `line ${lines[i].record.line} is scored`);
  return lines;
}

test('score: a 64 MiB line of commas and an unterminated quote, one output per record, bounded memory', { skip }, () => {
  const path = floodFile();
  checkOnePerRecord(runBounded(['score', '--now', NOW, path]));
});

test('score: the same from a pipe (the lines an open quote took are read again without seeking)', { skip }, () => {
  const input = readFileSync(floodFile());
  checkOnePerRecord(runBounded(['score', '--now', NOW, '--input-format', 'csv', '-'], { input }));
});

test('score --format csv: one row per record, the broken ones as error rows', { skip }, () => {
  const text = 'id,email\nL1,a@acme.example\nL2,"b@acme.example\nL3,c@acme.example\n';
  const r = runBounded(['score', '--now', NOW, '--format', 'csv', '--input-format', 'csv', '-'], { input: text });
  assert.equal(r.status, 1, r.stderr);
  const rows = r.stdout.trim().split('\n');
  assert.equal(rows.length, 4); // header + 3 records
  assert.match(rows[2], /csv_unterminated_quote/);
  assert.doesNotMatch(rows[3], /csv_/);
});
