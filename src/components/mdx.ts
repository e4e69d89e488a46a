/**
 * What a report may use, handed to every report by the report page (`<Content components={…} />`),
 * so authors never write import lines. `src/check/components.ts` lists the same names for the check.
 */
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

export const mdxComponents = { IndexTable, StockCard, MarketStats, FlowTable, Drivers, Driver, Risks, Fig, IndexMovesChart, FlowChart, PriceChart, Checked, MoversTable };
