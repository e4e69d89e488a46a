/**
 * Reading built pages as a reader sees them, for tests on the output of a real build.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a reader sees: tags dropped, entities decoded, every kind of space made one space, the minus sign a hyphen. */
export function readable(html: string): string {
  return html
    .replace(/<(script|style)[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\u2212/g, '-')
    .replace(/[\s\u00a0\u202f]+/g, ' ');
}

/** Every `.html` file under a built site, as paths. */
export function htmlPages(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? htmlPages(path) : path.endsWith('.html') ? [path] : [];
  });
}
