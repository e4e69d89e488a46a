/**
 * Collections over the top-level `content/` folder. Field rules live in `src/schemas/`; this file
 * only says where each kind of file is and how its id is made. No loader follows a symbolic link.
 *
 * `CLOSING_BELL_CONTENT` points the site at another content folder (the test fixtures use it).
 */
import { defineCollection } from 'astro:content';
import { calendarSchema, indexSchema, priceHistorySchema, reportSchema, securitySchema, snapshotSchema } from './schemas/index.ts';
import { jsonLoader } from './loaders/json.ts';
import { pricesLoader } from './loaders/prices.ts';
import { retractionsLoader } from './loaders/retractions.ts';
import { retractionSchema } from './schemas/retractions.ts';
import { reportsLoader } from './loaders/reports.ts';
import { contentRoot } from './config/paths.ts';

const root = contentRoot();

export const collections = {
  reports: defineCollection({
    // Front matter only: each body is compiled into HTML and components when its page renders (src/data, reportBody), not into a module.
    loader: reportsLoader(`${root}/reports`, root),
    schema: reportSchema,
  }),
  snapshots: defineCollection({
    // `markets/hk/2025-10-24.json` → `hk/2025-10-24`: the market and the session date.
    loader: jsonLoader(`${root}/markets`, 2),
    schema: snapshotSchema,
  }),
  securities: defineCollection({
    // The file name without its extension, case kept: `00981.HK.json` → `00981.HK`.
    loader: jsonLoader(`${root}/securities`, 1),
    schema: securitySchema,
  }),
  indices: defineCollection({
    loader: jsonLoader(`${root}/indices`, 1),
    schema: indexSchema,
  }),
  calendars: defineCollection({
    loader: jsonLoader(`${root}/calendars`, 1),
    schema: calendarSchema,
  }),
  prices: defineCollection({
    // `prices/00981.HK.csv` → `00981.HK`: daily history, optional, one file per security.
    loader: pricesLoader(`${root}/prices`),
    schema: priceHistorySchema,
  }),
  retractions: defineCollection({
    // `retractions.json`: withdrawn reports, each kept as a notice at its old address.
    loader: retractionsLoader(`${root}/retractions.json`),
    schema: retractionSchema,
  }),
};
