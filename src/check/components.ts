/**
 * The components a report may use, by the name an author writes. `src/components/mdx.ts` hands
 * exactly these to every report (a test keeps the two lists equal), so a misspelt tag is caught by
 * the check instead of rendering nothing.
 */
export const MDX_COMPONENTS = ['IndexTable', 'StockCard', 'MarketStats', 'FlowTable', 'Drivers', 'Driver', 'Risks', 'Fig', 'IndexMovesChart', 'FlowChart', 'PriceChart', 'Checked', 'MoversTable'] as const;
export type MdxComponentName = (typeof MDX_COMPONENTS)[number];
