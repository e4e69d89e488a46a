/**
 * JSON that can sit inside an HTML `<script>` element unchanged: the characters HTML could read as
 * markup (`<`, `>`, `&`) and the line separators U+2028/U+2029 are written as \u escapes, which every
 * JSON parser reads back as the same characters.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
