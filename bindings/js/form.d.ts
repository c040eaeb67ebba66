// `leadscore/form`: the form module's API (scoring, form checks, submissions, verify). Its Scorer is
// the full one's; scoreAccount(), scoreMany(), evaluate(), describe() and describeRoute() throw
// "not_in_form_module" there, and so do score(), submission() and verify() given sales feedback or a
// previous result (the `feedback` and `previous` options, or a submission carrying them).
export { LeadscoreError, Scorer, createScorer, defaultModel, version, setWasmSource } from './index.js';
export type * from './index.js';
