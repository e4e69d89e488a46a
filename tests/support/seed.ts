/**
 * The seed session as components see it, read straight from `content/` through the same schemas
 * the build uses: tests render real figures, not copies of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { indexSchema, securitySchema, snapshotSchema } from '../../src/schemas/index.ts';
import { buildSession, type SessionView } from '../../src/lib/session.ts';

const readJson = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8'));

export function registriesFrom(root = 'content') {
  return {
    securities: new Map(
      readdirSync(`${root}/securities`).map((f) => {
        const s = securitySchema.parse(readJson(`${root}/securities/${f}`));
        return [s.ticker, s] as const;
      }),
    ),
    indices: new Map(
      readdirSync(`${root}/indices`).map((f) => {
        const i = indexSchema.parse(readJson(`${root}/indices/${f}`));
        return [i.symbol, i] as const;
      }),
    ),
  };
}

export function seedSnapshotJson(): any {
  return readJson('content/markets/hk/2025-10-24.json');
}

export function seedSession(): SessionView {
  return buildSession(snapshotSchema.parse(seedSnapshotJson()), registriesFrom());
}
