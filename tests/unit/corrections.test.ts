/**
 * The numbers a published report's prose states, as a reader reads them: compared between the
 * published body and the current one (src/check/corrections.ts), both read from the parsed tree.
 */
import { describe, expect, it } from 'vitest';
import { proseChanges, proseNumbers } from '../../src/check/corrections.ts';
import { bodyBlocks } from '../../src/check/prose.ts';

const numbers = (body: string) => proseNumbers(bodyBlocks(body)).map((n) => n.text);

describe('the numbers of a report body', () => {
  it('are those of its prose: paragraphs, headings, list items, quotes, table cells and component children', () => {
    const body = [
      '## Turnover at HK$312.5 billion',
      '',
      'The Hang Seng Index rose 192 points, or 0.7 %, to 26,160.',
      '',
      '- SMIC jumped 8.1 %',
      '> Up 3 sessions running',
      '',
      '| Stock | Move |',
      '| --- | --- |',
      '| Xiaomi | 1.4 % |',
      '',
      '<Driver title="Chips">Orders rose 12 % from a year earlier.</Driver>',
    ].join('\n');
    expect(numbers(body)).toEqual(['312.5', '192', '0.7', '26,160', '8.1', '3', '1.4', '12']);
  });

  it('leave out what a reader does not read as prose: attribute values, bound figures, code, link addresses, comments', () => {
    const body = [
      '<IndexTable only="HSI, HSTECH" />',
      '',
      'The benchmark closed at <Fig of="HSI.close" />, see [the 2024 note](/reports/2024-10-24-x/).',
      '',
      '`code 42`',
      '',
      '{/* draft figure 99 */}',
    ].join('\n');
    expect(numbers(body)).toEqual(['2024']);
  });

  it('carry their place in the body, for the problem\'s line', () => {
    const body = 'First line.\n\nHSI rose 192 points.';
    const [n] = proseNumbers(bodyBlocks(body));
    expect(body.slice(n.offset, n.offset + n.text.length)).toBe('192');
  });
});

describe('a change of the prose since publication', () => {
  it('names the numbers added and those gone, each as often as it changed', () => {
    const before = bodyBlocks('HSI rose 192 points to 26,160; HSTECH rose 1.8 %, SMIC 8 %.');
    const after = bodyBlocks('HSI rose 193 points to 26,160; HSTECH rose 1.8 %, SMIC 1.8 %.');
    const { added, removed } = proseChanges(before, after);
    expect(added.map((n) => n.text)).toEqual(['193', '1.8']);
    expect(removed.sort()).toEqual(['192', '8']);
  });

  it('sees no change when only markup around the same numbers changed', () => {
    const before = bodyBlocks('HSI rose **192** points, or [0.7 %](#indices).');
    const after = bodyBlocks('HSI rose 192 points, or *0.7 %*.\n\n<IndexTable only="HSI" />');
    expect(proseChanges(before, after)).toEqual({ added: [], removed: [] });
  });
});
