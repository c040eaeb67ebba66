// Declarations of the leadscore JS API (ESM and CommonJS entry points); the model file's types
// are generated from the schema (below).
// Result layout and error codes: docs/model-format.md.

import type {
  Band, Checks, DecayEntry, Engagement, EventRule, Feedback as FeedbackSectionType, Field, FrequencyRule,
  Grading, Group, ModelFile, RecencyRule, Routing, Rule, StreakRule, Account as AccountSectionType,
} from '../../dist/types/model.js';

// The model file's types are generated from schema/model.schema.json at build time
// (scripts/generate-types.mjs -> dist/types/model.d.ts): the schema is their one source.
export type {
  ModelFile, Model, ModelSet, Persona, SetModel, Field, Group, Rule, Band, Completeness, Engagement,
  EventRule, FrequencyRule, RecencyRule, StreakRule, DecayEntry, Duration, Checks, Grading, GradeCriterion,
  Routing, RoutingRule, Probability, JsonLogicExpression,
} from '../../dist/types/model.js';

import type {
  AccountResult as AccountResultType, CheckLeadResult, Finding as FindingType, GradeLetter as GradeLetterType,
  ScoreManyEntry, ScoreManySummaryEntry, ScoreQuality, ScoreResult as ScoreResultType, ScoreSummary,
  Submission as SubmissionType, VerifyResult, Tracking, ModelInfo,
} from '../../dist/types/result.js';

// The results' types are generated from schema/result.schema.json (dist/types/result.d.ts), the
// schema every result of the test suites is validated against.
export type {
  AccountContribution, AccountFit, Contribution, DataInfo as ResultDataInfo, EngagementResult, FeedbackResult,
  FindingCode, GradeResult, GradeStep, GroupSubtotal, LeadQuality, ModelInfo, PersonaInfo, QualityReason,
  RouteOverride, RouteResult, ScoreQuality, ScoreSummary, Severity, StrongAction, Tracking, TrackingChange,
  Verdict, Warning, WarningCode, CheckLeadResult, ScoreManyEntry, ScoreManySummaryEntry, VerifyResult,
} from '../../dist/types/result.js';

/** An explain result (the default detail level): docs/model-format.md, "Result". */
export type ScoreResult = ScoreResultType;
/** A summary result (detail "summary"): docs/model-format.md, "Summary result". */
export type SummaryResult = ScoreSummary;
/** One entry of scoreMany(): a result, or the error of that lead. */
export type ManyEntry = ScoreManyEntry;
/** One entry of scoreMany() with detail "summary". */
export type SummaryEntry = ScoreManySummaryEntry;
/** checkLead(): the findings of every field and the lead's quality verdict. */
export type LeadCheckResult = CheckLeadResult;
/** One finding of a form check. */
export type Finding = FindingType;
/** The lead's quality: score, verdict and reasons (a result's `quality` has findings too). */
export type Quality = ScoreQuality;
/** Pardot's 13 grades, from worst to best. */
export type GradeLetter = GradeLetterType;
/** verify(): whether a submission's result is what the engine gives. */
export type Verification = VerifyResult;
/** What a browser sends for a server to check with verify(). */
export type Submission = SubmissionType;
/** Result of scoreAccount(); layout in docs/accounts.md. */
export type AccountResult = AccountResultType;

/**
 * A model file v1 as a parsed object (schema/model.schema.json) or as JSON text. Throughout the
 * API, a string where a JSON value is expected is read as JSON text.
 */
export type ModelInput = ModelDocument | string;

/** A model file: a plain model or a model set (personas). Same as ModelFile. */
export type ModelDocument = ModelFile;
/** The model's "checks" section (docs/model-format.md, "Checks"). */
export type ChecksSection = Checks;
/** The model's engagement section (docs/model-format.md, "Engagement (events)"). */
export type EngagementSection = Engagement;
/** One rule of the engagement section: on events, or a frequency, recency or streak pattern. */
export type EngagementRule = EventRule | FrequencyRule | RecencyRule | StreakRule;
/** One decay of an engagement group or rule. */
export type Decay = DecayEntry;
export type GradingSection = Grading;
export type RoutingSection = Routing;
export type FeedbackSection = FeedbackSectionType;
export type AccountSection = AccountSectionType;
export type ModelField = Field;
export type ModelGroup = Group;
export type ModelRule = Rule;
export type ModelBand = Band;

