/**
 * How much JavaScript heap the Astro build of an archive may use before Node must collect garbage
 * instead of growing. Left alone, Node lets the heap grow to several times what the build keeps
 * alive (a heap snapshot of a 4000-report build: 231 MB live, 1.2 GB resident). A budget of about
 * twice the live size (128 MB plus 96 KB a report) kept a 4000-report build at 0.9 GB resident
 * without measurably slowing it; 250 MB did slow it, as the build then mostly collects garbage.
 * The floor leaves small sites the room they had.
 */
export const HEAP_FLOOR_MB = 512;
const FIXED_MB = 128;
const PER_REPORT_KB = 96;

export function heapBudgetMb(reports: number): number {
  return Math.max(HEAP_FLOOR_MB, Math.ceil(FIXED_MB + (reports * PER_REPORT_KB) / 1024));
}

/**
 * `NODE_OPTIONS` for the build: the budget added unless the author already chose a heap size.
 */
export function withHeapBudget(nodeOptions: string | undefined, reports: number): string {
  const current = nodeOptions?.trim() ?? '';
  if (/--max-old-space-size\b/.test(current)) return current;
  return `${current} --max-old-space-size=${heapBudgetMb(reports)}`.trim();
}
