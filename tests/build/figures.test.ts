/**
 * One real build of synthetic sessions: figures written with trailing zeros keep exactly those
 * digits on the page, in both open-data files and on the share image; a session stated in percent
 * changes only renders with nothing empty.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import type { SessionView } from '../../src/lib/session.ts';
import { ogImageLayout } from '../../src/lib/og.ts';
import { shareImageInput } from '../../src/share/images.ts';
import { copyContent, runBuild, TMP } from '../support/site.ts';
import { PERCENT_ONLY_REPORT, PRECISION_REPORT, PRECISION_SNAPSHOT, writeFiguresFixture } from '../support/figures-fixture.ts';

let content = '';
let outDir = '';
beforeAll(async () => {
  content = copyContent('figures-build');
  writeFiguresFixture(content);
  outDir = join(TMP, 'figures-build-out');
  const result = await runBuild({ content, outDir });
  expect(result.code, result.output).toBe(0);
}, 240_000);

const file = (path: string) => readFileSync(join(outDir, path), 'utf8');
/** Visible text, no-break spaces as spaces. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, "'").replace(/&amp;/g, '&').replace(/[\s\u00a0]+/g, ' ');

/** The share image's text, laid out from the session exactly as the build does (the check's onReport). */
function shareTexts(id: string): string[] {
  let found: { data: Parameters<typeof shareImageInput>[0]; session: SessionView } | undefined;
  checkContent({
    root: relative(process.cwd(), content),
    now: new Date('2025-11-01T00:00:00Z'),
    onReport: (report, session) => {
      if (report.id === id && session) found = { data: report.data, session };
    },
  });
  if (!found) throw new Error(`no session for ${id}`);
  return ogImageLayout(shareImageInput(found.data, found.session)).texts.map((t) => t.text.replace(/\u00a0/g, ' '));
}

describe('figures written as 80.00, −0.27 and 93.50', () => {
  it('show exactly those digits on the page', () => {
    // (Tags around a figure leave a space before the punctuation after it.)
    const page = text(file(`reports/${PRECISION_REPORT}/index.html`)).replace(/ ([,.])/g, '$1');
    expect(page).toContain('Synthetic One closed at HKD 80.00, a move of −0.27 %.');
    expect(page).toContain('Close HKD 80.00');
    expect(page).toContain('52-week high HKD 93.50');
    expect(page).toContain('Synthetic Index SYNIDX 3,120.50 down ▼ −8.40 down ▼ −0.27 %');
  });

  it('keep them in the JSON download, which is the file as written', () => {
    expect(file('data/hk/2025-10-27.json')).toBe(PRECISION_SNAPSHOT);
  });

  it('keep them in the CSV download’s value column', () => {
    const rows = file('data/hk/2025-10-27.csv').trim().split('\r\n');
    expect(rows).toContain('2025-10-27,hk,stock,SYN01.HK,Synthetic One,close,80.00,exact,HKD,,');
    expect(rows).toContain('2025-10-27,hk,stock,SYN01.HK,Synthetic One,changePercent,-0.27,exact,percent,,');
    expect(rows).toContain('2025-10-27,hk,stock,SYN01.HK,Synthetic One,high52w,93.50,exact,HKD,,');
    expect(rows).toContain('2025-10-27,hk,index,SYNIDX,Synthetic Index,close,3120.50,exact,points,,');
  });

  it('keep them on the share image', () => {
    expect(existsSync(join(outDir, `og/${PRECISION_REPORT}.png`))).toBe(true);
    expect(shareTexts(PRECISION_REPORT)).toEqual(expect.arrayContaining(['HKD 80.00', '▼ −0.27 %', '3,120.50']));
  });
});

describe('a session stated in percent changes only', () => {
  it('renders the report with every move and nothing empty', () => {
    const html = file(`reports/${PERCENT_ONLY_REPORT}/index.html`);
    const article = /<article[\s\S]*<\/article>/.exec(html)![0];
    expect(article).not.toMatch(/<dl[^>]*>\s*<\/dl>|<dl class="figures"/);
    expect(article).not.toContain('market-stats');
    const page = text(article);
    expect(page).toContain('Synthetic Index SYNIDX up ▲ +1.25 %');
    expect(page).toContain('Synthetic note: the source gives this fall in percent only.');
    expect(page).toContain('Synthetic Two SYN02.HK down ▼ more than 2 %');
  });

  it('shows an index’s note on its page, without columns no session states', () => {
    const page = text(file('indices/synidy/index.html'));
    expect(page).toContain('Synthetic note: the source gives this fall in percent only.');
    expect(page).toContain('▼ −0.4 %');
    expect(page).not.toContain('not stated');
  });

  it('fills the share image under the title', () => {
    const texts = shareTexts(PERCENT_ONLY_REPORT);
    expect(texts).toEqual(expect.arrayContaining(['Synthetic One · SYN01.HK', '▲ +3.1 %', 'Synthetic Two · SYN02.HK', '▼ more than 2 %']));
  });
});