export type FieldKind = 'email' | 'first_name' | 'last_name' | 'name' | 'company' | 'phone' | 'website' | 'honeypot' | 'text';

export interface CheckFieldOptions {
  /** The rest of the form: the company check reads the email, the phone check the country. */
  lead?: Lead;
  /** Message language: "en" (default) or "fr" (regional tags such as "fr-CA" work). */
  lang?: string;
}

export interface CheckLeadOptions {
  /** When the form was submitted; needed when the lead carries the form's render time. */
  now?: string | Date;
  lang?: string;
}

/** Something the lead did (or that happened to it), as input to scoring. */
export interface LeadEvent {
  /** One of the model's event_types. */
  type: string;
  /** ISO-8601 instant with an offset ("2026-11-20T09:15:00Z"); without one the event is ignored with a warning. */
  at: string;
  props?: Record<string, unknown>;
}

/** A lead: field name -> value. Strings are coerced to the field's declared type. */
export type Lead = Record<string, unknown>;

export interface ScoreOptions {
  /**
   * The instant to score for: an ISO-8601 string with an offset ("2026-11-23T09:30:00Z") or a
   * Date. When omitted, the JS layer reads the clock once for the call; pass it for reproducible
   * results (the core itself never reads a clock).
   */
  now?: string | Date;
  /**
   * The lead's events, in any order (or their JSON text). Invalid, unknown, future and duplicate
   * events are left out and counted in result.engagement.events. At most 100,000 per lead.
   */
  events?: LeadEvent[] | string;
  /** Language of form-check messages in result.quality (models with a "checks" section). */
  lang?: string;
  /** Sales feedback: manual adjustments and a verdict (docs/feedback.md). */
  feedback?: Feedback;
  /** An earlier result of the same lead: the result then reports band and grade changes (result.tracking). */
  previous?: ScoreResult | { tracking: Tracking } | { band: { id: string }; grade?: { letter: GradeLetter } };
  /**
   * How much the result says: "explain" (default) is the whole result; "summary" the short
   * {@link SummaryResult}, cheaper to compute and to carry (docs/model-format.md, "Summary result").
   */
  detail?: Detail;
}

/** The detail level of a result. */
export type Detail = 'explain' | 'summary';

/** A manual adjustment by sales: points, or a grade (a letter sets it, an integer adds thirds). */
export interface Adjustment {
  /** Who made it (a sales rep's id). */
  by: string;
  /** When it was made (ISO-8601 with an offset). */
  at: string;
  points?: number;
  grade?: GradeLetter | number;
  reason: string;
  /** When it stops counting (ISO-8601); default: the model's feedback.expire_after, else never. */
  expires?: string;
}

export interface Feedback {
  adjustments?: Adjustment[];
  /** A sales verdict overrides routing. */
  verdict?: { by: string; at: string; value: 'qualified' | 'disqualified'; reason: string };
}

export interface Account {
  id: string | number;
  /** The company's own fields (the model's account.fields). */
  fields?: Lead;
  /** At most the model's account.max_contacts (100,000 at most): more is the error too_many_contacts. */
  contacts: Array<{ lead: Lead; events?: LeadEvent[]; feedback?: Feedback }>;
}

export interface ScoreManyOptions {
  now?: string | Date;
  lang?: string;
  /** One entry per lead, in the same order: that lead's events, or null for none (or the JSON text of this array). */
  events?: Array<LeadEvent[] | null> | string;
  /** "explain" (default) or "summary", as for score(). */
  detail?: Detail;
}

export interface LintFinding {
  code: string;
  severity: 'warning' | 'info';
  path: string;
  message: string;
}

/** Every failure of the API. Messages never contain lead values. */
export class LeadscoreError extends Error {
  constructor(code: string, message: string, path?: string);
  readonly name: 'LeadscoreError';
  /** Stable machine-readable code, e.g. "unknown_operator", "json_syntax", "now_invalid". */
  readonly code: string;
  /** JSON pointer into the model or lead ("/rules/3/when"), or "" when not about a place. */
  readonly path: string;
  /** For "logic_thrown" from evaluateLogic(): the value the rule raised and did not catch. */
  thrown?: unknown;
}

