/**
 * The content check on a thread of its own, so `npm run build` can run it while Astro builds
 * (scripts/build.ts): it posts back every problem it finds.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent } from '../src/check/index.ts';

const { root, now } = workerData as { root: string; now: string };
parentPort!.postMessage(checkContent({ root, now: new Date(now) }));
