/**
 * The checks of a report component that need the report's session: does the figure exist, is the
 * stock in the snapshot, does the price file cover the range. They read the props as the
 * component's schema parsed them (src/check/body/components.ts), so the check and the renderer see
 * the same values; what a schema alone can refuse is refused by `parseReportBody`.
 */
import { FigureError, resolveFigure } from '../lib/figures.ts';
import type { PriceBar } from '../lib/prices.ts';
import type { SessionView } from '../lib/session.ts';
import type { ComponentUse } from './body/parse.ts';

export { MDX_COMPONENTS, type ComponentName as MdxComponentName } from './body/components.ts';

export interface ComponentProblem {
  field: string;
  message: string;
}

/** What is wrong with one component use against the session it is rendered with (nothing if none). */
export function componentProblems(use: ComponentUse, session: SessionView, prices: ReadonlyMap<string, readonly PriceBar[]>): ComponentProblem[] {
  const problems: ComponentProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ field, message });
  const snapshot = `${session.market.id}/${session.date}`;
  switch (use.name) {
    case 'Fig':
      try {
        resolveFigure(session, use.props.of);
      } catch (e) {
        if (!(e instanceof FigureError)) throw e;
        problem('<Fig of>', `found ${e.message}`);
      }
      break;
    case 'StockCard':
      if (!session.stocks.some((s) => s.id === use.props.ticker)) {
        problem('<StockCard ticker>', `found ticker ${JSON.stringify(use.props.ticker)}, expected a stock of the ${snapshot} snapshot: ${session.stocks.map((s) => s.id).join(', ')}`);
      }
      break;
    case 'IndexTable':
    case 'IndexMovesChart':
      for (const symbol of use.props.only ?? []) {
        if (!session.indices.some((q) => q.id === symbol)) {
          problem(`<${use.name} only>`, `found ${symbol}, expected indices of the ${snapshot} snapshot, separated by commas: ${session.indices.map((q) => q.id).join(', ')}`);
        }
      }
      break;
    case 'PriceChart': {
      const { ticker, from } = use.props;
      const bars = prices.get(ticker);
      if (!bars) {
        problem('<PriceChart ticker>', `found ticker ${JSON.stringify(ticker)}, expected a security with a price file: ${prices.size > 0 ? [...prices.keys()].join(', ') : 'there is none; add content/prices/<ticker>.csv'}`);
        break;
      }
      const to = use.props.to ?? session.date;
      if (to > session.date) {
        problem('<PriceChart to>', `found ${to}, expected a day on or before the report's session ${session.date}: a report shows no prices from after its session`);
      } else if (from && from >= to) {
        problem('<PriceChart from>', `found from=${from} and to=${to}, expected from before to`);
      } else if (bars.filter((b) => b.close !== undefined && (!from || b.date >= from) && b.date <= to).length < 2) {
        problem('<PriceChart>', `found fewer than two closes for ${ticker} from ${from ?? bars[0].date} to ${to}, expected a range of the price file (${bars[0].date} to ${bars[bars.length - 1].date})`);
      }
      break;
    }
    default:
      break;
  }
  return problems;
}
