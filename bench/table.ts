/**
 * The benchmark's results as Markdown: one row per archive size, the targets the product holds
 * itself to with a verdict each, and the machine the figures come from. Pure: numbers in, text out.
 */

export interface SizeResult {
  reports: number;
  /** Median wall time of a clean `npm run build` (check + astro build + publish), seconds. */
  buildSeconds: number;
  /** Peak resident memory of the build's whole process tree, bytes (the highest of the runs). */
  peakRssBytes: number;
  /** Everything written to the output folder, bytes. */
  outputBytes: number;
  /** Median wall time of a build after editing one report, with the previous build's cache, seconds. */
  rebuildSeconds: number;
  /** Median wall time of `npm run check`, seconds. */
  checkSeconds: number;
  /** The plain Astro + MDX baseline on the same reports: median clean build, seconds. */
  baselineSeconds: number;
  baselinePeakRssBytes: number;
  /** Median user + system CPU seconds of the clean build and of the baseline, when measured. */
  buildCpuSeconds?: number;
  baselineCpuSeconds?: number;
  /** Plain Astro over the same text as `.md` (component tags dropped, their text kept; no MDX, no checks), when measured. */
  mdSeconds?: number;
  mdPeakRssBytes?: number;
  mdCpuSeconds?: number;
  /** How many times each measurement ran (medians are over these). */
  runs: number;
}

export interface Machine {
  date: string;
  cpu: string;
  cores: number;
  memoryBytes: number;
  /** 1-minute load average when the run started and when it ended. */
  loadStart: number;
  loadEnd: number;
  node: string;
  versions: Record<string, string>;
  commit: string;
  command: string;
}

export interface Target {
  name: string;
  /** The measured value as shown, or undefined when the run did not measure it. */
  measured?: string;
  limit: string;
  met?: boolean;
}

const GB = 1024 ** 3;

export const seconds = (s: number) => `${s.toFixed(1)} s`;
export const gigabytes = (bytes: number) => `${(bytes / GB).toFixed(2)} GB`;
export const kilobytes = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
export const ratio = (r: number) => `${r.toFixed(2)}×`;

