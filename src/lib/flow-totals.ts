/**
 * A session total of Stock Connect flows as `<MarketStats>` and the share data show it: a net
 * figure ("HKD 3.2 billion"), or only the side the source gives ("net sellers").
 */
import type { FlowTotal } from '../schemas/index.ts';
import { formatMoney, formatStated } from './format.ts';
import type { MarketConvention } from './market.ts';

export interface FlowTotalView {
  /** "Southbound net inflow", "Northbound net inflow, Shanghai link". */
  label: string;
  /** "HKD 3.2 billion", "HKD −1.1 billion", "net sellers". */
  text: string;
}

export function flowTotalView(total: FlowTotal, market: MarketConvention): FlowTotalView {
  const direction = total.direction === 'southbound' ? 'Southbound' : 'Northbound';
  const label = `${direction} net inflow${total.channel ? `, ${total.channel} link` : ''}`;
  if (total.netInflow) return { label, text: formatStated(total.netInflow, (v) => formatMoney(v, market.currency)) };
  return { label: `${direction}${total.channel ? `, ${total.channel} link` : ''}`, text: `net ${total.side}` };
}
