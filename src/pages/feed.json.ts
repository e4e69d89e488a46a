/** JSON Feed 1.1 of every report and retraction, newest first. */
import type { APIRoute } from 'astro';
import { feedReport, getReports, getRetractions, retractionFeedItem } from '../data/index.ts';
import { jsonFeed, newestFirst } from '../lib/feed.ts';
import { absoluteUrl, paths } from '../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const origin = site ?? new URL('https://closing-bell.example');
  const published = await Promise.all((await getReports()).map((report) => feedReport(report, origin)));
  // A retraction is an item too, so a reader who saw the report learns it was withdrawn.
  const retracted = (await getRetractions()).map((retraction) => retractionFeedItem(retraction, origin));
  const reports = retracted.length > 0 ? newestFirst([...published, ...retracted]) : published;
  const feed = jsonFeed(
    {
      title: 'Closing Bell',
      description: 'Market reports from the close, every figure checked against the session’s data.',
      homePageUrl: absoluteUrl('/', origin),
      feedUrl: absoluteUrl(paths.jsonFeed(), origin),
      icon: absoluteUrl('/favicon.svg', origin),
    },
    reports,
  );
  return new Response(JSON.stringify(feed, null, 2), { headers: { 'content-type': 'application/feed+json; charset=utf-8' } });
};
