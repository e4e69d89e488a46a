/**
 * The Astro component behind each report component, handed to `ReportBody` to render a compiled
 * body, so authors never write import lines. The names are those of `REPORT_COMPONENTS`
 * (src/check/body/components.ts), which holds each component's attribute schema: the type below
 * requires exactly one Astro component for every name there.
 */
import type { ComponentName } from '../check/body/components.ts';
import Checked from './Checked.astro';
import Driver from './Driver.astro';
import Drivers from './Drivers.astro';
import Fig from './Fig.astro';
import FlowChart from './FlowChart.astro';
import FlowTable from './FlowTable.astro';
import IndexMovesChart from './IndexMovesChart.astro';
import IndexTable from './IndexTable.astro';
import MarketStats from './MarketStats.astro';
import MoversTable from './MoversTable.astro';
import PriceChart from './PriceChart.astro';
import Risks from './Risks.astro';
import StockCard from './StockCard.astro';

export const mdxComponents = { IndexTable, StockCard, MarketStats, FlowTable, Drivers, Driver, Risks, Fig, IndexMovesChart, FlowChart, PriceChart, Checked, MoversTable } satisfies Record<ComponentName, unknown>;
