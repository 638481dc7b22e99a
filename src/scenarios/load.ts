/**
 * Reads scenario files (YAML), validates them against schemas/scenario.schema.json
 * with ajv, and reports the first problem as `file:line: field: message` — the file,
 * the line and the field, so an editor can jump to it.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv, type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';
import { LineCounter, isMap, isSeq, parseDocument, type Node } from 'yaml';
import type { Scenario } from './types.ts';
import { storyIds, storyParamsError } from '../stories/index.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BUILTIN_DIR = resolve(ROOT, 'scenarios');
const SCHEMA_PATH = resolve(ROOT, 'schemas/scenario.schema.json');

export class ScenarioError extends Error {
  override readonly name = 'ScenarioError';
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    detail: string,
  ) {
    super(`${file}${line > 0 ? ':' + line : ''}: ${field ? field + ': ' : ''}${detail}`);
  }
}

let validateFn: ReturnType<Ajv['compile']> | undefined;
function validator(): ReturnType<Ajv['compile']> {
  if (!validateFn) {
    const ajv = new Ajv({ allErrors: false, strict: false });
    (addFormats as unknown as (a: Ajv) => void)(ajv);
    validateFn = ajv.compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
  }
  return validateFn;
}

/** JSON pointer segments → the YAML node at that path (or its nearest ancestor). */
function nodeAt(root: Node | null, path: ReadonlyArray<string>): Node | null {
  let node: Node | null = root;
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => String((p.key as { value?: unknown } | null)?.value ?? p.key) === seg);
      if (!pair) return node;
      node = (pair.value as Node | null) ?? (pair.key as Node);
    } else if (isSeq(node)) {
      const item = node.items[Number(seg)] as Node | undefined;
      if (!item) return node;
      node = item;
    } else return node;
  }
  return node;
}

function describe(error: ErrorObject): string {
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown field '${String((error.params as { additionalProperty: string }).additionalProperty)}'`;
    case 'required':
      return `missing required field '${String((error.params as { missingProperty: string }).missingProperty)}'`;
    case 'enum':
      return `must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return error.message ?? 'is invalid';
  }
}

function pointerToPath(pointer: string): string[] {
  return pointer
    .split('/')
    .slice(1)
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Parses and validates scenario text; `file` names it in errors. */
export function parseScenario(text: string, file: string): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    const line = e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line;
    throw new ScenarioError(file, line, '', e.message.split('\n')[0] ?? 'YAML syntax error');
  }
  const data: unknown = doc.toJS();
  const lineOf = (path: ReadonlyArray<string>): number => {
    const node = nodeAt(doc.contents, path);
    const offset = node?.range?.[0] ?? 0;
    return lineCounter.linePos(offset).line;
  };
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new ScenarioError(file, 1, '', 'a scenario must be a YAML mapping');
  }
  const validate = validator();
  if (!validate(data)) {
    const error = validate.errors![0]!;
    const path = pointerToPath(error.instancePath);
    const field =
      error.keyword === 'additionalProperties'
        ? [...path, String((error.params as { additionalProperty: string }).additionalProperty)]
        : path;
    throw new ScenarioError(file, lineOf(field), field.join('.') || '(top level)', describe(error));
  }
  const scenario = data as Scenario;
  const known = storyIds();
  (scenario.stories ?? []).forEach((placement, i) => {
    if (!known.includes(placement.story)) {
      throw new ScenarioError(file, lineOf(['stories', String(i), 'story']), `stories.${i}.story`, `unknown story '${placement.story}' (known: ${known.join(', ')})`);
    }
    const problem = storyParamsError(placement.story, placement.params ?? {});
    if (problem) {
      const path = ['stories', String(i), 'params', ...problem.path];
      throw new ScenarioError(file, lineOf(path), path.join('.'), problem.message);
    }
  });
  return scenario;
}

/** Built-in scenario names (files in scenarios/). */
export function builtinScenarios(): string[] {
  if (!existsSync(BUILTIN_DIR)) return [];
  return readdirSync(BUILTIN_DIR)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .map((f) => basename(f, extname(f)))
    .sort();
}

/** Loads a built-in scenario by name, or a scenario file by path. */
export function loadScenario(nameOrFile: string): { scenario: Scenario; file: string; text: string } {
  const asBuiltin = resolve(BUILTIN_DIR, `${nameOrFile}.yaml`);
  const file = /[\\/]|\.ya?ml$/.test(nameOrFile) ? resolve(nameOrFile) : asBuiltin;
  if (!existsSync(file)) {
    throw new ScenarioError(nameOrFile, 0, '', `no such scenario (built-in: ${builtinScenarios().join(', ')})`);
  }
  const text = readFileSync(file, 'utf8');
  const shown = file.startsWith(BUILTIN_DIR) ? `scenarios/${basename(file)}` : nameOrFile;
  return { scenario: parseScenario(text, shown), file, text };
}
