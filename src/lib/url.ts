/**
 * Every internal address goes through `url()`, so the site can be served under a base path
 * (`base: '/bell/'` in the Astro config) without a link going astray.
 *
 * ```ts
 * url('/tickers/00981-hk/')            // "/tickers/00981-hk/" at the root
 * url('/tickers/00981-hk/', '/bell/')  // "/bell/tickers/00981-hk/"
 * ```
 */
export function url(path: string, base: string = import.meta.env.BASE_URL ?? '/'): string {
  const prefix = base.endsWith('/') ? base.slice(0, -1) : base;
  const rest = path.startsWith('/') ? path : `/${path}`;
  return `${prefix}${rest}`;
}

/** The absolute address of a page, for canonical links, feeds and structured data. */
export function absoluteUrl(path: string, site: URL | string, base?: string): string {
  return new URL(url(path, base), site).href;
}

/** Address of each kind of page, in one place so a link and its page can never disagree. */
export const paths = {
  home: () => '/',
  report: (id: string) => `/reports/${id}/`,
  ticker: (ticker: string) => `/tickers/${tickerSlug(ticker)}/`,
  tickers: () => '/tickers/',
  index: (symbol: string) => `/indices/${indexSlug(symbol)}/`,
  indices: () => '/indices/',
  tag: (tag: string) => `/tags/${tag}/`,
  tags: () => '/tags/',
  archive: (page = 1) => (page <= 1 ? '/archive/' : `/archive/${page}/`),
  search: () => '/search/',
  dataset: (market: string, date: string) => `/data/${market}/${date}/`,
  datasetFile: (market: string, date: string, format: 'json' | 'csv') => `/data/${market}/${date}.${format}`,
  ogImage: (id: string) => `/og/${id}.png`,
  rss: () => '/rss.xml',
  jsonFeed: () => '/feed.json',
};

/** `00981.HK` → `00981-hk`: a ticker as a stable, lower-case path segment. */
export function tickerSlug(ticker: string): string {
  return ticker.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** `HSTECH` → `hstech`. */
export function indexSlug(symbol: string): string {
  return symbol.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}
