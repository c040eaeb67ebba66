// CommonJS entry. dist/api.cjs is api.mjs converted to CommonJS at build time (scripts/build.sh).
'use strict';
const api = require('../../dist/api.cjs');
const factory = require('../../dist/leadscore-wasm.cjs');

module.exports = { LeadscoreError: api.LeadscoreError, Scorer: api.Scorer, ...api.makeApi(factory) };
