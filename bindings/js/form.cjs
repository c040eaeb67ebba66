// CommonJS entry of `leadscore/form` (see index.cjs).
'use strict';
const api = require('../../dist/api.cjs');
const { cjsDefaultData, cjsLoader } = require('./cjs-loader.cjs');

module.exports = {
  LeadscoreError: api.LeadscoreError,
  Scorer: api.Scorer,
  ...api.makeApi(cjsLoader('leadscore-form'), { form: true, defaultData: cjsDefaultData() }),
};
