/**
 * Two clean builds of the same commit give the same site, byte for byte: what is reviewed is what
 * is published, and a deploy changes only the files whose content changed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { filesOf, type Problem } from './site.ts';

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Files that are in one folder only or differ between the two. */
export function compareBuilds(first: string, second: string): { problems: Problem[]; files: number } {
  const a = filesOf(first);
  const b = new Set(filesOf(second));
  const problems: Problem[] = [];
  for (const file of a) {
    if (!b.has(file)) problems.push({ where: file, message: `built by the first build only` });
    else if (digest(join(first, file)) !== digest(join(second, file))) problems.push({ where: file, message: 'differs between two builds of the same input' });
    b.delete(file);
  }
  for (const file of b) problems.push({ where: file, message: 'built by the second build only' });
  if (a.length === 0) problems.push({ where: first, message: 'the first build is empty' });
  return { problems, files: a.length };
}
