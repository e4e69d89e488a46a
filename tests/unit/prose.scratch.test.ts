import { it } from 'vitest';
import { readNumbers, findDirectionWords } from '../../src/check/prose.ts';
it('x', () => {
  for (const t of ['SMIC did not fall, and analysts expect it could drop 5 % if tensions rise.', 'It fell 5 % if x.', 'SMIC rallied more than 9 %.']) {
    console.log(JSON.stringify(readNumbers(t)), JSON.stringify(findDirectionWords(t)));
  }
});
