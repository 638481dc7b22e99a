/** The built-in stories, by id. */
import { Ajv, type ValidateFunction } from 'ajv';
import type { Story } from './types.ts';
import { STORIES as SIGN_IN_ATTACKS } from './sign-in-attacks/index.ts';
import { STORIES as DIRECTORY_CHANGES } from './directory-changes/index.ts';
import { STORIES as WORKLOADS_AND_NETWORK } from './workloads-and-network/index.ts';

const STORIES: ReadonlyArray<Story<object>> = [...SIGN_IN_ATTACKS, ...DIRECTORY_CHANGES, ...WORKLOADS_AND_NETWORK];

const BY_ID = new Map<string, Story<object>>(STORIES.map((s) => [s.id, s]));

export function storyIds(): string[] {
  return STORIES.map((s) => s.id);
}

export function story(id: string): Story<object> {
  const s = BY_ID.get(id);
  if (!s) throw new RangeError(`unknown story '${id}'`);
  return s;
}

export function allStories(): ReadonlyArray<Story<object>> {
  return STORIES;
}

const ajv = new Ajv({ allErrors: false, strict: false, useDefaults: false });
const compiled = new Map<string, ValidateFunction>();

/** The first problem with a story's params, with the path inside `params`. */
export function storyParamsError(id: string, params: Readonly<Record<string, unknown>>): { path: string[]; message: string } | undefined {
  const s = BY_ID.get(id);
  if (!s) return { path: [], message: `unknown story '${id}'` };
  let validate = compiled.get(id);
  if (!validate) {
    validate = ajv.compile({ type: 'object', additionalProperties: false, ...s.params });
    compiled.set(id, validate);
  }
  if (validate(params)) return undefined;
  const e = validate.errors![0]!;
  const path = e.instancePath.split('/').slice(1);
  if (e.keyword === 'additionalProperties') {
    const extra = String((e.params as { additionalProperty: string }).additionalProperty);
    return { path: [...path, extra], message: `unknown parameter '${extra}'` };
  }
  return { path, message: e.message ?? 'is invalid' };
}