/** Scorer.describeRoute(): the matrix's answer (before any sales verdict) and every row. */
export interface RouteRows {
  rule: string;
  rows: Array<{ rule: string; action: string; holds: boolean; state: 'matched' | 'no_match' | 'not_reached' }>;
}

/** A decay as the engine runs it: durations in ms; a rule's null `age` inherits its group's. */
export interface DecayDescription {
  age: null | { kind: 'half_life'; half_life_ms: number } | { kind: 'linear'; percent: number; per_ms: number } | { kind: 'none' };
  inactivity: null | { after_ms: number; points: number; every_ms: number | null };
}

/** Scorer.describe(): what a runtime reads instead of re-deriving it from the model file. */
export interface ModelDescription {
  id: string;
  version: string;
  fingerprint: string;
  fields: Array<{ name: string; label: string; type: string; required: boolean; values?: string[]; column?: string }>;
  bands: Array<{ id: string; label: string; action: string; from: number; to: number }>;
  /** The form checks' settings; `section: false` gives the defaults of a model without "checks". */
  checks: {
    section: boolean;
    fields: Record<string, string>;
    rendered_at_field: string;
    min_fill_seconds: number;
    require_fill_time: boolean;
    country_field: string;
    free_email: 'info' | 'penalty' | 'block';
    quality: { info: number; warn: number; block: number; suspicious_below: number; spam_below: number };
    group: string | null;
    points: Record<string, number>;
    spam_blocks_score: boolean;
  };
  engagement: null | {
    event_types: Array<{ id: string; label: string; activity: boolean }>;
    groups: Array<{ id: string; label: string; min: number | null; max: number | null; decay: DecayDescription | null }>;
    rules: Array<{ id: string; label: string; kind: string; group: string; decay: DecayDescription | null }>;
  };
  routing: null | {
    strong_within_ms: number | null;
    score_dead_band: number;
    grade_dead_band: number;
    rules: Array<{ id: string; action: string; reason: string; bands: string[]; grade: { min: string | null; max: string | null } | null;
      strong_action: boolean | null; quality: string[] }>;
    default: { id: 'default'; action: string; reason: string };
  };
}

/** A compiled model. Create with createScorer(); free with dispose(). */
/** Which reference data a scorer's form checks use: "full" (every listed domain) or "lite". */
export interface DataInfo {
  tier: 'full' | 'lite';
  /** The first 16 hex digits of the pack's payload SHA-256. */
  version: string;
}

export class Scorer {
  private constructor();
  /** The model's id, version and fingerprint. */
  readonly model: ModelInfo;
  /** The data pack the form checks use (docs/data-packs.md). */
  readonly data: DataInfo;
  /**
   * Makes this scorer's form checks use another data pack: the bytes of a pack file such as
   * leadscore/data/full.bin. Throws LeadscoreError data_invalid for a damaged or foreign file.
   */
  loadData(bytes: ArrayBuffer | ArrayBufferView): DataInfo;
  /** The model as the engine runs it, defaults applied and durations in ms (docs/model-format.md, "Describing a model"). Not in leadscore/form. */
  describe(): ModelDescription;
  /**
   * The routing matrix row by row for an explain result of this model (the default row last): whether
   * each row's conditions hold for the lead and how first-match routing treated it. Not in
   * `leadscore/form`. Errors: routing_missing, result_invalid (with the pointer of the bad value).
   */
  describeRoute(result: ScoreResult | string): RouteRows;
  /**
   * Scores one lead and its events. Throws LeadscoreError for a non-object lead, an invalid `now`,
   * events that are not an array ("events_not_array") or more than 100,000 ("too_many_events").
   */
  score(lead: Lead, options: ScoreOptions & { detail: 'summary' }): SummaryResult;
  score(lead: Lead, options?: ScoreOptions): ScoreResult;
  /** Like score(), as JSON text byte-identical to the native engine's output. */
  scoreJson(lead: Lead | string, options?: ScoreOptions): string;
  /** Scores an array of leads in one call; one entry per lead, in order. Not in leadscore/form. */
  scoreMany(leads: Lead[], options: ScoreManyOptions & { detail: 'summary' }): SummaryEntry[];
  scoreMany(leads: Lead[], options?: ScoreManyOptions): ManyEntry[];
  /** Scores one lead and packs inputs, result and model identity for a server to verify. */
  submission(lead: Lead, options?: ScoreOptions): Submission;
  /** Recomputes a submission with this model and compares it with the submitted result. */
  verify(submission: Submission | string): Verification;
  /** Scores a company from its contacts (the model needs an "account" section). */
  scoreAccount(account: Account, options?: { now?: string | Date; lang?: string }): AccountResult;
  /**
   * Checks one form field while the visitor types; findings in the requested language. A field the
   * model does not check gives []. Throws only for a non-string name or value, or a bad `lang`.
   */
  checkField(field: string, value: string, options?: CheckFieldOptions): Finding[];
  /** Checks a whole form: every field's findings and the quality verdict. */
  checkLead(lead: Lead, options?: CheckLeadOptions): LeadCheckResult;
  /** Evaluates this model on historical leads (CSV text with an outcome column); docs/evaluation.md. */
  evaluate(csv: string, options: EvaluationOptions): Evaluation;
  /** Frees the compiled model; later calls throw LeadscoreError "scorer_disposed". Idempotent. */
  dispose(): void;
}

