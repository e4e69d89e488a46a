/** Every page may be crawled; the sitemap lists them. */
import type { APIRoute } from 'astro';
import { absoluteUrl } from '../lib/url.ts';

export const GET: APIRoute = ({ site }) => {
  const origin = site ?? new URL('https://closing-bell.example');
  const body = ['User-agent: *', 'Allow: /', '', `Sitemap: ${absoluteUrl('/sitemap-index.xml', origin)}`, ''].join('\n');
  return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
