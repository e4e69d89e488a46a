/**
 * Runs the content check before Astro reads any content, so `astro build` stops on the same
 * problems `npm run check` prints, all of them at once, before a page is written. In `astro dev`
 * the check runs in the background once the server listens, and again whenever a content file
 * changes; its problems go to the terminal and the browser's error overlay as they come, while
 * pages are served from the start.
 */
import type { AstroIntegration } from 'astro';
import type { Plugin, ViteDevServer } from 'vite';
import { Worker } from 'node:worker_threads';
import { resolve } from 'node:path';
import { checkContentCached } from '../check/cached.ts';
import { buildTime, cacheRoot, contentRoot } from '../config/paths.ts';
import { formatReport, type Problem } from '../config/problem.ts';
import type { CheckRequest, CheckResponse } from './check-worker.ts';
import { reportReload } from './report-reload.ts';

export default function contentCheck(): AstroIntegration {
  return {
    name: 'closing-bell:content-check',
    hooks: {
      'astro:config:setup': ({ logger, command, updateConfig }) => {
        // Drafts and scheduled reports show in `astro dev` only. Decided by the command, not by
        // import.meta.env.DEV, which a stray DEV=1 in the shell's environment would turn on in a build.
        // CLOSING_BELL_DEV_SERVER: pages look up what they show when asked for, not for the whole archive up front.
        const dev = JSON.stringify(command === 'dev');
        updateConfig({ vite: { define: { 'import.meta.env.CLOSING_BELL_SHOW_UNPUBLISHED': dev, 'import.meta.env.CLOSING_BELL_DEV_SERVER': dev } } });
        // Vitest loads this config for component tests; the content is not what is under test there.
        // `npm run build` has run the check already, before starting Astro.
        if (process.env.VITEST || (command === 'build' && process.env.CLOSING_BELL_CHECKED === '1')) return;
        // The dev server does not wait for the check: it runs beside the server (devOverlay).
        if (command === 'dev') {
          // Vite's pre-bundled dependencies in a folder of the dev server's own: in the shared default
          // (node_modules/.vite) a build, a test's dev server or another checkout leaves a different
          // config hash, and the next start bundles them again ("Re-optimizing dependencies because
          // vite config has changed") and reloads the page once it has.
          updateConfig({ vite: { plugins: [devOverlay(), reportReload(contentRoot())], cacheDir: resolve(cacheRoot(), 'vite-dev') } });
          return;
        }
        const problems = checkContentCached({ root: contentRoot(), now: buildTime() });
        if (problems.length === 0) return;
        const report = formatReport(problems);
        if (!problems.some((p) => p.severity === 'error')) {
          logger.warn(`The content check has warnings:\n${report}`);
          return;
        }
        if (command === 'build') {
          // Stop here, before a page is written; the list is the whole message (no stack trace).
          logger.error(`The content check found problems; nothing was built:\n${report}`);
          process.exit(1);
        }
        throw new Error(`The content check found problems:\n${report}`);
      },
    },
  };
}

/**
 * In dev: check once the server listens and after every change under the content folder, in a
 * worker thread so requests are served meanwhile; changes that arrive during a check are checked
 * together right after it. Errors go to the overlay (and to each browser that connects later),
 * every problem to the terminal.
 */
/** Whether a dev server of this process has listened, and the exit hook that speaks when none did. */
let startedOnce = false;
let printOnFailedStart = (_code: number) => {};

function devOverlay(): Plugin {
  let errors: Problem[] = [];
  let worker: Worker | undefined;
  let running = false;
  let again = false;
  const run = (server: ViteDevServer) => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    again = false;
    if (!worker) {
      worker = new Worker(new URL('./check-worker.ts', import.meta.url));
      // The worker never keeps the server's process alive: stopping the server stops the check.
      worker.unref();
      worker.on('message', (response: CheckResponse) => done(server, response));
      worker.on('error', (error) => {
        worker = undefined;
        done(server, { failure: error.stack ?? error.message });
      });
    }
    const request: CheckRequest = { root: contentRoot(), now: buildTime().toISOString(), cwd: process.cwd() };
    worker.postMessage(request);
  };
  const done = (server: ViteDevServer, response: CheckResponse) => {
    running = false;
    const logger = server.config.logger;
    if ('failure' in response) logger.error(`The content check stopped: ${response.failure}`, { timestamp: true });
    else {
      const { problems, seconds } = response;
      errors = problems.filter((p) => p.severity === 'error');
      if (problems.length > 0) logger.warn(`\n${formatReport(problems)}`);
      else logger.info(`The content check found no problems (${seconds.toFixed(1)} s).`, { timestamp: true });
      send(server);
    }
    if (again) run(server);
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
      // After the server listens, so the first page does not wait for the archive's check.
      if (server.httpServer && !server.httpServer.listening) server.httpServer.once('listening', () => run(server));
      else run(server);
      // A file the content layer cannot load stops the server before it listens, with that file's
      // error alone: then the whole list is what the author needs, as the build gives it. Once a
      // server has listened, an exit is not a failed start (a closed server no longer "listens",
      // and each restart of the server comes through here again: one hook, for the latest).
      server.httpServer?.once('listening', () => (startedOnce = true));
      process.off('exit', printOnFailedStart);
      printOnFailedStart = (code: number) => {
        if (code === 0 || startedOnce) return;
        const problems = checkContentCached({ root: contentRoot(), now: buildTime() });
        if (problems.some((p) => p.severity === 'error')) {
          server.config.logger.error(`The content check found problems; fix them to start the dev server:\n${formatReport(problems)}`);
        }
      };
      process.once('exit', printOnFailedStart);
    },
  };
}
