// Type-checks the CommonJS entry point.
import leadscore = require('leadscore');

export async function viaRequire(): Promise<string> {
  const scorer = await leadscore.createScorer();
  return scorer.model.fingerprint;
}
