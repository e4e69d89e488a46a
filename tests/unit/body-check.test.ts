/**
 * The content check on report bodies, in-process on a copy of content/: every component, attribute
 * and HTML problem is refused at its line, from the same tree the compiler builds, and what the
 * check passes compiles.
 */
import { readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../../src/check/index.ts';
import { entityMatcher } from '../../src/lib/entities.ts';
import { compileReportFile } from '../../src/markdown/report-body.ts';
import { copyContent, editFile, UNREAD_HISTORY } from '../support/site.ts';

const NOW = new Date('2025-11-01T00:00:00Z');
const REPORT = 'reports/2025-10-24-smic-rally.mdx';

let content: string;
let original: string;

beforeAll(() => {
  content = copyContent('body-check');
  original = readFileSync(join(content, REPORT), 'utf8');
});
afterAll(() => rmSync(dirname(content), { recursive: true, force: true }));

/** The seed report with `insert` as a paragraph of its own after the "Market Context" heading. */
function withBody(insert: string): string {
  return original.replace('## Market Context\n', `## Market Context\n\n${insert}\n`);
}

/** The file line the inserted text starts on. */
function insertedLine(): number {
  return original.slice(0, original.indexOf('## Market Context\n')).split('\n').length + 2;
}

function errorsFor(text: string) {
  editFile(join(content, REPORT), () => text);
  return checkContent({ root: content, now: NOW, history: UNREAD_HISTORY }).filter((p) => p.severity === 'error');
}

/** The check's errors on the report, as `line:column field`, and the messages. */
function bodyErrors(insert: string) {
  const errors = errorsFor(withBody(insert)).filter((p) => p.file.endsWith(REPORT));
  return errors.map((p) => ({ at: `${p.line - insertedLine()}:${p.column}`, field: p.field, message: p.message }));
}

/** Compiles the report body as its page does; throws the first refusal. */
function compile(text: string) {
  return compileReportFile(text, REPORT, entityMatcher([]));
}

describe('the check passes the seed report', () => {
  it('with no error', () => {
    expect(errorsFor(original)).toEqual([]);
  });
});

describe('component attributes, against their schemas', () => {
  it.each([
    ['<IndexTable only="HSI, HSTECH" />'],
    ['<IndexTable only="HSCEI" caption="Mainland names" />'],
    ['<IndexMovesChart only="HSTECH,HSI" />'],
    ['<FlowTable direction="southbound" />'],
    ['Up <Fig of="HSI.change" signed /> points.'],
  ])('passes %s, and the compiler accepts it', (insert) => {
    expect(bodyErrors(insert)).toEqual([]);
    expect(() => compile(withBody(insert))).not.toThrow();
  });

  it.each([
    ['<FlowTable direction="sideways" />', '<FlowTable direction>', /found direction="sideways", expected "southbound" or "northbound"/],
    ['<FlowChart direction="south" />', '<FlowChart direction>', /expected "southbound" or "northbound"/],
    ['<IndexTable only="HSI HSTECH" />', '<IndexTable only>', /expected index symbols separated by commas, such as only="HSI, HSTECH"/],
    ['<IndexTable only="HSI, HSI" />', '<IndexTable only>', /found HSI twice/],
    ['<IndexTable only="HSI, DAX" />', '<IndexTable only>', /found DAX, expected indices of the hk\/2025-10-24 snapshot, separated by commas: HSI, HSTECH, HSCEI/],
    ['<IndexMovesChart only="N225" />', '<IndexMovesChart only>', /found N225, expected indices of the hk\/2025-10-24 snapshot/],
    ['<IndexTable colour="red" />', '<IndexTable colour>', /found unknown attribute colour on <IndexTable>, expected only only, caption/],
    ['<MarketStats title="Turnover" />', '<MarketStats title>', /expected no attributes/],
    ['Up <Fig of="HSI.change" signed="yes" />.', '<Fig signed>', /expected signed written alone, with no value/],
    ['Up <Fig />.', '<Fig of>', /found <Fig> without of="…"/],
    ['Up <Fig of="HSI.close" of="HSI.change" />.', '<Fig of>', /found of twice on <Fig>/],
    ['<StockCard ticker="smic" />', '<StockCard ticker>', /found "smic", expected a ticker such as 00981\.HK/],
    ['<StockCard />', '<StockCard ticker>', /found <StockCard> without ticker="…"/],
    ['<PriceChart ticker="00981.HK" from="2025-02-30" />', '<PriceChart from>', /not a day of the calendar/],
    ['<Driver />', '<Driver title>', /found <Driver> without title="…"/],
    ['<Fig of="HSI.close">the close</Fig>', '<Fig>', /found text or tags inside <Fig>, expected none/],
    ['<IndexTabel />', '<IndexTabel>', /found unknown component <IndexTabel>, expected one of <IndexTable>/],
    ['<>text</>', '<>', /found a fragment/],
  ])('refuses %s at its line, naming what is allowed', (insert, field, message) => {
    const errors = bodyErrors(insert);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field });
    expect(errors[0].at).toMatch(/^0:\d+$/);
    expect(errors[0].message).toMatch(message);
    // The compiler refuses what the check refuses, at the same place, unless only the session can tell.
    if (!/snapshot/.test(errors[0].message)) expect(() => compile(withBody(insert))).toThrow(errors[0].message);
  });

  it('points at the component on its own line and column inside a paragraph', () => {
    expect(bodyErrors('First.\n\nThen <FlowTable direction="up" />.')).toMatchObject([{ at: '2:6', field: '<FlowTable direction>' }]);
  });
});

