/**
 * `content/retractions.json`: published reports that were withdrawn. A published report never
 * vanishes silently: to delete one (or empty it), the desk adds an entry here, and the site keeps a
 * notice at the report's old address, an item in the feeds and a line in the corrections record.
 */
import { z } from 'astro/zod';
import { zonedDateTime } from './index.ts';

const text = z.string({ error: 'expected text' }).trim().min(1, 'found an empty string, expected text');

export const retractionSchema = z.strictObject({
  /** The retracted report's id: its file name without `.mdx`, which was its address. */
  id: z.string({ error: 'expected the report\'s id, its file name without .mdx' }).regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'expected the report\'s id, its file name without .mdx, such as 2025-10-24-smic-rally'),
  /** The title it was published under. */
  title: text,
  /** When it was first published, as its front matter said. */
  published: zonedDateTime,
  /** When it was retracted, with its zone offset. */
  date: zonedDateTime,
  /** Why, in a sentence or two, for readers. */
  reason: text,
});

export const retractionsSchema = z.strictObject({
  retractions: z.array(retractionSchema),
});

export type Retraction = z.output<typeof retractionSchema>;
