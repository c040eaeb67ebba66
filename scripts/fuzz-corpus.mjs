// Writes the seed corpora of the fuzz targets (tests/fuzz, docs/testing.md "Fuzzing") from the
// repository's own data, one directory per target, one file per seed named by its SHA-1:
//   node scripts/fuzz-corpus.mjs OUT_DIR     (scripts/fuzz.sh: build/fuzz/seeds)
// Sources: the golden vectors (tests/vectors: models, leads, events, form checks), the example
// models, leads, events and histories (examples/), the CSV files under examples/ and tests/, the
// official JsonLogic suite (../shared/external/jsonlogic) and the other projects' form-check cases
// (../shared/external/forms). Generated, never committed: the inputs are the files above.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = process.env.LEADSCORE_SHARED_DIR || join(root, '..', 'shared');
const out = process.argv[2];
if (!out) {
  console.error('usage: node scripts/fuzz-corpus.mjs OUT_DIR');
  process.exit(2);
}

// Seeds longer than this are cut (CSV) or left out: the fuzzer's inputs stay small and fast.
const MAX_SEED_BYTES = 64 * 1024;
const NOW = '2026-11-23T10:00:00Z';

const seeds = new Map(); // target -> Map(sha1 -> Buffer)
function add(target, text) {
  const bytes = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  if (bytes.length === 0 || bytes.length > MAX_SEED_BYTES) return;
  if (!seeds.has(target)) seeds.set(target, new Map());
  seeds.get(target).set(createHash('sha1').update(bytes).digest('hex'), bytes);
}

function files(dir, ext) {
  if (!existsSync(dir)) return [];
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== 'node_modules' && name !== 'output') found.push(...files(path, ext));
    } else if (name.endsWith(ext)) {
      found.push(path);
    }
  }
  return found;
}

const json = (value) => JSON.stringify(value);
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));

// --- models: the vectors' and the examples' --------------------------------------------------
const defaultModel = readJson(join(root, 'examples/models/default.json'));
const models = [];
for (const path of files(join(root, 'examples/models'), '.json')) {
  models.push(readJson(path));
  add('model_parse', readFileSync(path)); // as written (indented), besides the compact form below
}
const vectors = files(join(root, 'tests/vectors'), '.json').map(readJson);
for (const v of vectors) if (v.model) models.push(v.model);
for (const model of models) {
  add('model_parse', json(model));
  add('model_score', json(model));
}

// --- rules: every JsonLogic condition of those models, on the vectors' leads ------------------
function* conditions(value) {
  if (Array.isArray(value)) {
    for (const item of value) yield* conditions(item);
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'when' || key === 'if' || key === 'condition') yield item;
      else yield* conditions(item);
    }
  }
}

// --- leads, events and form checks from the vectors --------------------------------------------
const checkedKind = (field) => defaultModel.checks.fields[field] ?? field;
for (const v of vectors) {
  if (v.lead && typeof v.lead === 'object') {
    add('score_lead', json(v.lead));
    add('check_lead', json(v.lead));
    const events = Array.isArray(v.events) ? v.events : [];
    add('score_events', [json(v.lead), ...events.map(json)].join('\n'));
    for (const rule of conditions(v.model ?? {})) add('jsonlogic', json([rule, v.lead]));
  }
  if (v.check_field) {
    const { field, value } = v.check_field;
    const country = v.check_field.lead?.country ?? v.lead?.country;
    add('check_field', `${checkedKind(field)}${country ? ` ${country}` : ''}${v.lang === 'fr' ? ' fr' : ''}\n${value}`);
  }
  if (v.check_lead) {
    const form = v.check_lead.lead ?? v.check_lead;
    add('check_lead', json(form));
    add('score_lead', json(form));
  }
}

// --- the examples: leads (JSON lines), events (CSV) joined by lead id --------------------------
const leads = readFileSync(join(root, 'examples/leads.jsonl'), 'utf8').split('\n').filter(Boolean);
const eventLines = readFileSync(join(root, 'examples/events.csv'), 'utf8').split('\n').filter(Boolean);
const eventHeader = eventLines[0].split(',');
const eventsByLead = new Map();
for (const line of eventLines.slice(1)) {
  const cells = line.split(',');
  const event = { props: {} };
  eventHeader.forEach((name, i) => {
    if (name === 'lead_id') event.lead_id = cells[i];
    else if (name === 'type' || name === 'at') event[name] = cells[i];
    else if (cells[i]) event.props[name] = cells[i];
  });
  if (Object.keys(event.props).length === 0) delete event.props;
  if (!eventsByLead.has(event.lead_id)) eventsByLead.set(event.lead_id, []);
  eventsByLead.get(event.lead_id).push(event);
}
for (const line of leads) {
  const lead = JSON.parse(line);
  add('score_lead', line);
  add('check_lead', line);
  add('score_events', [line, ...(eventsByLead.get(lead.id) ?? []).slice(0, 40).map(json)].join('\n'));
}
for (const rule of conditions(defaultModel)) {
  for (const line of leads.slice(0, 3)) add('jsonlogic', `[${json(rule)},${line}]`);
}

