/** Stories of this family, registered in src/stories/index.ts. */
import type { Story } from '../types.ts';

export const STORIES: ReadonlyArray<Story<object>> = [];
