/**
 * `npm run bench`: what a build costs as the archive grows. For each size it writes a synthetic
 * archive (SYN01.HK…, made-up figures; never into `content/`) under `bench/.work/`, then measures
 * the real `npm run build` from scratch, a rebuild after editing one report, `npm run check`, a
 * plain Astro + MDX project over the same files and plain Astro over the same text as `.md`, and
 * writes the table to `bench/results/`.
 *
 *     npm run bench                     250, 1000 and 4000 reports (takes a while)
 *     npm run bench -- --quick          250 reports only
 *     npm run bench -- --sizes 500,2000 --runs 3
 *     npm run bench -- --archive        adds 20,000 reports (one desk's decade and more; ~15 min)
 *     npm run bench -- --dev --sizes 4000   the author's loop only: `astro dev` start and edit → visible
 *                                            (bench/dev.ts), cold cache then warm; --profile DIR adds
 *                                            node --cpu-prof of the dev server into DIR
 */
import { execFileSync, spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { measureDevLoop, type DevTimes } from '../bench/dev.ts';
import { writeSyntheticArchive } from '../bench/synthetic.ts';
import { median, resultsMarkdown, resultsTable, type Machine, type SizeResult } from '../bench/table.ts';
import { MDX_COMPONENTS } from '../src/check/components.ts';
import { splitFrontmatter } from '../src/sources/files.ts';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, 'bench/.work');
const RESULTS = join(ROOT, 'bench/results');
const ASTRO = join(ROOT, 'node_modules/astro/bin/astro.mjs');

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    sizes: { type: 'string' },
    runs: { type: 'string', default: '2' },
    dev: { type: 'boolean', default: false },
    profile: { type: 'string' },
    archive: { type: 'boolean', default: false },
  },
});
const sizes = [...(args.sizes ? args.sizes.split(',').map(Number) : args.quick ? [250] : [250, 1000, 4000]), ...(args.archive ? [20000] : [])];
const runs = Number(args.runs);
if (sizes.some((n) => !Number.isInteger(n) || n < 1) || !Number.isInteger(runs) || runs < 1) {
  console.error('Usage: npm run bench -- [--quick] [--sizes 250,1000] [--archive] [--runs 2]');
  process.exit(2);
}

interface Measured {
  seconds: number;
  peakRssBytes: number;
  /** User + system CPU time of the process tree, from /usr/bin/time; less sensitive to a busy machine than wall time. */
  cpuSeconds?: number;
}

const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

const PAGE = 4096;

/**
 * Resident memory of a process and all its descendants, from /proc. Parents are remembered per pid,
 * so each sample reads only new processes' stat files plus the tree's own.
 */
class TreeMemory {
  private parents = new Map<number, number>();
  private root: number;
  constructor(root: number) {
    this.root = root;
  }

  private stat(pid: number): string[] | undefined {
    try {
      const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
      // Fields after the command name, which is in parentheses and may hold spaces: [state, ppid, …].
      return text.slice(text.lastIndexOf(')') + 2).split(' ');
    } catch {
      return undefined;
    }
  }

  sample(): number {
    const pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
    const alive = new Set(pids);
    for (const pid of this.parents.keys()) if (!alive.has(pid)) this.parents.delete(pid);
    for (const pid of pids) {
      if (this.parents.has(pid)) continue;
      const fields = this.stat(pid);
      if (fields) this.parents.set(pid, Number(fields[1]));
    }
    const children = new Map<number, number[]>();
    for (const [pid, parent] of this.parents) children.set(parent, [...(children.get(parent) ?? []), pid]);
    let total = 0;
    const stack = [this.root];
    while (stack.length > 0) {
      const pid = stack.pop()!;
      const fields = this.stat(pid);
      // Field 24 of /proc/pid/stat (index 21 here): resident set size in pages.
      if (fields) total += Number(fields[21]) * PAGE;
      stack.push(...(children.get(pid) ?? []));
    }
    return total;
  }
}

