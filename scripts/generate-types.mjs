// Generates the TypeScript declarations of the model file (and of results, when
// schema/result.schema.json exists) from the JSON Schemas in schema/, so the schema stays the one
// source of the contract: bindings/js/index.d.ts imports these types and writes none by hand.
//
//   node scripts/generate-types.mjs OUT_DIR      (scripts/build.sh: dist/types)
//
// json-schema-to-typescript does the translation. Three things of our schemas it would render
// loosely are rewritten first, on a copy used for generation only:
// - "x-" extension keys (patternProperties "^x-") would widen every section to an index signature
//   that accepts any key; they become an intersection with a template-literal index signature, so
//   a misspelt key is still a TypeScript error while "x-owner" is accepted;
// - maps whose keys are a closed list (propertyNames.enum, e.g. finding code -> points) become
//   objects with those optional keys, so a wrong code is a TypeScript error;
// - a schema with only a description (any JSON value) would become an object type;
// - a $ref with its own description would be copied under a new type name at each use;
// - a JsonLogic expression is any JSON value, not only an object; a duration is "<n><m|h|d|w>".
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compile } from 'json-schema-to-typescript';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_KEYS = { tsType: '{ [extension: `x-${string}`]: unknown }' };
const JSON_LOGIC_TYPE = [
  '/** A JsonLogic expression: any JSON value; an object with one key is an operation. */',
  'export type JsonLogicExpression =',
  '  | null | boolean | number | string',
  '  | JsonLogicExpression[]',
  '  | { [operator: string]: JsonLogicExpression };',
].join('\n');

function forGeneration(node) {
  if (Array.isArray(node)) return node.map(forGeneration);
  if (!node || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    const isMapOfSchemas = key === 'properties' || key === '$defs' || key === 'patternProperties';
    out[key] = isMapOfSchemas
      ? Object.fromEntries(Object.entries(value).map(([name, schema]) => [name, forGeneration(schema)]))
      : forGeneration(value);
  }
  closeKeyList(out);
  return withExtensionKeys(refWithSiblings(anyValue(out)));
}

// A schema that constrains nothing (only a description) is any JSON value, not an object.
const TYPING_KEYWORDS = ['type', '$ref', 'enum', 'const', 'anyOf', 'oneOf', 'allOf', 'not', 'if', 'properties',
  'items', 'prefixItems', 'patternProperties', 'additionalProperties', 'required', 'tsType', '$defs'];
function anyValue(schema) {
  if (!('description' in schema) || TYPING_KEYWORDS.some((k) => k in schema)) return schema;
  return { ...schema, tsType: 'unknown' };
}

// {$ref, description} -> {allOf: [{$ref}], description}: otherwise the generator copies the
// referenced type under a new name (Band1, DataInfo2) for each place that documents its use.
function refWithSiblings(schema) {
  if (!schema.$ref || Object.keys(schema).length === 1) return schema;
  const { $ref, ...rest } = schema;
  return { ...rest, allOf: [{ $ref }] };
}

// {propertyNames: {enum: [...]}, additionalProperties: S} -> {properties: {each: S}, additionalProperties: false}
function closeKeyList(schema) {
  const names = schema.propertyNames?.enum;
  if (!names || typeof schema.additionalProperties !== 'object') return;
  schema.properties = Object.fromEntries(names.map((name) => [name, schema.additionalProperties]));
  schema.additionalProperties = false;
  delete schema.propertyNames;
}

function withExtensionKeys(schema) {
  if (!schema.patternProperties?.['^x-']) return schema;
  delete schema.patternProperties['^x-'];
  if (Object.keys(schema.patternProperties).length === 0) delete schema.patternProperties;
  const { title, description, ...object } = schema;
  return { ...(title && { title }), ...(description && { description }), allOf: [object, EXTENSION_KEYS] };
}

async function modelTypes() {
  const schema = forGeneration(JSON.parse(readFileSync(path.join(repoRoot, 'schema/model.schema.json'), 'utf8')));
  schema.$defs.jsonlogic = { ...schema.$defs.jsonlogic, tsType: 'JsonLogicExpression' };
  schema.$defs.duration = { ...schema.$defs.duration, tsType: "`${number}${'m' | 'h' | 'd' | 'w'}`" };
  // The file is a set when it has "personas" (if/then/else in the schema): for types, either one.
  for (const key of ['if', 'then', 'else', 'type']) delete schema[key];
  schema.title = 'ModelFile';
  schema.oneOf = [{ $ref: '#/$defs/model' }, { $ref: '#/$defs/model_set' }];
  const body = await compile(schema, 'ModelFile', { bannerComment: '', unreachableDefinitions: true, format: true });
  return [banner('schema/model.schema.json'), JSON_LOGIC_TYPE, body].join('\n');
}

async function resultTypes() {
  const file = path.join(repoRoot, 'schema/result.schema.json');
  if (!existsSync(file)) return null;
  const schema = forGeneration(JSON.parse(readFileSync(file, 'utf8')));
  // "Error" would shadow the built-in class in the generated module.
  if (schema.$defs.error) schema.$defs.error = { ...schema.$defs.error, title: 'ErrorRecord' };
  schema.title = 'AnyResult';
  const body = await compile(schema, 'AnyResult', { bannerComment: '', unreachableDefinitions: true, format: true });
  return [banner('schema/result.schema.json'), body].join('\n');
}

function banner(source) {
  return `// Generated from ${source} by scripts/generate-types.mjs at build time. Do not edit.\n`;
}

const outDir = path.resolve(process.argv[2] ?? path.join(repoRoot, 'dist/types'));
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'model.d.ts'), await modelTypes());
const results = await resultTypes();
if (results) writeFileSync(path.join(outDir, 'result.d.ts'), results);
