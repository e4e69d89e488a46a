import { describe, expect, it } from 'vitest';
import { formatNumber } from '../../src/lib/format.ts';
describe('smoke', () => { it('groups', () => expect(formatNumber(26160)).toBe('26,160')); });
