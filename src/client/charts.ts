/**
 * Loads the chart drawing code only when a chart comes near the screen: a page whose charts are
 * never scrolled to never downloads chart.js. Pages without a chart do not include this script.
 */
const figures = [...document.querySelectorAll<HTMLElement>('figure[data-chart]')];

function draw(figure: HTMLElement): void {
  import('./draw.ts')
    .then(({ drawChart }) => drawChart(figure))
    .catch((error: unknown) => {
      // The fallback table stays visible, so the reader still has the figures.
      console.warn('Chart not drawn; its table shows the data.', error);
    });
}

if (figures.length > 0) {
  if ('IntersectionObserver' in window) {
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          observer.unobserve(entry.target);
          draw(entry.target as HTMLElement);
        }
      },
      // Start a little before the chart is on screen, so it is drawn by the time it is read.
      { rootMargin: '200px 0px' },
    );
    for (const figure of figures) observer.observe(figure);
  } else {
    for (const figure of figures) draw(figure);
  }
}
