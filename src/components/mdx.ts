/**
 * What a report may use, handed to every report by the report page (`<Content components={…} />`),
 * so authors never write import lines. `src/check/components.ts` lists the same names for the check.
 */
import Driver from './Driver.astro';
import Drivers from './Drivers.astro';
import Fig from './Fig.astro';
import FlowTable from './FlowTable.astro';
import IndexTable from './IndexTable.astro';
import MarketStats from './MarketStats.astro';
import Risks from './Risks.astro';
import StockCard from './StockCard.astro';

export const mdxComponents = { IndexTable, StockCard, MarketStats, FlowTable, Drivers, Driver, Risks, Fig };
