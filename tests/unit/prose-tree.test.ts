/**
 * The prose check's reading of a body: the parsed MDX tree turned into sentences with every
 * character's place in the file, figures as placeholders, marks; and the one name matcher that
 * links and checks.
 */
import { describe, expect, it } from 'vitest';
import { FIG_MARK, findMentions, proseBlocks, proseEntities, splitSentences, type MdNode } from '../../src/check/prose.ts';
import { entityMatcher } from '../../src/lib/entities.ts';
import { buildSession } from '../../src/lib/session.ts';
import { parseReportBody } from '../../src/check/body/parse.ts';
import { indexSchema, securitySchema, snapshotSchema } from '../../src/schemas/index.ts';

const sentencesOf = (body: string) => {
  const parsed = parseReportBody(body);
  return splitSentences(proseBlocks(parsed.tree as unknown as MdNode, body));
};
const shown = (text: string) => text.replaceAll(FIG_MARK, '<Fig>').replace(/\s+/g, ' ').trim();

describe('proseBlocks and splitSentences', () => {
  it.each<[string, string[]]>([
    ['U.S. President Donald Trump met Xi. The HSI rose 0.7 % to 26,160.', ['U.S. President Donald Trump met Xi.', 'The HSI rose 0.7 % to 26,160.']],
    ['SMIC (00981.HK) rose 8.5 % to HKD 80.5. It closed at 80. Was it high? Yes!', ['SMIC (00981.HK) rose 8.5 % to HKD 80.5.', 'It closed at 80.', 'Was it high?', 'Yes!']],
    ['Mr. Lee of Acme Inc. said so, e.g. in Oct. 24 remarks.', ['Mr. Lee of Acme Inc. said so, e.g. in Oct. 24 remarks.']],
    ['## Market Context\n\n- **Lead:** First item. Second sentence\n  continues here.\n- Second item\n1. Third item', ['Market Context', 'Lead: First item.', 'Second sentence continues here.', 'Second item', 'Third item']],
    ['<IndexTable />\n\n<Drivers title="Drivers">\n  <Driver title="HSI fell 2.9 %">\n    Body text. More text.\n  </Driver>\n</Drivers>', ['Body text.', 'More text.']],
    ['Rose <Fig of="HSI.change" /> points. <Fig of="HSI.close" /> was the close.', ['Rose <Fig> points.', '<Fig> was the close.']],
    ['Read [the filing](https://example.com/a.pdf) and `code 12`.\n\n```\nHSI 26,106\n```\n\n{/* note 26,106 */}', ['Read the filing and .']],
    ['| Index | Close |\n|---|---|\n| HSI | 26,160 |', ['Index', 'Close', 'HSI', '26,160']],
  ])('%j', (body, expected) => {
    expect(sentencesOf(body).map((s) => shown(s.text))).toEqual(expected);
  });

  it('maps every character back to its offset in the body, through emphasis, links, entities and indentation', () => {
    const body = 'Intro &amp; more.\n\n<Risks>\n  - The **HSI** rose [192](https://x.test) points <Fig of="HSI.close" /> today.\n</Risks>';
    const sentences = sentencesOf(body);
    for (const sentence of sentences) {
      [...sentence.text].forEach((ch, i) => {
        if (ch === FIG_MARK) expect(body.slice(sentence.offsets[i], sentence.offsets[i] + 4)).toBe('<Fig');
        else if (ch !== '&') expect(body[sentence.offsets[i]]).toBe(ch);
      });
    }
    const last = sentences[sentences.length - 1];
    expect(last.figs).toEqual([{ index: last.text.indexOf(FIG_MARK), path: 'HSI.close' }]);
  });

  it('marks the sentences inside <Checked>, inline or around a paragraph, with the reason', () => {
    const body = 'One. <Checked reason="source says so">Two slipped.</Checked> Three.\n\n<Checked reason="all of it">\nFour. Five.\n</Checked>';
    expect(sentencesOf(body).map((s) => [shown(s.text), s.checked?.reason])).toEqual([
      ['One.', undefined],
      ['Two slipped.', 'source says so'],
      ['Three.', undefined],
      ['Four.', 'all of it'],
      ['Five.', 'all of it'],
    ]);
  });
});

describe('one name matcher for links and the check', () => {
  const securities = new Map([securitySchema.parse({ ticker: '00981.HK', name: 'SMIC', exchange: 'HKEX', market: 'hk', currency: 'HKD', aliases: ['SMIC'] })].map((s) => [s.ticker, s]));
  const indices = new Map(
    [
      indexSchema.parse({ symbol: 'HSI', name: 'Hang Seng Index', market: 'hk', aliases: ['HSI', 'Hang Seng'] }),
      indexSchema.parse({ symbol: 'HSTECH', name: 'Hang Seng TECH Index', market: 'hk', aliases: ['Hang Seng Tech Index', 'Hang Seng Tech'] }),
    ].map((i) => [i.symbol, i]),
  );
  const session = buildSession(snapshotSchema.parse({ market: 'hk', date: '2025-10-24', source: 'synthetic', indices: [{ symbol: 'HSI', close: 26160, change: 192 }] }), { securities, indices });
  const entities = proseEntities(session, securities, indices);
  const link = entityMatcher([
    { names: ['00981.HK', 'SMIC'], href: '/smic/', title: 'SMIC' },
    { names: ['HSI', 'Hang Seng Index', 'Hang Seng'], href: '/hsi/', title: 'HSI' },
    { names: ['HSTECH', 'Hang Seng TECH Index', 'Hang Seng Tech Index', 'Hang Seng Tech'], href: '/hstech/', title: 'HSTECH' },
  ]);

  it.each<[string, string[]]>([
    ['981.HK and 0981.HK rose', ['981.HK', '0981.HK']],
    ['The hang seng tech index rose', ['hang seng tech index']],
    ['The Hang Seng Tech gained while the Hang Seng fell', ['Hang Seng Tech', 'Hang Seng']],
    ['Hang Seng Bank rose, and smic is not SMIC', ['SMIC']],
    ['Meituan‑W and HSIx are not names here', []],
  ])('%s', (text, names) => {
    const linked = link(text).filter((s) => s.href).map((s) => s.text);
    const found = findMentions(text, entities).map((m) => text.slice(m.start, m.end));
    expect(linked).toEqual(names);
    expect(found).toEqual(names);
  });
});
