// CommonJS entry of `leadscore`. dist/api.cjs is api.mjs converted to CommonJS at build time
// (scripts/build.sh).
'use strict';
const api = require('../../dist/api.cjs');
const { cjsDefaultData, cjsLoader } = require('./cjs-loader.cjs');

module.exports = {
  LeadscoreError: api.LeadscoreError,
  Scorer: api.Scorer,
  ...api.makeApi(cjsLoader('leadscore'), { defaultData: cjsDefaultData() }),
};