describe('HTML in a body, against the allowlist', () => {
  it.each([
    ['<meta http-equiv="refresh" content="0;url=https://example.com/" />', '<meta>', /found <meta>, expected Markdown, a report component or HTML from the allowlist: <abbr>/],
    ['<script src="https://example.com/x.js"></script>', '<script>', /found <script>/],
    ['<iframe src="https://example.com/"></iframe>', '<iframe>', /found <iframe>/],
    ['<style>p {"{"} color: red {"}"}</style>', '<style>', /found <style>/],
    ['<link rel="stylesheet" href="https://example.com/x.css" />', '<link>', /found <link>/],
    ['<form action="https://example.com/">Go</form>', '<form>', /found <form>/],
    ['<button>Go</button>', '<button>', /found <button>/],
    ['<img src="x.png" alt="" onerror="alert(1)" />', '<img onerror>', /found onerror="alert\(1\)" on <img>, expected only src, alt, title, lang, dir/],
    ['Read <span style="color:red">this</span>.', '<span style>', /found style="color:red" on <span>, expected only title, lang, dir/],
    ['Read <abbr class="x" title="Hang Seng Index">HSI</abbr>.', '<abbr class>', /found class="x" on <abbr>/],
    ['Read [the filing](javascript:alert(1)).', 'link', /found a link to "javascript:alert\(1\)", expected an http, https or mailto address, or a relative one/],
    ['Read <a href="javascript:alert(1)">the filing</a>.', '<a href>', /found href="javascript:alert\(1\)", expected an http, https or mailto address/],
    ['Read [the filing][f].\n\n[f]: data:text/html,hi', 'link', /found a link to "data:text\/html,hi"/],
    ['![chart](javascript:alert(1))', 'image', /found an image at "javascript:alert\(1\)"/],
  ])('refuses %s at its line, naming the tag or attribute', (insert, field, message) => {
    const errors = bodyErrors(insert).filter((e) => e.field !== '{…}');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ field });
    expect(errors[0].at).toMatch(/^\d:\d+$/);
    expect(errors[0].message).toMatch(message);
    // The page compiles with the same parse: it refuses the body too.
    expect(() => compile(withBody(insert))).toThrow();
  });

  it('points at the tag on its own line', () => {
    expect(bodyErrors('Fine.\n\nStill fine.\n\n<iframe src="https://example.com/"></iframe>')).toMatchObject([{ at: '4:1', field: '<iframe>' }]);
  });

  it.each([
    ['Read [the filing](https://www.hkexnews.hk/) and [the desk](mailto:desk@example.com).'],
    ['See [the archive](/archive/) and [the section](#market-context).'],
    ['The <abbr title="Hang Seng Index">HSI</abbr> rose; the 3<sup>rd</sup> day, H<sub>2</sub>O, <q cite="https://example.com/">a quote</q>.'],
    ['<time datetime="2025-10-24">Friday</time> was <em>busy</em>, <b>very</b> <mark>busy</mark>.<br />Line two.'],
    ['| Index | Move |\n|:--|--:|\n| HSI | up |'],
    ['- [x] checked item\n- [ ] open item'],
    ['A claim.[^1]\n\n[^1]: The source.'],
    ['![A chart](/charts/hsi.png "The HSI")'],
  ])('passes %s, and compiles it with the markup kept', (insert) => {
    expect(bodyErrors(insert)).toEqual([]);
    const html = compile(withBody(insert)).nodes.filter((n) => typeof n === 'string').join('');
    for (const tag of insert.matchAll(/<([a-z]+)[ >/]/g)) expect(html).toContain(`<${tag[1]}`);
  });
});

describe('the report page refuses what the check refuses, at the same line', () => {
  /** Compiles the report file as its page does (`reportBody`, src/data/index.ts); its error, if any. */
  async function load(): Promise<string | undefined> {
    const path = join(content, REPORT);
    try {
      compileReportFile(readFileSync(path, 'utf8'), `content/${REPORT}`, entityMatcher([]));
      return undefined;
    } catch (e) {
      return (e as Error).message;
    }
  }

  it.each([
    ['<meta http-equiv="refresh" content="0;url=https://example.com/" />', '<meta>'],
    ['Read [the filing](javascript:alert(1)).', 'link'],
    ['<IndexTable only="HSI HSTECH" />', '<IndexTable only>'],
  ])('%s', async (insert, field) => {
    const [check] = bodyErrors(insert);
    const message = await load();
    expect(message).toContain(`2025-10-24-smic-rally.mdx:${insertedLine()}:${check.at.split(':')[1]}  ${field}  ${check.message}`);
  });

  it('compiles the seed report', async () => {
    editFile(join(content, REPORT), () => original);
    expect(await load()).toBeUndefined();
  });
});
