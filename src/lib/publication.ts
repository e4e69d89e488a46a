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
