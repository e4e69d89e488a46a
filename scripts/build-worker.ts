/**
 * The second process of `npm run build` (scripts/build.ts), working while Astro builds the pages.
 * It runs in one of two roles, each a short-lived process of its own, so the memory one used goes
 * back to the machine before the next starts, while Astro's build grows:
 *
 * - `check`: the content check; answers `{ kind: 'checked', problems, images }`, with the share
 *   image of every listed report as data (title, kicker, headline figures);
 * - `draw`: given `{ images }`, draws each image into the folder the build then moves into the
 *   site; answers `{ kind: 'drawn', count }`.
 *
 * Its task comes as JSON in argv[2], its answers go over the IPC channel.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { checkContentCached } from '../src/check/cached.ts';
import { checkResultsPath } from '../src/config/paths.ts';
import type { OgImageInput } from '../src/lib/og.ts';
import { isListed, publicationState } from '../src/lib/publication.ts';
import { shareImageInput, shareImageRenderer } from '../src/share/images.ts';

export type ShareImages = [id: string, input: OgImageInput][];

const task = JSON.parse(process.argv[2]) as
  | { role: 'check'; root: string; now: string; cacheDir: string }
  | { role: 'draw'; imagesDir: string; projectRoot: string; cacheDir: string };
const send = (message: object) => new Promise<void>((done, fail) => process.send!(message, (error: Error | null) => (error ? fail(error) : done())));

if (task.role === 'check') {
  const moment = new Date(task.now);
  const images: ShareImages = [];
  const problems = checkContentCached({
    root: task.root,
    now: moment,
    // The same reports the site lists: drafts and scheduled reports get no page, so no image.
    onReport: (report, session) => {
      if (session && isListed(publicationState(report.data, moment), false)) images.push([report.id, shareImageInput(report.data, session)]);
    },
  }, checkResultsPath(task.cacheDir));
  await send({ kind: 'checked', problems, images });
  process.disconnect();
} else {
  const { imagesDir, projectRoot, cacheDir } = task;
  process.once('message', async ({ images }: { images: ShareImages }) => {
    const render = shareImageRenderer(projectRoot, cacheDir);
    for (const [id, input] of images) {
      const file = join(imagesDir, `${id}.png`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, render(input));
    }
    await send({ kind: 'drawn', count: images.length });
    process.disconnect();
  });
}
