/**
 * Small static sites for testing the quality gate: a page that passes every check, and the same page
 * with one deliberate defect, written under `tests/.tmp/` so each test names exactly what it broke.
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TMP } from './site.ts';

export const GOOD_CSS = `html { color-scheme: light; }
body { margin: 0 auto; max-width: 40rem; padding: 1rem; font: 1rem/1.5 system-ui, sans-serif; color: #111; background: #fff; }
a { color: #0645ad; }
`;

export interface PageParts {
  title?: string;
  head?: string;
  body?: string;
  /** The content security policy; `null` leaves the meta out. */
  policy?: string | null;
}

/** A page that passes every check unless a part is changed. */
export function page(parts: PageParts = {}): string {
  const policy = parts.policy === undefined ? "default-src 'self'" : parts.policy;
  return `<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">${policy === null ? '' : `
    <meta http-equiv="content-security-policy" content="${policy}">`}
    <title>${parts.title ?? 'Fixture page'}</title>
    <link rel="stylesheet" href="/style.css">${parts.head ?? ''}
  </head>
  <body>
    <main>
      <h1>${parts.title ?? 'Fixture page'}</h1>
      <p id="intro">A page for testing the quality gate. <a href="/">Home</a>, <a href="/other/#part">the other page</a>.</p>
${parts.body ? `      ${parts.body}
` : ''}    </main>
  </body>
</html>
`;
}

/** Writes a site: `files` maps paths (`index.html`, `other/index.html`, `style.css`) to contents. A good home and other page are included unless replaced. */
export function fixtureSite(name: string, files: Record<string, string> = {}): string {
  const root = join(TMP, 'verify-fixtures', name);
  rmSync(root, { recursive: true, force: true });
  const all: Record<string, string> = {
    'index.html': page({ title: 'Home' }),
    'other/index.html': page({ title: 'Other', body: '<h2 id="part">Part</h2><p>The part linked to.</p>' }),
    'style.css': GOOD_CSS,
    ...files,
  };
  for (const [path, text] of Object.entries(all)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}
