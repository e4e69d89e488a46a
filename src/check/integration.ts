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
      'astro:config:setup': ({ logger }) => {
        const problems = checkContent({ root: contentRoot(), now: new Date() });
        if (problems.length === 0) return;
        const report = formatReport(problems);
        if (problems.some((p) => p.severity === 'error')) {
          throw new Error(`The content check found problems:\n${report}`);
        }
        logger.warn(report);
      },
    },
  };
}
