import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { it } from 'vitest';
import { checkProse, splitSentences } from '../../src/check/prose.ts';
import { resolveFigure } from '../../src/lib/figures.ts';
import { formatProblem } from '../../src/check/problem.ts';
import { buildSession } from '../../src/lib/session.ts';
import { indexSchema, securitySchema, snapshotSchema } from '../../src/schemas/index.ts';
const root = fileURLToPath(new URL('../../content/', import.meta.url));
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const securities = new Map(readdirSync(join(root, 'securities')).map((f) => { const s = securitySchema.parse(json(`securities/${f}`)); return [s.ticker, s]; }));
const indices = new Map(readdirSync(join(root, 'indices')).map((f) => { const s = indexSchema.parse(json(`indices/${f}`)); return [s.symbol, s]; }));
const session = buildSession(snapshotSchema.parse(json('markets/hk/2025-10-24.json')), { securities, indices });
const file = 'content/reports/2025-10-24-smic-rally.mdx';
const text = readFileSync(join(root, 'reports/2025-10-24-smic-rally.mdx'), 'utf8');
it('debug', () => {
  const body = text.slice(text.indexOf('---', 4) + 4);
  for (const s of splitSentences(body)) console.log(JSON.stringify(s.text.replace(/\s+/g, ' ')), s.figs.map((f) => f.path).join(','));
  for (const p of checkProse({ file, text, session, securities, indices })) console.log(formatProblem(p));
});

it('cases', () => {
  const literal = text.replace(/<Fig of="([^"]+)" \/>/g, (_, path) => resolveFigure(session, path).text);
  console.log('--- literal');
  for (const p of checkProse({ file, text: literal, session, securities, indices })) console.log(formatProblem(p));
  const cases = [
    'The Hang Seng Index closed at 26,106.',
    'The Hang Seng Index fell 192 points.',
    'The HSTI gained 108 points (2.9 %).',
    'The committee met 14 times and approved 3.5 of 27 items in 2024.',
    'The Hang Seng Index closed at 26,160 on October 24, 2025.',
    'On 24 October 2025 the HSI rose 0.7 %.',
    'The HSI rose 192 points (0.7 %) to 26,160, while the Hang Seng Tech Index (HSTI) gained 108 points (1.8 %) to 6,059.',
    'The HSI rose 108 points.',
    'SMIC rallied more than 8 %.', 'SMIC rallied 8.5 %.', 'SMIC rallied 7 %.', 'SMIC rallied 15 %.', 'SMIC rallied more than 9 %.', 'SMIC fell 8 %.',
    'Southbound net inflows of HKD 654.8 million were recorded for Meituan-W (03690.HK).',
    'Southbound net inflows of HKD 600 million were recorded for Meituan-W (03690.HK).',
    'Xiaomi slipped.', 'Xiaomi rose 3 %.', 'Alibaba and Xiaomi rose 3 %.', 'Alibaba rose 3 %.',
    'The Hang Seng Index rose 0.74 %.', 'The Hang Seng Index rose 0.8 %.',
    'Rising 2.5 %, the HSI outpaced the HSTI.',
    "SMIC's 52-week high is HKD 93.5, and it trades at 144.22 times earnings.",
    'SMIC closed at HKD 80, up more than 8 %, some 14.4 % below its 52-week high.',
    'Market turnover reached HKD 230 billion.',
    'The U.S. market rose. The HSI fell 0.7 %.',
    'Tencent (00700.HK) rose 2 %.',
    'SMIC did not fall, and analysts expect it could drop 5 % if tensions rise.',
    'The HSCEI closed at around 9,400, up about 0.7 %.',
    'The HSI closed at −26,160.',
    'The HSI rose +192 points.', 'The HSI rose −192 points.',
    'The HSI ended the day at 26,160, its highest close since 2021.',
  ];
  for (const c of cases) {
    console.log('---', c);
    for (const p of checkProse({ file, text: text + '\n' + c + '\n', session, securities, indices })) if (p.line > 55) console.log(formatProblem(p));
  }
});
