/**
 * The dev server's content check runs in a worker thread (src/integrations/check-worker.ts): the
 * same problems as checkContent in-process, passed back as plain values, and a failure of the check
 * itself comes back as a message instead of killing the server.
 */
import { Worker } from 'node:worker_threads';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import type { CheckRequest, CheckResponse } from '../../src/integrations/check-worker.ts';
import { copyContent, editFile } from '../support/site.ts';

const worker = new Worker(new URL('../../src/integrations/check-worker.ts', import.meta.url));
afterAll(() => worker.terminate());

function ask(request: CheckRequest): Promise<CheckResponse> {
  return new Promise((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.postMessage(request);
  });
}

const now = '2026-12-31T12:00:00Z';

it('finds the problem an author saved, with file, line and field', async () => {
  const content = copyContent('check-worker');
  editFile(join(content, 'markets/hk/2025-10-24.json'), (text) => text.replace('"close": 26160', '"close": "26,160"'));
  const response = await ask({ root: content, now, cwd: process.cwd() });
  if ('failure' in response) throw new Error(response.failure);
  const errors = response.problems.filter((p) => p.severity === 'error');
  expect(errors.map((p) => `${p.file}:${p.line}:${p.column}  ${p.field}`)).toContain(`${join(content, 'markets/hk/2025-10-24.json').slice(process.cwd().length + 1)}:7:24  indices[0].close`);
  expect(response.seconds).toBeGreaterThan(0);
});

it('answers again after a check, with nothing found on good content', async () => {
  const content = copyContent('check-worker');
  const response = await ask({ root: content, now, cwd: process.cwd() });
  if ('failure' in response) throw new Error(response.failure);
  expect(response.problems.filter((p) => p.severity === 'error')).toEqual([]);
});

it('reports a check that threw as a failure', async () => {
  const response = await ask({ root: 'content', now: 'not a date', cwd: process.cwd() });
  expect(response).toMatchObject({ failure: expect.stringMatching(/Invalid time value|RangeError/) });
});
