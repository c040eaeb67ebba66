// Type-checks the published declarations the way an ESM TypeScript user would use them.
import { createScorer, LeadscoreError, validateModel, type ScoreResult } from 'leadscore';

export async function main(): Promise<number> {
  const scorer = await createScorer();
  const result: ScoreResult = scorer.score({ email: 'a@b.example', company_size: 250 }, { now: new Date(0) });
  const band: string = result.band.action;
  const text: string = scorer.scoreJson({ seniority: 'vp' }, { now: '2026-11-23T10:00:00Z' });
  for (const entry of scorer.scoreMany([{}, { seniority: 'vp' }])) {
    if ('error' in entry) console.log(entry.error.code);
    else console.log(entry.score, entry.contributions.map((c) => c.points));
  }
  const checked = await validateModel({ format_version: 1, id: 'm', version: '1', fields: [], groups: [{ id: 'g' }], rules: [], scale: { min: 0, max: 10 }, bands: [{ id: 'all', action: 'none', from: 0, to: 100 }] });
  if (!checked.ok) console.log(checked.error.path);
  try {
    await createScorer('{');
  } catch (e) {
    if (e instanceof LeadscoreError) console.log(e.code, e.path);
  }
  scorer.dispose();
  return band.length + text.length;
}
