declare namespace App {
  interface Locals {
    /** The session of the report being rendered; MDX components read their figures from it. */
    session?: import('./lib/session.ts').SessionView;
    /** Price histories by ticker, for the securities that have a price file. */
    prices?: ReadonlyMap<string, import('./lib/prices.ts').PriceHistory>;
  }
}

interface ImportMetaEnv {
  /** True in `astro dev`, where drafts and scheduled reports are listed (set by the content-check integration). */
  readonly CLOSING_BELL_SHOW_UNPUBLISHED?: boolean;
  /** True in `astro dev`: pages look up what they show on request (set by the content-check integration). */
  readonly CLOSING_BELL_DEV_SERVER?: boolean;
}