/** Runs a command to completion, timing it and sampling its process tree's memory every 100 ms. */
function measure(command: string[], options: { cwd: string; env: NodeJS.ProcessEnv; log: string }): Promise<Measured> {
  mkdirSync(join(options.log, '..'), { recursive: true });
  const out = openSync(options.log, 'w');
  const cpuFile = `${options.log}.cpu`;
  const wrapped = TIME ? [TIME, '-o', cpuFile, '-f', '%U %S', ...command] : command;
  const started = performance.now();
  const child = spawn(wrapped[0], wrapped.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
  const memory = new TreeMemory(child.pid!);
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, memory.sample())), 100);
  return new Promise((done, fail) => {
    child.on('error', fail);
    child.on('close', (code) => {
      const seconds = (performance.now() - started) / 1000;
      clearInterval(timer);
      closeSync(out);
      if (code !== 0) {
        const tail = readFileSync(options.log, 'utf8').split('\n').slice(-30).join('\n');
        fail(new Error(`${command.join(' ')} exited with ${code} (log: ${relative(ROOT, options.log)}):\n${tail}`));
      } else {
        const cpu = TIME ? readFileSync(cpuFile, 'utf8').trim().split('\n').at(-1)!.split(' ').map(Number) : undefined;
        done({ seconds, peakRssBytes: peak, cpuSeconds: cpu && cpu[0] + cpu[1] });
      }
    });
  });
}

