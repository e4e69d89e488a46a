/** Where the content lives: `content/` at the project root, or `CLOSING_BELL_CONTENT` when set. */
export function contentRoot(): string {
  return (process.env.CLOSING_BELL_CONTENT ?? 'content').replace(/\/+$/, '');
}
