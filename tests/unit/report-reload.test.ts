/**
 * In `astro dev`, saving a report reloads the open page at once (the page compiles the body from
 * the file), but only once the file reads whole, and only for reports.
 */
import { EventEmitter } from 'node:events';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { reportReload } from '../../src/integrations/report-reload.ts';
import { TMP } from '../support/site.ts';

mkdirSync(TMP, { recursive: true });
const content = mkdtempSync(join(TMP, 'reload-'));
mkdirSync(join(content, 'reports'), { recursive: true });
mkdirSync(join(content, 'markets/hk'), { recursive: true });
afterAll(() => rmSync(content, { recursive: true, force: true }));

/** The reloads the plugin asks for after `path` changes with `text`. */
async function reloadsAfter(path: string, text: string): Promise<unknown[]> {
  const sent: unknown[] = [];
  const watcher = new EventEmitter();
  const plugin = reportReload(content);
  (plugin.configureServer as (server: unknown) => void)({ watcher, ws: { send: (message: unknown) => sent.push(message) } });
  writeFileSync(path, text);
  watcher.emit('change', path);
  await new Promise((resolve) => setTimeout(resolve, 100));
  return sent;
}

describe('reportReload', () => {
  it('reloads the page when a report is saved whole', async () => {
    expect(await reloadsAfter(join(content, 'reports/a.mdx'), '---\ntitle: A\n---\n\nA new paragraph.\n')).toEqual([{ type: 'full-reload', path: '*' }]);
  });

  it('waits for Astro when the file is cut short before its body', async () => {
    expect(await reloadsAfter(join(content, 'reports/b.mdx'), '---\ntitle: B\n')).toEqual([]);
  });

  it('leaves other content to Astro', async () => {
    expect(await reloadsAfter(join(content, 'markets/hk/2025-10-24.json'), '{}')).toEqual([]);
  });
});