export function median(values: number[]): number {
  if (values.length === 0) throw new RangeError('the median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The targets, judged from the rows there are: at 4000 reports, the growth from 1000 to 4000, and 20,000 when measured. */
export function judgeTargets(rows: SizeResult[]): Target[] {
  const at = (n: number) => rows.find((r) => r.reports === n);
  const large = at(4000);
  const medium = at(1000);
  const archive = at(20000);
  const verdict = (name: string, limit: string, value: number | undefined, shown: (v: number) => string, ok: (v: number) => boolean): Target =>
    value === undefined ? { name, limit } : { name, limit, measured: shown(value), met: ok(value) };
  return [
    verdict('Full build, 4000 reports, vs plain Astro over the same text as `.md`', '≤ 1.00×', large?.mdSeconds && large.buildSeconds / large.mdSeconds, ratio, (v) => v <= 1),
    verdict('Full build CPU, 4000 reports, vs plain Astro over `.md`', '≤ 1.00×', large?.mdCpuSeconds && large.buildCpuSeconds && large.buildCpuSeconds / large.mdCpuSeconds, ratio, (v) => v <= 1),
    verdict('Full build, 4000 reports, vs plain Astro + MDX', '≤ 1.00×', large && large.buildSeconds / large.baselineSeconds, ratio, (v) => v <= 1),
    verdict('Peak memory, 4000 reports', '≤ 1.00 GB', large?.peakRssBytes, gigabytes, (v) => v <= 1 * GB),
    verdict('Build time growth, 1000 → 4000 reports', '≤ 4.40×', large && medium && large.buildSeconds / medium.buildSeconds, ratio, (v) => v <= 4.4),
    verdict('Rebuild after editing one report of 4000', '< 8.0 s', large?.rebuildSeconds, seconds, (v) => v < 8),
    verdict('`npm run check`, 4000 reports', '< 2.0 s', large?.checkSeconds, seconds, (v) => v < 2),
    verdict('Build time growth, 4000 → 20,000 reports (--archive)', '≤ 5.50×', archive && large && archive.buildSeconds / large.buildSeconds, ratio, (v) => v <= 5.5),
    verdict('Peak memory, 20,000 reports (--archive)', '≤ 1.00 GB', archive?.peakRssBytes, gigabytes, (v) => v <= 1 * GB),
  ];
}

function table(header: string[], rows: string[][], rightAligned: boolean[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (rightAligned[i] ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (rightAligned[i] ? `${'-'.repeat(w + 1)}:` : `${'-'.repeat(w + 2)}`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function resultsTable(rows: SizeResult[]): string {
  const header = ['reports', 'build', 'ms/report', 'peak RSS', 'output/report', 'rebuild (1 edit)', 'check', 'baseline build', 'baseline RSS', 'build ÷ baseline', 'CPU ÷ baseline CPU', '.md build', '.md RSS', 'build ÷ .md', 'CPU ÷ .md CPU'];
  const body = rows.map((r) => [
    String(r.reports),
    seconds(r.buildSeconds),
    String(Math.round((r.buildSeconds * 1000) / r.reports)),
    gigabytes(r.peakRssBytes),
    kilobytes(r.outputBytes / r.reports),
    seconds(r.rebuildSeconds),
    seconds(r.checkSeconds),
    seconds(r.baselineSeconds),
    gigabytes(r.baselinePeakRssBytes),
    ratio(r.buildSeconds / r.baselineSeconds),
    r.buildCpuSeconds && r.baselineCpuSeconds ? `${ratio(r.buildCpuSeconds / r.baselineCpuSeconds)} (${r.buildCpuSeconds.toFixed(0)} s ÷ ${r.baselineCpuSeconds.toFixed(0)} s)` : '–',
    r.mdSeconds ? seconds(r.mdSeconds) : '–',
    r.mdPeakRssBytes ? gigabytes(r.mdPeakRssBytes) : '–',
    r.mdSeconds ? ratio(r.buildSeconds / r.mdSeconds) : '–',
    r.buildCpuSeconds && r.mdCpuSeconds ? `${ratio(r.buildCpuSeconds / r.mdCpuSeconds)} (${r.buildCpuSeconds.toFixed(0)} s ÷ ${r.mdCpuSeconds.toFixed(0)} s)` : '–',
  ]);
  return table(header, body, header.map(() => true));
}

export function targetsTable(targets: Target[]): string {
  const body = targets.map((t) => [t.name, t.limit, t.measured ?? 'not measured', t.met === undefined ? '–' : t.met ? 'met' : 'missed']);
  return table(['target', 'limit', 'measured', 'verdict'], body, [false, true, true, false]);
}

export function resultsMarkdown(rows: SizeResult[], machine: Machine): string {
  const runs = Math.min(...rows.map((r) => r.runs));
  const versions = Object.entries(machine.versions).map(([name, version]) => `${name} ${version}`).join(', ');
  return `# Build cost as the archive grows

\`${machine.command}\` on ${machine.date}, commit ${machine.commit}.

${resultsTable(rows)}

Times are medians of ${runs} run${runs === 1 ? '' : 's'} (wall clock); peak RSS is the highest sum of resident memory over
the build's whole process tree, sampled from /proc every 100 ms; CPU is user + system time of the
tree from \`/usr/bin/time\`, which a busy machine disturbs less than wall time. "build" is \`npm run build\`
(content check, \`astro build\`, atomic publish) from an empty output and cache folder; "rebuild" is
the same after changing one report's text, with the previous build's cache kept. The baseline is a
plain Astro + MDX project over the same files: one page per report, every component tag a
stub that renders its children, no data, no checks; the \`.md\` baseline is plain Astro over the same
text as Markdown (component tags dropped, the text inside them kept), no MDX at all.

${targetsTable(judgeTargets(rows))}

Machine: ${machine.cpu}, ${machine.cores} cores, ${(machine.memoryBytes / GB).toFixed(0)} GB RAM; load average ${machine.loadStart.toFixed(2)} at the start, ${machine.loadEnd.toFixed(2)} at the end (shared machine: compare ratios within one run).
Node ${machine.node}; ${versions}.
`;
}
