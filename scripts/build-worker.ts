/**
 * The second thread of `npm run build` (scripts/build.ts), working while Astro builds the pages:
 * the content check, then, when it found no error, the share image of every listed report, drawn
 * into a folder of their own that the build moves into the site.
 *
 * Messages: `{ kind: 'checked', problems }`, then `{ kind: 'drawn', count }`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { checkContent } from '../src/check/index.ts';
import type { OgImageInput } from '../src/lib/og.ts';
import { isListed, publicationState } from '../src/lib/publication.ts';
import { shareImageInput, shareImageRenderer } from '../src/share/images.ts';

const { root, now, imagesDir, projectRoot, cacheDir } = workerData as { root: string; now: string; imagesDir: string; projectRoot: string; cacheDir: string };
const moment = new Date(now);
const images: [string, OgImageInput][] = [];
const problems = checkContent({
  root,
  now: moment,
  // The same reports the site lists: drafts and scheduled reports get no page, so no image.
  onReport: (report, session) => {
    if (session && isListed(publicationState(report.data, moment), false)) images.push([report.id, shareImageInput(report.data, session)]);
  },
});
parentPort!.postMessage({ kind: 'checked', problems });

if (!problems.some((problem) => problem.severity === 'error')) {
  const render = shareImageRenderer(projectRoot, cacheDir);
  for (const [id, input] of images) {
    const file = join(imagesDir, `${id}.png`);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, render(input));
  }
  parentPort!.postMessage({ kind: 'drawn', count: images.length });
}
