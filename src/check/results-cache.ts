/**
 * The content check's per-report results, kept by digest: a report's body and prose check (the
 * parse, the components against the session, every sentence against the figures) is the check's
 * largest cost, and its result depends only on what goes into the key:
 *
 * - the check's own code and the market definitions (`checkCodeDigest`: every file of src/check,
 *   src/lib, src/schemas, src/config, src/sources and data/, and package-lock.json for the
 *   libraries it parses and validates with),
 * - the report's path and text,
 * - the text of its session's snapshot, and whether that session could be built,
 * - the security and index registries (names, aliases: what prose may name),
 * - the price files' tickers, and the digest of every price file whose ticker the report names.
 *
 * Anything else a change can touch (dates against the clock, calendars, continuity, published
 * figures, retractions) is checked on every run, never cached. Results are plain data: the
 * problems found and the sentences a person marked, replayed on a hit as if found again.
 *
 * Beside them, each report's front matter as YAML read it (plain values: the core schema has no
 * dates), by the digest of its text, so an unchanged report's YAML is not parsed again either.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { listFiles } from '../config/paths.ts';
import type { Problem } from '../config/problem.ts';
import { dataDigest } from '../lib/digest.ts';
import type { FrontmatterMemo } from '../sources/files.ts';
import type { MarkedSentence } from './prose.ts';

export interface ReportResult {
  problems: Problem[];
  marked: MarkedSentence[];
}

export interface CheckCache {
  get(key: string): ReportResult | undefined;
  set(key: string, result: ReportResult): void;
  /** Each report's front matter as read, by the digest of its text. */
  frontmatter?: FrontmatterMemo;
}

/** One key from its parts, in order: a part's boundaries cannot shift into another's. */
export function resultKey(parts: readonly string[]): string {
  return dataDigest(parts);
}

/** A digest of several texts, each named (a file's path), in name order. */
export function textsDigest(texts: Iterable<readonly [name: string, text: string]>): string {
  return dataDigest([...texts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
const CODE_FOLDERS = ['src/check', 'src/lib', 'src/schemas', 'src/config', 'src/sources', 'data'];
/** The exact versions of the libraries the check runs (Sätteri, yaml, zod…). */
const CODE_FILES = ['package-lock.json'];

let codeDigest: string | undefined;

/** The check's code, market data and library versions, as one digest: any change to them empties the cache. */
export function checkCodeDigest(): string {
  if (codeDigest !== undefined) return codeDigest;
  const files = [...CODE_FOLDERS.flatMap((folder) => listFiles(join(PROJECT, folder), /./)), ...CODE_FILES.map((file) => join(PROJECT, file))];
  return (codeDigest = textsDigest(files.map((file) => [relative(PROJECT, file), readFileSync(file, 'utf8')])));
}

interface Stored {
  code: string;
  results: Record<string, ReportResult>;
  frontmatter: Record<string, unknown>;
}

/**
 * A cache kept in one JSON file. Loading a file that is missing, unreadable or made by other code
 * gives an empty cache; `save` writes the results this run used (stale keys drop out), beside the
 * file and renamed over it, so a reader never sees half of it.
 */
export function fileCheckCache(path: string, code = checkCodeDigest()): CheckCache & { frontmatter: FrontmatterMemo; save(): void; hits: number; misses: number } {
  let stored: Stored = { code, results: {}, frontmatter: {} };
  try {
    const read = JSON.parse(readFileSync(path, 'utf8')) as Stored;
    if (read?.code === code && isRecord(read.results) && isRecord(read.frontmatter)) stored = read;
  } catch {
    // No cache yet, or one that cannot be read: every report is checked.
  }
  const used: Stored = { code, results: {}, frontmatter: {} };
  const cache = {
    hits: 0,
    misses: 0,
    get(key: string) {
      const result = Object.hasOwn(stored.results, key) ? stored.results[key] : undefined;
      if (result) {
        cache.hits++;
        used.results[key] = result;
      } else {
        cache.misses++;
      }
      return result;
    },
    set(key: string, result: ReportResult) {
      used.results[key] = result;
    },
    frontmatter: {
      get(text: string) {
        const key = dataDigest(text);
        const data = Object.hasOwn(stored.frontmatter, key) ? stored.frontmatter[key] : undefined;
        if (data !== undefined) used.frontmatter[key] = data;
        return data;
      },
      set(text: string, data: unknown) {
        used.frontmatter[dataDigest(text)] = data;
      },
    },
    save() {
      mkdirSync(dirname(path), { recursive: true });
      const temporary = `${path}.${process.pid}.tmp`;
      writeFileSync(temporary, JSON.stringify(used));
      renameSync(temporary, path);
    },
  };
  return cache;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
