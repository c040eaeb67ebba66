-- The leadscore extension's functions (docs/postgres.md). Every function is IMMUTABLE: `now` is an
-- argument and the core reads no clock, so the same arguments give the same result, and PARALLEL
-- SAFE: each backend and parallel worker keeps its own cache of compiled models. A new extension
-- version (new data tables, new rules) may change results: do not build indexes on them.
-- COST tells the planner what a call costs (a score is some 10 to 30 microseconds, thousands of
-- simple operators): with it, a parallel plan computes the scores in its workers rather than
-- after the Gather node.
\echo Use "CREATE EXTENSION leadscore" to load this file. \quit

-- One lead, with its events (one array element per event, any order), as the CLI and the JS API
-- score it; `feedback` is the lead's sales feedback (docs/feedback.md) and `previous` its previous
-- result, for band and grade changes (docs/routing.md, "Tracking"). A bad lead or bad events give {"error": {"code", "path", "message"}} as the result; a
-- bad model raises an ERROR naming the core's code and JSON pointer.
-- jsonb: convenient in queries; jsonb rewrites the texts (keys reordered, spaces added), so the
-- result's bytes differ from the CLI's while its JSON value is the same.
CREATE FUNCTION score(model jsonb, lead jsonb, now timestamptz, events jsonb[] DEFAULT NULL,
                      detail text DEFAULT 'explain', lang text DEFAULT 'en',
                      feedback jsonb DEFAULT NULL, previous jsonb DEFAULT NULL)
RETURNS jsonb AS 'MODULE_PATHNAME', 'leadscore_score_jsonb'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5000;

-- json and text: the lead's text goes to the core as it is, and the result is the core's text,
-- byte for byte what the CLI and the browser give.
CREATE FUNCTION score(model json, lead json, now timestamptz, events json[] DEFAULT NULL,
                      detail text DEFAULT 'explain', lang text DEFAULT 'en',
                      feedback json DEFAULT NULL, previous json DEFAULT NULL)
RETURNS json AS 'MODULE_PATHNAME', 'leadscore_score_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5000;

CREATE FUNCTION score(model text, lead text, now timestamptz, events text[] DEFAULT NULL,
                      detail text DEFAULT 'explain', lang text DEFAULT 'en',
                      feedback text DEFAULT NULL, previous text DEFAULT NULL)
RETURNS text AS 'MODULE_PATHNAME', 'leadscore_score_text'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5000;

-- The 0..100 score alone (the summary path: the quickest), NULL when the lead cannot be scored
-- (score() says why). For ORDER BY, WHERE and thresholds.
CREATE FUNCTION score_value(model jsonb, lead jsonb, now timestamptz, events jsonb[] DEFAULT NULL)
RETURNS integer AS 'MODULE_PATHNAME', 'leadscore_score_value'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5000;

-- The summary as columns, for reports and routing tables: the same numbers as score(...,
-- 'summary'). A lead that cannot be scored has NULL everywhere but `error` (the error object).
-- Call it in FROM (LATERAL), not as (score_row(...)).*, which would score once per column:
--   SELECT l.id, s.* FROM leads l, LATERAL leadscore.score_row(model, l.doc, now()) s;
CREATE TYPE summary_row AS (
  score integer,              -- 0..100
  points numeric,             -- after the group and total caps
  band text,                  -- the band's id
  grade text,                 -- the grade letter (models with grading)
  route text,                 -- the routing action (models with routing)
  quality text,               -- the form-check verdict: ok, suspicious, spam (models with checks)
  probability double precision, -- the conversion probability (models with a probability section)
  error jsonb                 -- {"error": {...}} when the lead cannot be scored
);

CREATE FUNCTION score_row(model jsonb, lead jsonb, now timestamptz, events jsonb[] DEFAULT NULL)
RETURNS summary_row AS 'MODULE_PATHNAME', 'leadscore_score_row'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5000;

-- The model's form checks on a whole lead: {"data", "findings", "quality"}. `now` is the
-- submission instant, needed only by the fill-time check.
CREATE FUNCTION check_lead(model jsonb, lead jsonb, now timestamptz DEFAULT NULL, lang text DEFAULT 'en')
RETURNS jsonb AS 'MODULE_PATHNAME', 'leadscore_check_lead'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5000;

-- One field's findings, as the browser shows them while the form is filled: a JSON array.
CREATE FUNCTION check_field(model jsonb, field text, value text, lead jsonb DEFAULT NULL, lang text DEFAULT 'en')
RETURNS jsonb AS 'MODULE_PATHNAME', 'leadscore_check_field'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 1000;

-- Recomputes a submission made in a browser (docs/verify.md): {"status": "match" | ...}.
CREATE FUNCTION verify(model jsonb, submission jsonb)
RETURNS jsonb AS 'MODULE_PATHNAME', 'leadscore_verify'
LANGUAGE C IMMUTABLE PARALLEL SAFE COST 5000;

-- {"library", "model_format", "result_format", "data": {"tier", "version"}} of this build.
CREATE FUNCTION version()
RETURNS jsonb AS 'MODULE_PATHNAME', 'leadscore_version'
LANGUAGE C IMMUTABLE PARALLEL SAFE;
