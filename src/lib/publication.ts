/**
 * Whether a report is out yet. A draft is seen only in `npm run dev`; a report whose publication
 * time is still ahead is scheduled, left out of the build until a build runs after that time.
 */
export type PublicationState = 'draft' | 'scheduled' | 'published';

export function publicationState(report: { draft?: boolean; published: string }, now: Date): PublicationState {
  if (report.draft) return 'draft';
  return Date.parse(report.published) > now.getTime() ? 'scheduled' : 'published';
}

/** What a build shows: everything in dev (drafts and scheduled reports included), only published reports otherwise. */
export function isListed(state: PublicationState, dev: boolean): boolean {
  return dev || state === 'published';
}

interface Commits {
  first: { date: string };
  last: { date: string };
}

/**
 * The latest change to a report or its snapshot after the report was first committed: the
 * "updated" time readers see. Undefined when nothing changed since (or the report has no history).
 */
export function lastUpdate(report: Commits | undefined, snapshot: Commits | undefined): string | undefined {
  if (!report) return undefined;
  const since = Date.parse(report.first.date);
  const latest = [report.last.date, snapshot?.last.date].filter((d): d is string => d !== undefined && Date.parse(d) > since);
  return latest.sort((a, b) => Date.parse(b) - Date.parse(a))[0];
}
