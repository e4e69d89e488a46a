/**
 * schema.org structured data: `NewsArticle` for a report, `Dataset` for a session's open data.
 * Plain objects; the layout writes each as one JSON-LD block.
 */
import { lastModified, utcInstant } from './feed.ts';

const CONTEXT = 'https://schema.org';
export const PUBLISHER = { '@type': 'Organization', name: 'Closing Bell' } as const;

/** A byline is a person unless it names a desk or the publication itself. */
export function authorOf(name: string) {
  return /\b(desk|closing bell)\b/i.test(name) ? { '@type': 'Organization', name } : { '@type': 'Person', name };
}

export interface ArticleSecurity {
  ticker: string;
  name: string;
  fullName?: string;
  exchange: string;
  url: string;
}

export interface ArticleInput {
  headline: string;
  description: string;
  url: string;
  image?: string;
  /** Zoned publication time, kept with its offset as authors wrote it. */
  published: string;
  corrections: readonly { date: string }[];
  /** When git last saw the report or its snapshot change after publication. */
  updated?: string;
  authors: readonly string[];
  tags: readonly string[];
  securities: readonly ArticleSecurity[];
  indices: readonly { name: string; url: string }[];
  dataset?: string;
}

export function newsArticle(input: ArticleInput) {
  const modified = lastModified(input);
  return {
    '@context': CONTEXT,
    '@type': 'NewsArticle',
    headline: input.headline,
    description: input.description,
    url: input.url,
    mainEntityOfPage: input.url,
    ...(input.image ? { image: [input.image] } : {}),
    datePublished: input.published,
    dateModified: modified ?? utcInstant(input.published),
    author: input.authors.map(authorOf),
    publisher: PUBLISHER,
    inLanguage: 'en-GB',
    keywords: input.tags.join(', '),
    about: input.securities.map((security) => ({
      '@type': 'Corporation',
      name: security.name,
      ...(security.fullName ? { legalName: security.fullName } : {}),
      tickerSymbol: `${security.exchange}:${security.ticker}`,
      url: security.url,
    })),
    mentions: input.indices.map((index) => ({ '@type': 'Thing', name: index.name, url: index.url })),
    ...(input.dataset ? { isBasedOn: input.dataset } : {}),
  };
}

export interface DatasetInput {
  name: string;
  description: string;
  url: string;
  /** Session date, YYYY-MM-DD. */
  date: string;
  marketName: string;
  source: string;
  files: readonly { url: string; format: 'application/json' | 'text/csv' }[];
  variables: readonly string[];
}

export function dataset(input: DatasetInput) {
  return {
    '@context': CONTEXT,
    '@type': 'Dataset',
    name: input.name,
    description: input.description,
    url: input.url,
    temporalCoverage: input.date,
    spatialCoverage: { '@type': 'Place', name: input.marketName },
    isBasedOn: input.source,
    creator: PUBLISHER,
    variableMeasured: input.variables,
    isAccessibleForFree: true,
    distribution: input.files.map((file) => ({ '@type': 'DataDownload', encodingFormat: file.format, contentUrl: file.url })),
  };
}
