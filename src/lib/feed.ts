/**
 * Feed items from reports, for RSS (through @astrojs/rss) and JSON Feed 1.1. A report's publication
 * time is written with its zone (18:30+08:00); feeds carry it as the same instant in UTC.
 */
import { parseISO } from 'date-fns/parseISO';

export interface FeedReport {
  title: string;
  description: string;
  /** Zoned publication time, e.g. 2025-10-24T18:30:00+08:00. */
  published: string;
  /** Zoned times of corrections, if any. */
  corrections: readonly { date: string }[];
  /** When git last saw the report or its snapshot change after publication, if it did. */
  updated?: string;
  authors: readonly string[];
  tags: readonly string[];
  /** Names of the securities the report is about. */
  subjects: readonly string[];
  /** Absolute address of the report. */
  url: string;
  /** Absolute address of its share image. */
  image?: string;
}

/**
 * A retracted report as a feed item, so readers who saw it learn it was withdrawn: its title marked
 * "Retracted", the reason as its text, dated when it was retracted, at its old address.
 */
export function retractionItem(retraction: { title: string; reason: string; date: string }, url: string): FeedReport {
  return { title: `Retracted: ${retraction.title}`, description: retraction.reason, published: retraction.date, corrections: [], authors: [], tags: ['retraction'], subjects: [], url };
}

/** Newest first, by publication (for a retraction, the time it was retracted). */
export function newestFirst(items: readonly FeedReport[]): FeedReport[] {
  return [...items].sort((a, b) => utcInstant(b.published).localeCompare(utcInstant(a.published)));
}

/** An instant with any offset → the same instant in UTC, to the second: `2025-10-24T10:30:00Z`. */
export function utcInstant(zoned: string): string {
  // parseISO, not Date.parse: the latter reads "24 Oct" as a day of 2001.
  const time = parseISO(zoned);
  if (Number.isNaN(time.getTime())) throw new RangeError(`"${zoned}" is not a date and time`);
  return time.toISOString().replace(/\.000Z$/, 'Z');
}

/** The latest correction's time or git's last update, whichever is later, if either exists. */
export function lastModified(report: Pick<FeedReport, 'corrections' | 'updated'>): string | undefined {
  const times = [...report.corrections.map((c) => c.date), ...(report.updated ? [report.updated] : [])].map(utcInstant).sort();
  return times.at(-1);
}

/** An item for @astrojs/rss: its pubDate is a Date, which the library writes as RFC 822 in GMT. */
export function rssItem(report: FeedReport) {
  return {
    title: report.title,
    link: report.url,
    description: report.description,
    pubDate: new Date(utcInstant(report.published)),
    categories: [...report.tags, ...report.subjects],
    customData: report.authors.map((author) => `<dc:creator>${escapeXml(author)}</dc:creator>`).join(''),
  };
}

export interface JsonFeedOptions {
  title: string;
  description: string;
  homePageUrl: string;
  feedUrl: string;
  icon?: string;
}

/** A JSON Feed 1.1 document (https://jsonfeed.org/version/1.1) of the given reports, in their order. */
export function jsonFeed(options: JsonFeedOptions, reports: readonly FeedReport[]) {
  return {
    version: 'https://jsonfeed.org/version/1.1',
    title: options.title,
    home_page_url: options.homePageUrl,
    feed_url: options.feedUrl,
    description: options.description,
    language: 'en-GB',
    ...(options.icon ? { icon: options.icon } : {}),
    items: reports.map((report) => {
      const modified = lastModified(report);
      return {
        id: report.url,
        url: report.url,
        title: report.title,
        summary: report.description,
        content_text: report.description,
        date_published: utcInstant(report.published),
        ...(modified ? { date_modified: modified } : {}),
        authors: report.authors.map((name) => ({ name })),
        tags: [...report.tags, ...report.subjects],
        ...(report.image ? { image: report.image } : {}),
      };
    }),
  };
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}
