/**
 * A short digest of plain data, for cache keys: the same data gives the same digest in every build,
 * and any change to a value (in nested objects, arrays, Maps or Sets) gives another. Object keys are
 * taken in sorted order, so how an object was built does not matter.
 */
import { createHash } from 'node:crypto';

function canonical(value: unknown): unknown {
  if (value instanceof Map) return { '@map': [...value].map(([k, v]) => [canonical(k), canonical(v)]) };
  if (value instanceof Set) return { '@set': [...value].map(canonical) };
  if (value instanceof Date) return { '@date': value.toISOString() };
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = canonical((value as Record<string, unknown>)[key]);
    return out;
  }
  if (value === undefined) return { '@undefined': true };
  return value;
}

export function dataDigest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('base64url').slice(0, 32);
}