/** Compiles a model (none = the bundled default model). Rejects with LeadscoreError on a bad model. */
export function createScorer(model?: ModelInput): Promise<Scorer>;
/**
 * Evaluates one JsonLogic rule against data with leadscore's engine. As everywhere in this API, a
 * string argument is JSON text: a rule that is the literal string "apple" is passed as '"apple"'
 * (JSON.stringify('apple')).
 */
export function evaluateLogic(rule: unknown, data?: unknown, options?: EvaluateLogicOptions): Promise<unknown>;

/** Options of evaluateLogic(). */
export interface EvaluateLogicOptions {
  /**
   * The JsonLogic the rule is written in: "classic" (json-logic-js 2.0, the default) or
   * "community-2025" (val, exists, ??, try/throw with typed errors, chained comparisons, string
   * operators; docs/model-format.md). In the community edition an error the rule raises and does
   * not catch rejects with LeadscoreError "logic_thrown", whose `thrown` holds the value raised
   * (e.g. {type: "NaN"}).
   */
  edition?: 'classic' | 'community-2025';
}
/**
 * Loads a model and lints it (`leadscore validate`, C++ validate_model()): the findings of a model
 * that loads; a model that does not load throws LeadscoreError (code, JSON pointer path), like
 * every other call.
 */
export function validateModel(model: ModelInput): Promise<{ findings: LintFinding[] }>;
/** Options of calibrate() and closeRateReport(); defaults and meaning in docs/calibration.md. */
export interface CalibrationOptions {
  outcome: string;
  positive?: string[];
  negative?: string[];
  columns?: string[];
  ignore?: string[];
  categorical?: string[];
  numeric?: string[];
  missing_values?: string[];
  date_column?: string;
  /** Record i (0-based) is a test row when i % test_every == 0 (default 5; 0 = none). */
  test_every?: number;
  /** Instead of test_every: a share (0..1) of the records, picked by a hash of (test_seed, record index). */
  test_fraction?: number;
  test_seed?: number;
  /** Instead of both: the records dated on or after this ISO date (date_column) are the test rows. */
  test_from?: string;
  /**
   * How the points are learnt: "logistic" (default; one weight per level or bin) or "ebm"
   * (explainable boosting: a shape per column plus pairwise interactions; docs/calibration.md).
   */
  method?: 'logistic' | 'ebm';
  /** ebm: pairwise terms at most (0..50, default 10). */
  interactions?: number;
  /** ebm: quantile bins per numeric column (2..256, default 128). */
  shape_bins?: number;
  /** ebm: boosting rounds over the columns (default 300) and over the pairs (default 100). */
  rounds?: number;
  interaction_rounds?: number;
  /** ebm: share of each boosting step taken, (0, 1] (default 0.05). */
  learning_rate?: number;
  /** logistic: quantile bins (default) or one standardised weight per numeric column. */
  numeric_mode?: 'bins' | 'standardize';
  bins?: number;
  min_count?: number;
  l2?: number;
  max_iterations?: number;
  tolerance?: number;
  points_to_double_odds?: number;
  /** The exported 0-100 scale: "training" (default; 1st to 99th percentile of the training leads' points) or "odds" (5 % to 95 %). */
  scale?: 'training' | 'odds';
  /** The exported bands: "shares" (default; cold, warm, hot hold band_shares of the training leads) or "fixed" (0-29, 30-69, 70-100). */
  bands?: 'shares' | 'fixed';
  /** Percent of the training leads in cold, warm, hot: three numbers above 0 summing to 100 (default [50, 30, 20]). */
  band_shares?: [number, number, number];
  prior_strength?: number;
  points_per_percentage_point?: number;
  model_id?: string;
  model_version?: string;
  max_rows?: number;
  max_levels?: number;
  max_features?: number;
  delimiter?: ',' | ';';
}

