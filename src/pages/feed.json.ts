/** JSON Feed 1.1 of every report, newest first. */
import type { APIRoute } from 'astro';
import { feedReport, getReports } from '../data/index.ts';
import { jsonFeed } from '../lib/feed.ts';
import { absoluteUrl, paths } from '../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const origin = site ?? new URL('https://closing-bell.example');
  const reports = await Promise.all((await getReports()).map((report) => feedReport(report, origin)));
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
