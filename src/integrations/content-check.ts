/**
 * Runs the content check before Astro reads any content, so `astro build` stops on the same
 * problems `npm run check` prints, all of them at once, before a page is written. In `astro dev`
 * the check runs again whenever a content file changes, and its problems appear in the browser's
 * error overlay while the author types.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { resolve } from 'node:path';
import { checkContent } from '../check/index.ts';
import { buildTime, contentRoot } from '../config/paths.ts';
import { formatReport, type Problem } from '../config/problem.ts';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'closing-bell:content-check',
    hooks: {
      'astro:config:setup': ({ logger, command, updateConfig }) => {
        // Drafts and scheduled reports show in `astro dev` only. Decided by the command, not by
        // import.meta.env.DEV, which a stray DEV=1 in the shell's environment would turn on in a build.
        updateConfig({ vite: { define: { 'import.meta.env.CLOSING_BELL_SHOW_UNPUBLISHED': JSON.stringify(command === 'dev') } } });
        // Vitest loads this config for component tests; the content is not what is under test there.
        // `npm run build` has run the check already, before starting Astro.
        if (process.env.VITEST || (command === 'build' && process.env.CLOSING_BELL_CHECKED === '1')) return;
        const problems = checkContent({ root: contentRoot(), now: buildTime() });
        // While the dev server runs, later problems go to the browser's overlay (it needs a server that started).
        if (command === 'dev') updateConfig({ vite: { plugins: [devOverlay()] } });
        if (problems.length === 0) return;
        const report = formatReport(problems);
        if (!problems.some((p) => p.severity === 'error')) {
          logger.warn(`The content check has warnings:\n${report}`);
          return;
        }
        if (command === 'build' || command === 'dev') {
          // Stop here, before a page is written; the list is the whole message (no stack trace).
          logger.error(`The content check found problems; ${command === 'build' ? 'nothing was built' : 'fix them to start the dev server'}:\n${report}`);
          process.exit(1);
        }
        throw new Error(`The content check found problems:\n${report}`);
      },
    },
  };
}

/** In dev: check on start and on every change under the content folder; show errors in the overlay. */
function devOverlay(): Plugin {
  let errors: Problem[] = [];
  const run = (server: ViteDevServer) => {
    const problems = checkContent({ root: contentRoot(), now: buildTime() });
    errors = problems.filter((p) => p.severity === 'error');
    if (problems.length > 0) server.config.logger.warn(`\n${formatReport(problems)}`);
    send(server);
  };
  const send = (server: ViteDevServer) => {
    const [first] = errors;
    if (!first) return;
    server.ws.send({
      type: 'error',
      err: {
        message: `The content check found problems:\n${formatReport(errors)}`,
        stack: '',
        id: resolve(first.file),
        loc: { file: resolve(first.file), line: first.line, column: first.column },
        plugin: 'closing-bell:content-check',
      },
    });
  };
  return {
    name: 'closing-bell:content-check-overlay',
    configureServer(server) {
      const root = resolve(contentRoot());
      server.watcher.add(root);
      server.watcher.on('all', (_, path) => {
        if (path.startsWith(root)) run(server);
      });
      server.ws.on('connection', () => send(server));
      run(server);
    },
  };
}