export interface WarningEntry { code: string; path: string; message: string }

/** One attribute value of the close-rate report. */
export interface CloseRateValue {
  value: string;
  /** Numeric bins: [from, to). */
  from?: number;
  to?: number;
  count: number;
  conversions: number;
  rate: number;
  lift: number;
  ci_low: number;
  ci_high: number;
  shrunk_rate: number;
  /** Seed-003 points: (shrunk rate - overall rate) in percentage points, times the scaling. */
  points: number;
  significant: boolean;
}

export interface CloseRateReport {
  format_version: 1;
  rows: { total: number; train: number; test: number };
  overall: { count: number; conversions: number; rate: number };
  method: { interval: 'wilson'; confidence: number; prior_strength: number; points_per_percentage_point: number };
  columns: Array<{ name: string; kind: 'categorical' | 'numeric'; values: CloseRateValue[] }>;
  warnings: WarningEntry[];
}

export interface MetricSet { auc: number | null; log_loss: number | null; brier: number | null }

/** The fitted logistic regression: convergence, intercept, weights (docs/calibration.md, "Fit report"). */
export interface LogisticFitReport {
  method: 'newton';
  converged: boolean;
  iterations: number;
  gradient_max: number;
  objective: number;
  intercept: number;
  features: Array<Record<string, unknown> & { column: string; value: string; weight: number; count: number }>;
  [key: string]: unknown;
}

/** Explainable boosting's terms (docs/calibration.md, "Explainable boosting"). */
export interface EbmFitReport {
  method: 'ebm';
  intercept: number;
  rounds: number;
  interaction_rounds: number;
  learning_rate: number;
  train_rows: number;
  /** Candidate pairs with a positive ranking gain. */
  pairs_ranked: number;
  terms: Array<{
    column: string; kind: 'numeric' | 'categorical';
    /** Mean absolute deviation of the term's log-odds over the training rows. */
    importance: number;
    bins: Array<{ bin: string; count: number; log_odds: number }>;
  }>;
  interactions: Array<{ columns: [string, string]; gain: number; importance: number; cells: number; cuts: [number, number] }>;
}

/** One bin of predicted probability ([0, 0.1), ..., [0.9, 1]): mean prediction vs observed rate. */
export interface ReliabilityBin { from: number; to: number; count: number; predicted: number; observed: number }

export interface ExportedFigures extends MetricSet { reliability: ReliabilityBin[]; calibration_error: number | null }

export interface Calibration {
  report: CloseRateReport;
  fit: LogisticFitReport | EbmFitReport;
  /** An ordinary model (with a "probability" section): pass it to createScorer(). */
  model: ModelDocument;
  metrics: {
    train: MetricSet; test: MetricSet | null; test_exported: MetricSet | null; rounding_auc_cost: number | null;
    /** Of the exported model on the test rows (the training rows when there are none). */
    reliability: ReliabilityBin[];
    calibration_error: number | null;
    /** The exported bands on the test rows (null without test rows). */
    bands: Array<{ id: string; from: number; to: number; count: number; share: number | null; conversions: number; rate: number | null }> | null;
    /** Share of the test rows scoring 0. */
    zero_score_share: number | null;
    /** ebm only: the shapes without the pairs, and the logistic method's exported model, on the same test rows. */
    test_shapes_only?: MetricSet | null;
    logistic?: ExportedFigures | null;
  };
  warnings: WarningEntry[];
}

