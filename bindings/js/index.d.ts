// Hand-written declarations of the leadscore JS API (ESM and CommonJS entry points).
// Result layout and error codes: docs/model-format.md.

/**
 * A model file v1 as a parsed object (schema/model.schema.json) or as JSON text. Throughout the
 * API, a string where a JSON value is expected is read as JSON text.
 */
export type ModelInput = ModelDocument | string;

export interface ModelDocument {
  format_version: 1;
  id: string;
  version: string;
  description?: string;
  fields: Array<{
    name: string;
    type: 'string' | 'number' | 'integer' | 'boolean' | 'enum' | 'email' | 'date';
    required?: boolean;
    label?: string;
    values?: string[];
    description?: string;
  }>;
  groups: Array<{ id: string; label?: string; min?: number; max?: number; description?: string }>;
  rules: Array<{ id: string; label?: string; group: string; points: number; when: unknown; description?: string }>;
  completeness?: { id: string; label?: string; group: string; points_per_field: number; fields?: string[]; description?: string };
  total?: { min?: number; max?: number; description?: string };
  scale: { min: number; max: number; description?: string };
  bands: Array<{ id: string; label?: string; action: string; from: number; to: number; description?: string }>;
  [extension: `x-${string}`]: unknown;
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
}

export interface ModelInfo {
  readonly id: string;
  readonly version: string;
  /** "sha256:" + hex digest of the model's canonical JSON. */
  readonly fingerprint: string;
}

export interface Warning {
  /** e.g. "field_type", "field_enum", "missing_required_field", "date_in_future", "rule_failed" */
  code: string;
  /** JSON pointer of the lead field (or model rule) concerned. */
  path: string;
  message: string;
}

export interface Contribution {
  kind: 'rule' | 'completeness';
  rule: string;
  label: string;
  group: string;
  points: number;
  /** The optional field that earned a completeness contribution. */
  field?: string;
}

export interface GroupSubtotal {
  id: string;
  label: string;
  points_before_cap: number;
  points: number;
  min?: number;
  max?: number;
}

export interface ScoreResult {
  format_version: 1;
  model: ModelInfo;
  /** The scoring instant, normalised to UTC. */
  now: string;
  /** 0..100 */
  score: number;
  /** Sum of all contributions before any cap. */
  raw_points: number;
  /** Points after group and total caps: what the scale maps to 0..100. */
  points: number;
  band: { id: string; label: string; action: string };
  groups: GroupSubtotal[];
  total: { points_before_cap: number; points: number; min?: number; max?: number };
  contributions: Contribution[];
  warnings: Warning[];
}

/** One entry of scoreMany(): a result, or the error of that lead. */
export type ManyEntry = ScoreResult | { error: { code: string; path: string; message: string } };

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
}

/** A compiled model. Create with createScorer(); free with dispose(). */
export class Scorer {
  private constructor();
  /** The model's id, version and fingerprint. */
  readonly model: ModelInfo;
  /** Scores one lead. Throws LeadscoreError for a non-object lead or an invalid `now`. */
  score(lead: Lead, options?: ScoreOptions): ScoreResult;
  /** Like score(), as JSON text byte-identical to the native engine's output. */
  scoreJson(lead: Lead | string, options?: ScoreOptions): string;
  /** Scores an array of leads in one call; one entry per lead, in order. */
  scoreMany(leads: Lead[], options?: ScoreOptions): ManyEntry[];
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
export function evaluateLogic(rule: unknown, data?: unknown): Promise<unknown>;
/** Loads a model and lints it; never throws for a bad model (ok: false with the error). */
export function validateModel(model: ModelInput): Promise<
  | { ok: true; findings: LintFinding[] }
  | { ok: false; error: { code: string; path: string; message: string }; findings: [] }
>;
/** The bundled default B2B model. */
export function defaultModel(): Promise<ModelDocument>;
/** The library version. */
export function version(): Promise<string>;
