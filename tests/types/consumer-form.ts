// Type-checks `leadscore/form` as a signup page written in TypeScript would use it.
import { createScorer, setWasmSource, LeadscoreError, type Finding, type SummaryResult } from 'leadscore/form';

export async function onKeystroke(value: string): Promise<Finding[]> {
  setWasmSource(new URL('/static/leadscore-form.wasm', 'https://app.example'));
  const scorer = await createScorer();
  const summary: SummaryResult = scorer.score({ email: value }, { now: new Date(0), detail: 'summary' });
  if (summary.score < 0) throw new LeadscoreError('x', 'y');
  return scorer.checkField('email', value);
}
