import { describe, expect, it } from 'vitest';
import { slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it.each([
    ['Drivers Behind the Rally', 'drivers-behind-the-rally'],
    ['Risks', 'risks'],
    ['already-slugged', 'already-slugged'],
    // Apostrophes vanish rather than split a word.
    ['SMIC’s Surge', 'smics-surge'],
    ["Xiaomi's Slip", 'xiaomis-slip'],
    // Accents are dropped, compatibility forms are decomposed.
    ['Café Déjà Vu', 'cafe-deja-vu'],
    ['Ünïcödé', 'unicode'],
    ['ﬁnance', 'finance'],
    ['Ⅻ Drivers', 'xii-drivers'],
    // Runs of anything else become one hyphen; none at the ends.
    ['  Risks: Rates & Tariffs!  ', 'risks-rates-tariffs'],
    ['HSI +192 (0.7 %)', 'hsi-192-0-7'],
    ['a\u00a0b', 'a-b'],
    ['--Hello,  World!--', 'hello-world'],
    ['Q3 2025', 'q3-2025'],
    ['100%', '100'],
    ['南向资金 flows', 'flows'],
    ['---', ''],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(slugify(text)).toBe(expected);
  });

  it('is stable: a slug slugifies to itself', () => {
    for (const text of ['Drivers Behind the Rally', 'Café Déjà Vu', 'HSI +192 (0.7 %)']) {
      expect(slugify(slugify(text))).toBe(slugify(text));
    }
  });
});
