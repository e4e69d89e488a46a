/**
 * IndexTable with a session that quotes other markets' indices (SYNTHETIC figures): grouped under
 * the home market and the region, each move in its own market's colours, and a note when the
 * colour conventions differ within the table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { beforeAll, describe, expect, it } from 'vitest';
import IndexTable from '../../src/components/IndexTable.astro';
import { snapshotSchema } from '../../src/schemas/index.ts';
import { buildSession, type SessionView } from '../../src/lib/session.ts';
import { copyContent } from '../support/site.ts';
import { registriesFrom } from '../support/seed.ts';
import { REGIONAL_SNAPSHOT, writeRegionalWrap } from '../support/regional.ts';

let container: AstroContainer;
let session: SessionView;
beforeAll(async () => {
  container = await AstroContainer.create();
  const content = copyContent('regional-components');
  writeRegionalWrap(content);
  session = buildSession(snapshotSchema.parse(JSON.parse(readFileSync(join(content, REGIONAL_SNAPSHOT), 'utf8'))), registriesFrom(content));
});

const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/[\s\u00a0]+/g, ' ').trim();

describe('IndexTable with regional indices', () => {
  it('gives each quote its own market', () => {
    expect(session.indices.map((q) => `${q.id}:${q.market.id}`)).toEqual(['HSI:hk', 'SSEC:cn', 'N225:jp', 'KS11:kr', 'AXJO:au', 'NZ50:nz']);
  });

  it('groups Hong Kong first and the region after, with their captions and a note on the colours', async () => {
    const html = await container.renderToString(IndexTable, { props: { session } });
    const captions = [...html.matchAll(/<caption>([\s\S]*?)<\/caption>/g)].map((m) => text(m[1]));
    expect(captions).toEqual(['Hong Kong indices at the close, Monday, 27 October 2025', "Asia-Pacific indices at each market's close, Monday, 27 October 2025"]);
    expect(text(html)).toContain('Each move is coloured as its own market shows it: a rise in red in Mainland China, Japan, South Korea.');
    const row = (symbol: string) => [...html.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]).find((r) => r.includes(`>${symbol}</abbr>`))!;
    expect(row('SSEC')).toMatch(/tone-red[\s\S]*▲[\s\S]*\+46\.63/);
    expect(row('KS11')).toMatch(/tone-green[\s\S]*▼[\s\S]*−101\.24/);
    expect(row('HSI')).toMatch(/tone-green[\s\S]*▲[\s\S]*\+273/);
    expect(text(row('N225'))).toContain('Nikkei 225 N225 · Japan');
  });

  it('shows only the picked indices, and one caption replaces the first group’s', async () => {
    const html = await container.renderToString(IndexTable, { props: { session, only: ['N225', 'SSEC'], caption: 'Asian markets' } });
    expect([...html.matchAll(/<caption>([\s\S]*?)<\/caption>/g)].map((m) => text(m[1]))).toEqual(['Asian markets']);
    expect([...html.matchAll(/<abbr[^>]*>(\w+)<\/abbr>/g)].map((m) => m[1])).toEqual(['N225', 'SSEC']);
  });

  it('has no colour note when every index shows a rise in green', async () => {
    const html = await container.renderToString(IndexTable, { props: { session, only: ['HSI', 'AXJO', 'NZ50'] } });
    expect(text(html)).not.toContain('coloured as its own market');
  });
});
