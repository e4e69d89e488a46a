/**
 * The content check in a worker thread, for `astro dev`: at thousands of reports it takes seconds,
 * which on the server's own thread would hold every page request and the content layer's reload
 * behind it. The dev overlay (content-check.ts) posts a request per round of changes and gets the
 * problems back, or the error that stopped the check.
 */
import { setPriority } from 'node:os';
import { parentPort } from 'node:worker_threads';
import { checkContentCached } from '../check/cached.ts';
import type { Problem } from '../config/problem.ts';

export interface CheckRequest {
  root: string;
  /** The check's moment, ISO (buildTime() in the server's thread). */
  now: string;
  cwd: string;
}

export type CheckResponse = { problems: Problem[]; seconds: number } | { failure: string };

// The server's thread comes first: on 2 cores a check at full priority slowed the page it competes
// with. On Linux a priority set with pid 0 is the calling thread's alone; elsewhere it would be the
// whole server's, so it is left as it is.
if (process.platform === 'linux') {
  try {
    setPriority(10);
  } catch {
    // Not allowed here (a container's limits): the check runs at the server's priority.
  }
}

parentPort?.on('message', (request: CheckRequest) => {
  const started = performance.now();
  let response: CheckResponse;
  try {
    response = { problems: checkContentCached({ root: request.root, now: new Date(request.now), cwd: request.cwd }), seconds: (performance.now() - started) / 1000 };
  } catch (error) {
    response = { failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  parentPort!.postMessage(response);
});
