/**
 * The content check with its results kept between runs (results-cache.ts), in the cache folder the
 * build uses (`checkResultsPath`): what `npm run check`, the build and the dev server run.
 */
import { checkResultsPath } from '../config/paths.ts';
import type { Problem } from '../config/problem.ts';
import { checkContent, type CheckOptions } from './index.ts';
import { fileCheckCache } from './results-cache.ts';

export function checkContentCached(options: Omit<CheckOptions, 'cache'>, path = checkResultsPath()): Problem[] {
  const cache = fileCheckCache(path);
  const problems = checkContent({ ...options, cache });
  try {
    cache.save();
  } catch {
    // A cache folder that cannot be written costs the next run time, nothing else.
  }
  return problems;
}
