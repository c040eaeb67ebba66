// The tour's "Calibrating from history" section (docs/tour.md) states figures: this test recomputes each one
// from the commands and the lead it shows, so the README cannot drift from what the engine does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import { createScorer } from '../../bindings/js/node.mjs';
import { cliPath, repoRoot, sharedDir, tempDir } from './support.mjs';

// The section lives in docs/tour.md (the README links to it).
const tour = readFileSync(path.join(repoRoot, 'docs/tour.md'), 'utf8');
const section = tour.slice(tour.indexOf('## Calibrating from history'));

test('README calibration section: the summary lines and the deployed lead match a real run', async () => {
  const leaveOut = /LEAVE_OUT="([^"]+)"/s.exec(section)[1].replace(/\\\n/g, '');
  const dir = tempDir();
  const model = path.join(dir, 'model.json');
  const run = spawnSync(cliPath, ['calibrate', '--outcome', 'Converted', '--ignore', leaveOut, '--out', model,
    path.join(sharedDir, 'datasets/x-education-leads.csv')], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  // Every "# ..." line the README shows after the calibrate command, except the timing figure.
  const logisticBlock = section.slice(0, section.indexOf('--method ebm'));
  const shown = [...logisticBlock.matchAll(/^# (rows: .*|fit: .*|test AUC .*)$/gm)].map((m) => m[1]);
  assert.equal(shown.length, 3);
  const holds = (stderr, line) => {
    const pattern = line.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/in \d+ ms/, 'in [0-9.]+ ms');
    assert.match(stderr, new RegExp(pattern), `README line "${line}"`);
  };
  for (const line of shown) holds(run.stderr, line);

  // The explainable-boosting command and its three lines.
  const ebm = spawnSync(cliPath, ['calibrate', '--method', 'ebm', '--outcome', 'Converted', '--ignore', leaveOut, '--out',
    path.join(dir, 'model-ebm.json'), path.join(sharedDir, 'datasets/x-education-leads.csv')], { encoding: 'utf8' });
  assert.equal(ebm.status, 0, ebm.stderr);
  const ebmBlock = section.slice(section.indexOf('leadscore calibrate --method ebm'));
  const ebmShown = [...ebmBlock.matchAll(/^# (exported: .*|test AUC .*|logistic on .*)$/gm)].map((m) => m[1]).slice(0, 3);
  assert.equal(ebmShown.length, 3);
  for (const line of ebmShown) holds(ebm.stderr, line);

  const scorer = await createScorer(readFileSync(model, 'utf8'));
  const lead = /scorer\.score\((\{[^}]+\})/s.exec(section)[1];
  // The README's lead literal is JS object syntax; evaluate it as data only (no calls in it).
  const leadObject = Function(`"use strict"; return (${lead});`)();
  const result = scorer.score(leadObject, { now: '2026-11-23T10:00:00Z' });
  const [, score, band] = /result\.score;\s+\/\/ (\d+) with the X Education model above: band "(\w+)"/.exec(section);
  const [, probability] = /result\.probability;\s+\/\/ ([0-9.]+) =/.exec(section);
  assert.equal(result.score, Number(score));
  assert.equal(result.band.id, band);
  assert.equal(result.probability, Number(probability));
  scorer.dispose();
});