/** Options of Scorer.evaluate(); docs/evaluation.md. */
export interface EvaluationOptions {
  outcome: string;
  positive?: string[];
  negative?: string[];
  date_column?: string;
  period?: 'week' | 'month';
  /** {count: 200, per: "week"} or the CLI's text form "200/week", "50/month", "300", "15%". */
  capacity?: { count: number; per: 'week' | 'month' | 'all' | 'percent' } | string;
  now?: string;
  delimiter?: ',' | ';';
  /**
   * Score only the test rows, picked as calibrate picks them (docs/calibration.md, "Test split");
   * none given: every row. test_from wins over test_fraction, which wins over test_every.
   */
  test_every?: number;
  /** Instead of test_every: a share (0..1) of the records, picked by a hash of (test_seed, record index). */
  test_fraction?: number;
  test_seed?: number;
  /** Instead of both: the records dated on or after this ISO date (date_column) are the test rows. */
  test_from?: string;
}

/** The rule that chose the scored rows, when one was given. */
export interface EvaluationSplit {
  rule: 'every' | 'fraction' | 'from';
  every?: number;
  fraction?: number;
  seed?: number;
  from?: string;
  /** Records left out (the training part). */
  held_out: number;
}

export interface Evaluation {
  format_version: 1;
  model: ModelInfo;
  rows: { total: number; scored: number; errors: number; split?: EvaluationSplit };
  /** Ratios whose denominator is 0 are null (e.g. the rate of an empty decile). */
  overall: { count: number; conversions: number; rate: number | null };
  ranking: 'probability' | 'points';
  metrics: MetricSet;
  deciles: Array<{
    decile: number; count: number; conversions: number; rate: number | null; lift: number | null;
    cumulative_conversions: number; gain: number | null; score_min: number | null; score_max: number | null;
    mean_probability: number | null;
  }>;
  bands: Array<{ id: string; label: string; count: number; share: number | null; conversions: number; rate: number | null; lift: number | null }>;
  periods: null | {
    unit: 'week' | 'month';
    column: string;
    items: Array<{ period: string; start: string; count: number; conversions: number; bands: Record<string, number> }>;
  };
  capacity: null | {
    count: number; per: string; periods: number; threshold_score: number | null; leads: number;
    leads_per_period: number; conversions: number; recall: number | null; rate: number | null;
    /** The whole allowance spread over the rows of `periods` (the capacity line of a volume plot); null without a period table. */
    allowed_per_table_period: number | null;
  };
  errors: Array<{ line: number; code: string; message: string }>;
  warnings: WarningEntry[];
}

/** Calibrates a points model from historical leads (CSV text); docs/calibration.md. */
export function calibrate(
  csv: string,
  options: CalibrationOptions,
  /**
   * onPhase(name) is called as each phase starts: read, report, fit, export, compare (ebm: the
   * logistic method on the same rows), score_test, done (for timing).
   */
  hooks?: { onPhase?: (phase: 'read' | 'report' | 'fit' | 'export' | 'compare' | 'score_test' | 'done') => void },
): Promise<Calibration>;
/** The close-rate report alone (count, conversions, rate, lift, interval, seed-003 points per value). */
export function closeRateReport(csv: string, options: CalibrationOptions): Promise<CloseRateReport>;
/** A record of previewCsv(): its cells and the lead the engine makes of it, or why it cannot be read. */
export type PreviewRecord =
  | { line: number; cells: string[]; lead: Record<string, string> }
  | { line: number; error: { code: string; message: string } };

/**
 * The first `records` (default 5, at most 1000) data records of a CSV text as the engine reads it
 * (delimiter detection, quotes, BOM): for column pickers and sample leads without a CSV parser of
 * your own. A header that cannot be read throws LeadscoreError (csv_empty, csv_duplicate_column...).
 */
export function previewCsv(csv: string, options?: { records?: number }): Promise<{
  delimiter: string; header: string[]; records: PreviewRecord[]; more: boolean;
}>;
/** The bundled default B2B model. */
export function defaultModel(): Promise<ModelDocument>;
/** The library version. */
export function version(): Promise<string>;
/**
 * Where the module's .wasm file comes from, when it is not beside the module (a bundler other than
 * webpack put the script elsewhere, a CDN...): a URL (in Node a file path or file: URL), or the
 * file's bytes. Call it before the first createScorer(); afterwards it throws wasm_already_loaded.
 */
export function setWasmSource(source: string | URL | ArrayBuffer | ArrayBufferView): void;
