import type { SessionView } from '../lib/session.ts';

/**
 * The session a component draws from: an explicit `session` prop (tests, pages), or the report
 * being rendered (MDX, where authors write `<IndexTable />` with no props).
 */
export function sessionOf(props: { session?: SessionView }, locals: App.Locals, component: string): SessionView {
  const session = props.session ?? locals.session;
  if (!session) throw new Error(`<${component}> needs a session: use it inside a report, or pass session={…}`);
  return session;
}