function folderBytes(folder: string): number {
  let total = 0;
  for (const entry of readdirSync(folder, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(join(entry.parentPath, entry.name)).size;
  }
  return total;
}

// The synthetic sessions run into 2026: the build's moment is fixed after them, so the archive never holds a future session.
const baseEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', FORCE_COLOR: '0', NO_COLOR: '1', CLOSING_BELL_NOW: '2026-12-31T12:00:00Z' };

/**
 * A minimal Astro project, one page per report through the content layer: over the `.mdx` files
 * with MDX and a stub per component, or over `.md` copies with Astro's own Markdown and no MDX.
 */
function writeBaseline(folder: string, kind: 'mdx' | 'md'): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(join(folder, 'src/pages/reports'), { recursive: true });
  mkdirSync(join(folder, 'src/components'), { recursive: true });
  writeFileSync(
    join(folder, 'astro.config.mjs'),
    `import { defineConfig } from 'astro/config';
${kind === 'mdx' ? "import mdx from '@astrojs/mdx';\n" : ''}
export default defineConfig({
  integrations: [${kind === 'mdx' ? 'mdx()' : ''}],
  outDir: process.env.BASELINE_OUT_DIR,
  cacheDir: process.env.BASELINE_CACHE_DIR,
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
`,
  );
  writeFileSync(
    join(folder, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

export const collections = {
  reports: defineCollection({ loader: glob({ pattern: '**/*.${kind}', base: process.env.BASELINE_CONTENT }) }),
};
`,
  );
  writeFileSync(join(folder, 'src/components/Stub.astro'), '<div><slot /></div>\n');
  writeFileSync(
    join(folder, 'src/pages/reports/[...id].astro'),
    `---
import { getCollection, render } from 'astro:content';
import Stub from '../../components/Stub.astro';

export async function getStaticPaths() {
  const reports = await getCollection('reports');
  return reports.map((report) => ({ params: { id: report.id }, props: { report } }));
}
const { report } = Astro.props;
const { Content } = await render(report);
const components = { ${kind === 'mdx' ? MDX_COMPONENTS.map((name) => `${name}: Stub`).join(', ') : ''} };
---
<html lang="en">
  <head><meta charset="utf-8" /><title>{report.data.title}</title></head>
  <body><h1>{report.data.title}</h1><Content components={components} /></body>
</html>
`,
  );
}

/**
 * The reports as `.md`, for the Markdown baseline: the same front matter and text, each component
 * tag dropped and the text between an opening and a closing tag kept, unindented so Markdown does
 * not read it as code (the synthetic reports' components take quoted attributes only).
 */
function writeMarkdownCopies(from: string, to: string): void {
  rmSync(to, { recursive: true, force: true });
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).filter((n) => n.endsWith('.mdx'))) {
    const source = readFileSync(join(from, name), 'utf8');
    const parts = splitFrontmatter(source);
    if (!parts) throw new Error(`${join(from, name)}: found no front matter`);
    const text = parts.body.replace(/<\/?[A-Z][A-Za-z]*(?:\s+[A-Za-z]+(?:="[^"]*")?)*\s*\/?>/g, '').replace(/^[ \t]+/gm, '');
    writeFileSync(join(to, name.replace(/\.mdx$/, '.md')), source.slice(0, parts.bodyOffset) + text);
  }
}

/** Changes one report's closing paragraph, as an author fixing a sentence would. */
function editOneReport(content: string, slug: string, run: number): void {
  const path = join(content, 'reports', `${slug}.mdx`);
  const text = readFileSync(path, 'utf8').trimEnd();
  writeFileSync(path, `${text.replace(/ Revised(?: \d+)?\.$/, '')} Revised ${run + 1}.\n`);
}

function pageCount(outDir: string): number {
  return readdirSync(join(outDir, 'reports'), { withFileTypes: true }).filter((e) => e.isDirectory() && existsSync(join(outDir, 'reports', e.name, 'index.html'))).length;
}

async function benchSize(reports: number): Promise<SizeResult> {
  const folder = join(WORK, `n${reports}`);
  rmSync(folder, { recursive: true, force: true });
  const content = join(folder, 'content');
  const { reports: slugs } = writeSyntheticArchive(content, { reports: reports });
  const outDir = join(folder, 'dist');
  const cacheDir = join(folder, 'cache');
  const baseline = join(WORK, 'baseline');
  writeBaseline(baseline, 'mdx');
  const baselineOut = join(folder, 'baseline-dist');
  const baselineCache = join(folder, 'baseline-cache');
  const markdown = join(WORK, 'baseline-md');
  writeBaseline(markdown, 'md');
  const markdownReports = join(folder, 'reports-md');
  writeMarkdownCopies(join(content, 'reports'), markdownReports);
  const markdownOut = join(folder, 'baseline-md-dist');
  const markdownCache = join(folder, 'baseline-md-cache');
  const env = { ...baseEnv, CLOSING_BELL_CONTENT: relative(ROOT, content), CLOSING_BELL_OUT_DIR: outDir, CLOSING_BELL_CACHE_DIR: cacheDir };
  const log = (name: string) => join(folder, 'logs', `${name}.log`);
  const say = (what: string, m: Measured) =>
    console.log(`  ${reports} reports  ${what.padEnd(22)} ${m.seconds.toFixed(1).padStart(6)} s  ${(m.peakRssBytes / 1024 ** 3).toFixed(2)} GB${m.cpuSeconds === undefined ? '' : `  ${m.cpuSeconds.toFixed(1)} s CPU`}`);

  const builds: Measured[] = [];
  const baselines: Measured[] = [];
  const markdowns: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    rmSync(outDir, { recursive: true, force: true });
    rmSync(cacheDir, { recursive: true, force: true });
    builds.push(await measure([process.execPath, 'scripts/build.ts'], { cwd: ROOT, env, log: log(`build-${run + 1}`) }));
    say(`build ${run + 1}/${runs}`, builds.at(-1)!);
    rmSync(baselineOut, { recursive: true, force: true });
    rmSync(baselineCache, { recursive: true, force: true });
    baselines.push(
      await measure([process.execPath, ASTRO, 'build'], {
        cwd: baseline,
        env: { ...baseEnv, BASELINE_CONTENT: join(content, 'reports'), BASELINE_OUT_DIR: baselineOut, BASELINE_CACHE_DIR: baselineCache },
        log: log(`baseline-${run + 1}`),
      }),
    );
    say(`baseline ${run + 1}/${runs}`, baselines.at(-1)!);
    rmSync(markdownOut, { recursive: true, force: true });
    rmSync(markdownCache, { recursive: true, force: true });
    markdowns.push(
      await measure([process.execPath, ASTRO, 'build'], {
        cwd: markdown,
        env: { ...baseEnv, BASELINE_CONTENT: markdownReports, BASELINE_OUT_DIR: markdownOut, BASELINE_CACHE_DIR: markdownCache },
        log: log(`baseline-md-${run + 1}`),
      }),
    );
    say(`.md baseline ${run + 1}/${runs}`, markdowns.at(-1)!);
  }
  const pages = pageCount(outDir);
  if (pages !== reports) throw new Error(`the build wrote ${pages} report pages for ${reports} reports`);
  if (pageCount(baselineOut) !== reports) throw new Error(`the baseline wrote ${pageCount(baselineOut)} report pages for ${reports} reports`);
  if (pageCount(markdownOut) !== reports) throw new Error(`the .md baseline wrote ${pageCount(markdownOut)} report pages for ${reports} reports`);
  const outputBytes = folderBytes(outDir);

  const rebuilds: Measured[] = [];
  const edited = slugs[Math.floor(slugs.length / 2)];
  for (let run = 0; run < runs; run++) {
    editOneReport(content, edited, run);
    rebuilds.push(await measure([process.execPath, 'scripts/build.ts'], { cwd: ROOT, env, log: log(`rebuild-${run + 1}`) }));
    say(`rebuild ${run + 1}/${runs}`, rebuilds.at(-1)!);
    const page = readFileSync(join(outDir, 'reports', edited, 'index.html'), 'utf8');
    if (!page.includes(`Revised ${run + 1}.`)) throw new Error(`the rebuild did not update reports/${edited}/`);
  }

  const checks: Measured[] = [];
  for (let run = 0; run < runs; run++) {
    checks.push(await measure([process.execPath, 'scripts/check.ts'], { cwd: ROOT, env, log: log(`check-${run + 1}`) }));
    say(`check ${run + 1}/${runs}`, checks.at(-1)!);
  }

  return {
    reports,
    buildSeconds: median(builds.map((m) => m.seconds)),
    peakRssBytes: Math.max(...builds.map((m) => m.peakRssBytes)),
    outputBytes,
    rebuildSeconds: median(rebuilds.map((m) => m.seconds)),
    checkSeconds: median(checks.map((m) => m.seconds)),
    baselineSeconds: median(baselines.map((m) => m.seconds)),
    baselinePeakRssBytes: Math.max(...baselines.map((m) => m.peakRssBytes)),
    buildCpuSeconds: TIME ? median(builds.map((m) => m.cpuSeconds!)) : undefined,
    baselineCpuSeconds: TIME ? median(baselines.map((m) => m.cpuSeconds!)) : undefined,
    mdSeconds: median(markdowns.map((m) => m.seconds)),
    mdPeakRssBytes: Math.max(...markdowns.map((m) => m.peakRssBytes)),
    mdCpuSeconds: TIME ? median(markdowns.map((m) => m.cpuSeconds!)) : undefined,
    runs,
  };
}

function version(pkg: string): string {
  return (JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;
}

function commit(): string {
  try {
    const hash = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: ROOT, encoding: 'utf8' }).trim() !== '';
    return dirty ? `${hash} (with uncommitted changes)` : hash;
  } catch {
    return 'unknown';
  }
}

/** The dev server over a fresh synthetic archive: once with an empty cache folder, once with the one it left. */
async function benchDev(reports: number): Promise<{ reports: number; cold: DevTimes; warm: DevTimes }> {
  const folder = join(WORK, `n${reports}`);
  const content = join(folder, 'content');
  const cacheDir = join(folder, 'dev-cache');
  rmSync(cacheDir, { recursive: true, force: true });
  const profile = args.profile ? resolve(args.profile) : undefined;
  const measureOnce = async (name: 'cold' | 'warm') => {
    // The edits of the last run are undone: the same archive every time (the generator is seeded).
    rmSync(content, { recursive: true, force: true });
    // astro dev keeps its data store in the project's .astro/, not in the cache folder.
    if (name === 'cold') rmSync(join(ROOT, '.astro/data-store.json'), { force: true });
    const { reports: slugs } = writeSyntheticArchive(content, { reports });
    mkdirSync(join(folder, 'logs'), { recursive: true });
    const env = {
      ...baseEnv,
      CLOSING_BELL_CONTENT: relative(ROOT, content),
      CLOSING_BELL_CACHE_DIR: cacheDir,
    };
    const nodeArgs = profile ? ['--cpu-prof', `--cpu-prof-dir=${join(profile, `n${reports}-${name}`)}`] : [];
    const times = await measureDevLoop({ root: ROOT, astro: ASTRO, env, nodeArgs, content, slug: slugs[Math.floor(slugs.length / 2)], log: join(folder, 'logs', `dev-${name}.log`) });
    const e = times.editSeconds;
    console.log(
      `  ${reports} reports  dev ${name}: address ${times.listeningSeconds.toFixed(1)} s, ready in ${times.readySeconds?.toFixed(1) ?? '?'} s, / ${times.homeSeconds.toFixed(1)} s, report page ${times.firstReportSeconds.toFixed(1)} s; edit → visible: report ${e.report.toFixed(2)} s (median of ${times.reportEditSeconds.map((x) => x.toFixed(2)).join(', ')}), snapshot ${e.snapshot.toFixed(2)} s, registry ${e.registry.toFixed(2)} s; restarts logged ${times.restarts}; checks ${times.checkSeconds.map((c) => `${c} s`).join(', ') || 'none logged'}, settled ${times.checkSettledSeconds.toFixed(1)} s after the last edit`,
    );
    return times;
  };
  const cold = await measureOnce('cold');
  const warm = await measureOnce('warm');
  return { reports, cold, warm };
}

function devMarkdown(rows: Awaited<ReturnType<typeof benchDev>>[], machine: Machine): string {
  const s = (value: number | undefined) => (value === undefined ? '?' : value.toFixed(value < 10 ? 2 : 1));
  const lines = [
    '# The author\'s loop: `astro dev` over a synthetic archive',
    '',
    `${machine.date}; ${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / 1024 ** 3).toFixed(1)} GB; load average ${machine.loadStart.toFixed(2)} at the start, ${machine.loadEnd.toFixed(2)} at the end; Node ${machine.node}; astro ${machine.versions.astro}, vite ${machine.versions.vite}; commit ${machine.command.includes('--profile') ? `${machine.commit}, profiled (slower)` : machine.commit}.`,
    '',
    `Command: \`${machine.command}\`. Seconds from spawning \`astro dev\`; "cold" starts with no data store (\`.astro/data-store.json\` removed) and an empty cache folder, "warm" with what the cold run left (its edits undone and written to the store before it stopped: an unchanged archive, as on an author's usual restart). Edit → visible: from writing the file until Chromium, with the report open, shows the change (the dev server reloads the page).`,
    '',
    '| reports | start | address | "ready in" | `/` answers | report page | edit report text (median of 3 saves) | edit snapshot figure | rename security | restarts logged | dev check, each run (s) | check reported, after the last edit |',
    '|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|',
  ];
  for (const row of rows) {
    for (const [name, t] of [['cold', row.cold], ['warm', row.warm]] as const) {
      lines.push(`| ${row.reports} | ${name} | ${s(t.listeningSeconds)} | ${s(t.readySeconds)} | ${s(t.homeSeconds)} | ${s(t.firstReportSeconds)} | ${s(t.editSeconds.report)} (${t.reportEditSeconds.map((x) => x.toFixed(2)).join(', ')}) | ${s(t.editSeconds.snapshot)} | ${s(t.editSeconds.registry)} | ${t.restarts} | ${t.checkSeconds.join(', ') || '–'} | ${s(t.checkSettledSeconds)} |`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** The machine, its load over the run, the versions and the command, written beside the figures. */
function describeMachine(): Machine {
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    cpu: cpus()[0]?.model ?? 'unknown CPU',
    cores: cpus().length,
    memoryBytes: totalmem(),
    loadStart,
    loadEnd: loadavg()[0],
    node: process.version,
    versions: { astro: version('astro'), '@astrojs/mdx': version('@astrojs/mdx'), vite: version('vite') },
    commit: commit(),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
  };
}

const loadStart = loadavg()[0];
if (args.dev) {
  console.log(`Dev-server benchmark: ${sizes.join(', ')} reports, load average ${loadStart.toFixed(2)}`);
  const rows = [];
  for (const size of sizes) rows.push(await benchDev(size));
  const machine = describeMachine();
  mkdirSync(RESULTS, { recursive: true });
  const file = join(RESULTS, `dev-${sizes.join('-')}${args.profile ? '-profiled' : ''}.md`);
  writeFileSync(file, devMarkdown(rows, machine));
  console.log(`Written to ${relative(ROOT, file)}`);
  process.exit(0);
}

console.log(`Benchmark: ${sizes.join(', ')} reports, ${runs} run${runs === 1 ? '' : 's'} each, load average ${loadStart.toFixed(2)}`);
const rows: SizeResult[] = [];
for (const size of sizes) rows.push(await benchSize(size));

const machine = describeMachine();
const name = args.sizes ? `sizes-${sizes.join('-')}` : args.quick ? 'quick' : 'full';
mkdirSync(RESULTS, { recursive: true });
const file = join(RESULTS, `${name}.md`);
writeFileSync(file, resultsMarkdown(rows, machine));
console.log(`\n${resultsTable(rows)}\n\nWritten to ${relative(ROOT, file)}`);
