/**
 * Typing slips that turn a true figure into a misprint, undone. Given a figure as written ("1192"),
 * `repairs` lists every figure it may have been before one slip of the keyboard, with the slip:
 *
 * - a stray digit: one digit too many (192 → 1592); undone by deleting a digit
 * - a doubled digit: a digit typed twice (192 → 1192); undone by deleting one of the pair
 * - a missing digit: one digit too few (26160 → 2160); undone by inserting a digit
 * - swapped digits: two neighbours exchanged (26160 → 21660)
 * - a misplaced decimal point (80.0 → 800, 93.5 → 9.35)
 *
 * Where two slips give the same figure (800 for 80.0 or for 80), the misplaced decimal point is
 * named: prices are typed with their decimals. The content check tries each repair of each figure against the others to name the likely culprit.
 */
export type SlipKind = 'stray digit' | 'doubled digit' | 'missing digit' | 'swapped digits' | 'misplaced decimal point';

export const SLIP_KINDS: readonly SlipKind[] = ['stray digit', 'doubled digit', 'missing digit', 'swapped digits', 'misplaced decimal point'];

export interface Repair {
  /** The figure before the slip, as it would be written: "192", "80.0". */
  text: string;
  value: number;
  /** Its fraction digits. */
  decimals: number;
  /** The slip that turns `text` into the written figure. */
  kind: SlipKind;
}

const NUMBER = /^(-?)(\d+(?:\.\d+)?)$/;

/** Every figure one slip away from `written`, each once (the first kind that explains it wins). */
export function repairs(written: string): Repair[] {
  const match = NUMBER.exec(written.trim());
  if (!match) return [];
  const [, sign, body] = match;
  const found = new Map<string, Repair>();
  const add = (text: string, kind: SlipKind) => {
    if (text === body || !wellFormed(text) || found.has(text)) return;
    const full = `${sign}${text}`;
    found.set(text, { text: full, value: Number(full), decimals: decimalsIn(text), kind });
  };
  // The point somewhere else, or where there was none, or none where there was one.
  const digits = body.replace('.', '');
  for (let at = 1; at <= digits.length; at++) {
    add(at === digits.length ? digits : `${digits.slice(0, at)}.${digits.slice(at)}`, 'misplaced decimal point');
  }
  // One digit too many: delete it. A digit equal to a neighbour was typed twice.
  for (let i = 0; i < body.length; i++) {
    if (body[i] === '.') continue;
    const doubled = body[i] === body[i - 1] || body[i] === body[i + 1];
    add(body.slice(0, i) + body.slice(i + 1), doubled ? 'doubled digit' : 'stray digit');
  }
  // Neighbours exchanged.
  for (let i = 0; i + 1 < body.length; i++) {
    if (body[i] === '.' || body[i + 1] === '.' || body[i] === body[i + 1]) continue;
    add(body.slice(0, i) + body[i + 1] + body[i] + body.slice(i + 2), 'swapped digits');
  }
  // One digit too few: insert each digit at each place.
  for (let i = 0; i <= body.length; i++) {
    for (const digit of '0123456789') add(body.slice(0, i) + digit + body.slice(i), 'missing digit');
  }
  return [...found.values()];
}

/** The slip that turns `intended` into `written`, if one does; what the tests use to make misprints. */
export function slip(intended: string, kind: SlipKind, at: number, digit = '1'): string {
  const point = intended.indexOf('.');
  switch (kind) {
    case 'stray digit':
      return intended.slice(0, at) + digit + intended.slice(at);
    case 'doubled digit':
      return intended.slice(0, at + 1) + intended[at] + intended.slice(at + 1);
    case 'missing digit':
      return intended.slice(0, at) + intended.slice(at + 1);
    case 'swapped digits':
      return intended.slice(0, at) + intended[at + 1] + intended[at] + intended.slice(at + 2);
    case 'misplaced decimal point': {
      const digits = intended.replace('.', '');
      const moved = (point === -1 ? digits.length : point) + at;
      return moved >= digits.length ? digits + '0'.repeat(moved - digits.length) : `${digits.slice(0, moved)}.${digits.slice(moved)}`;
    }
  }
}

function wellFormed(text: string): boolean {
  return /^(0|[1-9]\d*)(\.\d+)?$/.test(text);
}

function decimalsIn(text: string): number {
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}
