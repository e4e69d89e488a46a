import { describe, expect, it } from 'vitest';
import { jsonForScript } from '../../src/lib/json-script.ts';

describe('jsonForScript', () => {
  it.each([
    [{ headline: '</script><script>alert(1)</script>' }, '{"headline":"\\u003c/script\\u003e\\u003cscript\\u003ealert(1)\\u003c/script\\u003e"}'],
    [{ headline: 'A & B' }, '{"headline":"A \\u0026 B"}'],
    [{ text: 'line\u2028break\u2029' }, '{"text":"line\\u2028break\\u2029"}'],
    [{ headline: 'SMIC rallied "more than 8 %"' }, '{"headline":"SMIC rallied \\"more than 8 %\\""}'],
  ])('%j → %s, which parses back to the same value', (value, expected) => {
    const text = jsonForScript(value);
    expect(text).toBe(expected);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
