/** RSS 2.0 feed of every report and retraction, newest first, through @astrojs/rss. */
import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { feedReport, getReports, getRetractions, retractionFeedItem } from '../data/index.ts';
import { newestFirst, rssItem } from '../lib/feed.ts';
import { absoluteUrl } from '../lib/url.ts';

export const GET: APIRoute = async ({ site }) => {
  const origin = site ?? new URL('https://closing-bell.example');
  const published = await Promise.all((await getReports()).map((report) => feedReport(report, origin)));
  // A retraction is an item too, so a reader who saw the report learns it was withdrawn.
  const retracted = (await getRetractions()).map((retraction) => retractionFeedItem(retraction, origin));
  const reports = retracted.length > 0 ? newestFirst([...published, ...retracted]) : published;
  return rss({
    title: 'Closing Bell',
    description: 'Market reports from the close, every figure checked against the session’s data.',
    site: absoluteUrl('/', origin),
    items: reports.map(rssItem),
    xmlns: { dc: 'http://purl.org/dc/elements/1.1/', atom: 'http://www.w3.org/2005/Atom' },
    customData: `<language>en-gb</language><atom:link href="${absoluteUrl('/rss.xml', origin)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
  });
};
