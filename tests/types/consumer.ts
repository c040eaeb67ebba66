// Type-checks the published declarations the way an ESM TypeScript user would use them.
import { calibrate, createScorer, LeadscoreError, validateModel, type AccountResult, type ScoreResult, type SummaryResult, type Submission, type Verification } from 'leadscore';

export async function main(): Promise<number> {
  const scorer = await createScorer();
  const result: ScoreResult = scorer.score({ email: 'a@b.example', company_size: 250 }, { now: new Date(0) });
  const band: string = result.band.action;
  const text: string = scorer.scoreJson({ seniority: 'vp' }, { now: '2026-11-23T10:00:00Z' });
  for (const entry of scorer.scoreMany([{}, { seniority: 'vp' }])) {
    if ('error' in entry) console.log(entry.error.code);
    else console.log(entry.score, entry.contributions.map((c) => c.points));
  }
  // Detail levels: a summary is its own type, with the grade letter and route action as strings.
  const summary: SummaryResult = scorer.score({ seniority: 'vp' }, { now: '2026-11-23T10:00:00Z', detail: 'summary' });
  const summaryGrade: string | undefined = summary.grade;
  const codes: string[] = summary.warnings;
  for (const entry of scorer.scoreMany([{}], { detail: 'summary' })) {
    if ('error' in entry) console.log(entry.error.code);
    else console.log(entry.score, entry.band.id, entry.route, summaryGrade, codes.length);
  }
  const checked = await validateModel({ format_version: 1, id: 'm', version: '1', fields: [], groups: [{ id: 'g' }], rules: [], scale: { min: 0, max: 10 }, bands: [{ id: 'all', action: 'none', from: 0, to: 100 }] });
  console.log(checked.findings.map((f) => `${f.severity} ${f.code} ${f.path}`));
  try {
    await createScorer('{');
  } catch (e) {
    if (e instanceof LeadscoreError) console.log(e.code, e.path);
  }
  // Issue 5: grade, route, tracking, sales feedback, verification and accounts.
  const graded = scorer.score({ seniority: 'vp' }, {
    now: '2026-11-23T10:00:00Z',
    previous: result,
    feedback: { adjustments: [{ by: 'rep-1', at: '2026-11-20T10:00:00Z', grade: 'B+', reason: 'call' }],
      verdict: { by: 'rep-1', at: '2026-11-21T10:00:00Z', value: 'qualified', reason: 'budget' } },
  });
  const letter: string | undefined = graded.grade?.letter;
  const action: string | undefined = graded.route?.action;
  const changes = graded.tracking?.changes.map((c) => `${c.kind}:${c.left}->${c.entered}`) ?? [];
  const submission: Submission = scorer.submission({ seniority: 'vp' }, { now: '2026-11-23T10:00:00Z' });
  const verification: Verification = scorer.verify(submission);
  if (verification.status === 'mismatch') console.log(verification.field);
  const account: AccountResult = scorer.scoreAccount({ id: 'acme', contacts: [{ lead: { seniority: 'vp' } }] }, { now: new Date(0) });
  console.log(letter, action, changes, account.aggregation.method, account.contacts.errors.length);
  // Issue 16: explainable boosting; the fit report is narrowed by its method.
  const calibration = await calibrate('a,b,won\n1,x,yes\n', { outcome: 'won', method: 'ebm', interactions: 3, shape_bins: 64, scale: 'training', bands: 'shares', band_shares: [70, 20, 10] });
  if (calibration.fit.method === 'ebm') console.log(calibration.fit.interactions.map((p) => p.columns.join(' x ') + p.gain));
  else console.log(calibration.fit.iterations);
  const error: number | null = calibration.metrics.calibration_error;
  console.log(error, calibration.metrics.reliability.map((bin) => bin.observed - bin.predicted), calibration.metrics.logistic?.auc,
    calibration.metrics.bands?.map((b) => `${b.id} ${b.share}`), calibration.metrics.zero_score_share);
  const described = scorer.describe();
  console.log(described.checks.min_fill_seconds, described.routing?.strong_within_ms, described.engagement?.groups.map((g) => g.decay?.age));
  scorer.dispose();
  return band.length + text.length;
}