// --- CSV files: every one under examples/ and tests/, cut to their first lines --------------------
const csvFiles = [...files(join(root, 'examples'), '.csv'), ...files(join(root, 'tests'), '.csv')];
for (const path of csvFiles) {
  const bytes = readFileSync(path);
  add('csv', bytes.subarray(0, 4096));
  add('csv', bytes.subarray(0, 512));
}

// --- histories: an options line, then a CSV with an outcome column -------------------------------
const historyText = readFileSync(join(root, 'examples/history/leads-history.csv'), 'utf8').split('\n');
const historyOptions = [
  { outcome: 'converted' },
  { outcome: 'converted', date_column: 'created_at', period: 'month', capacity: { count: 5, per: 'week' } },
  { outcome: 'converted', numeric: ['company_size'], categorical: ['country'], ignore: ['id', 'email'], bins: 3 },
  { outcome: 'converted', test_fraction: 0.3, test_seed: 7, min_count: 1 },
  { outcome: 'converted', positive: ['yes'], negative: ['no'], capacity: { count: 20, per: 'percent' } },
];
for (const [i, options] of historyOptions.entries()) {
  const rows = historyText.slice(0, 1).concat(historyText.slice(1 + i * 30, 1 + i * 30 + 30));
  add('history', `${json(options)}\n${rows.join('\n')}\n`);
}
for (const path of csvFiles) {
  const text = readFileSync(path, 'utf8').split('\n').slice(0, 30).join('\n');
  const header = text.split('\n')[0].replace(/^\uFEFF/, '').split(/[,;]/);
  add('history', `${json({ outcome: header[header.length - 1] })}\n${text}`);
}

// --- JsonLogic: the official suite, as [rule, data] ----------------------------------------------
const logicSuite = join(shared, 'external/jsonlogic/tests.json');
if (existsSync(logicSuite)) {
  for (const item of readJson(logicSuite)) {
    if (Array.isArray(item)) add('jsonlogic', json([item[0], item[1]]));
  }
}

// --- JsonLogic: the project's community-edition cases (tests/logic), as [rule, data] ----------
for (const item of readJson(join(root, 'tests/logic/community-2025.json'))) {
  if (item && typeof item === 'object') add('jsonlogic', json([item.rule, item.data ?? null]));
}

// --- form checks: the other projects' cases, each string as a value of the kinds it is about ----
const formKinds = {
  'python-email-validator-syntax.json': ['email'],
  'mailcheck.json': ['email'],
  'free-disposable-domain-cases.json': ['email'],
  'publicsuffix-test-psl.json': ['website', 'email'],
  'namecase.json': ['first_name', 'last_name', 'name'],
  'zxcvbn-patterns.json': ['first_name', 'company', 'text'],
  'gibberish-small-lists.json': ['name', 'company'],
  'cleanco-basename.json': ['company'],
  'honeypot-timetrap-cases.json': ['honeypot'],
};
function* strings(value) {
  if (typeof value === 'string') yield value;
  else if (Array.isArray(value)) for (const item of value) yield* strings(item);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) yield* strings(item);
}
for (const [file, kinds] of Object.entries(formKinds)) {
  const path = join(shared, 'external/forms', file);
  if (!existsSync(path)) continue;
  const { source, note, ...cases } = readJson(path);
  const values = [...new Set(strings(cases))].filter((s) => s.length <= 200).slice(0, 150);
  for (const value of values) {
    for (const kind of kinds) {
      const asEmail = kind === 'email' && !value.includes('@') ? `someone@${value}` : value;
      add('check_field', `${kind}\n${asEmail}`);
    }
  }
}
for (const [i, value] of ['+54 9 11 2345-6789', '011 15-2345-6789', '+44 20 7946 0001', '(555) 010-0101'].entries()) {
  add('check_field', `phone ${['AR', 'AR', 'GB', 'US'][i]}\n${value}`);
}
add('check_field', 'company dana@northwind-analytics.com\nNorthwind Analytics');
add('check_lead', json({ email: 'dana@gmail.com', first_name: 'dana', url: 'x', form_rendered_at: NOW }));

// --- write ------------------------------------------------------------------------------------
rmSync(out, { recursive: true, force: true });
for (const [target, bySha] of [...seeds].sort()) {
  const dir = join(out, target);
  mkdirSync(dir, { recursive: true });
  for (const [sha, bytes] of bySha) writeFileSync(join(dir, sha), bytes);
  console.log(`${relative(process.cwd(), dir) || dir}: ${bySha.size} seeds`);
}
