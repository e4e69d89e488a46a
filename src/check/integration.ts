/**
 * Runs the content check before Astro reads any content, so `astro build` and `astro dev` stop on
 * the same problems `npm run check` prints, all of them at once, before a page is written.
 */
import type { AstroIntegration } from 'astro';
import { checkContent } from './index.ts';
import { contentRoot } from './paths.ts';
import { formatReport } from './problem.ts';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'closing-bell:content-check',
    hooks: {
      'astro:config:setup': ({ logger, command }) => {
        const problems = checkContent({ root: contentRoot(), now: new Date() });
        if (problems.length === 0) return;
        const report = formatReport(problems);
        if (!problems.some((p) => p.severity === 'error')) {
          logger.warn(`The content check has warnings:\n${report}`);
          return;
        }
        if (command === 'build') {
          // A build stops here, before a page is written; the list is the whole message (no stack trace).
          logger.error(`The content check found problems; nothing was built:\n${report}`);
          process.exit(1);
        }
        throw new Error(`The content check found problems:\n${report}`);
      },
    },
  };
}
