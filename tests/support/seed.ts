/**
 * The seed session as components see it, read straight from `content/` through the same schemas
 * the build uses: tests render real figures, not copies of them.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { indexSchema, securitySchema, snapshotSchema } from '../../src/schemas/index.ts';
import { buildSession, type SessionView } from '../../src/lib/session.ts';
import { jsonLiterals, withWrittenDecimals } from '../../src/lib/written.ts';

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

/** The seed session as the build makes it: each stated figure with the decimals written in the file. */
export function seedSession(): SessionView {
  const text = readFileSync('content/markets/hk/2025-10-24.json', 'utf8');
  return buildSession(withWrittenDecimals(snapshotSchema.parse(JSON.parse(text)), jsonLiterals(text)), registriesFrom());
}
