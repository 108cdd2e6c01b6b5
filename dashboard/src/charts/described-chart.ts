// A chart as a screen reader meets it: one image with a short summary of what it shows. Plot labels
// each mark's <g> ("rect", "tip"), which ARIA forbids on an element without a role
// (aria-prohibited-attr) and which says nothing to a listener; those labels go, the summary names
// the whole, and a tip Plot redraws under the pointer loses its label too.
type ChartNode = SVGSVGElement | HTMLElement;

/** Each mark's name moves to data-mark ("rect", "x-axis tick label"), where tests still find it. */
function unlabelMarks(root: Element): void {
  for (const g of root.querySelectorAll('g[aria-label]')) {
    g.setAttribute('data-mark', g.getAttribute('aria-label') ?? '');
    g.removeAttribute('aria-label');
  }
}

export function describedChart<T extends ChartNode>(chart: T, summary: string): T {
  // A chart with a legend is a <figure>: the legend, then the plot's own <svg>.
  // A chart of several plots names its main one (data-chart-main); the others label themselves.
  const main = chart.querySelector(':scope > [data-chart-main], :scope > * > [data-chart-main]');
  const svg =
    chart instanceof SVGSVGElement
      ? chart
      : main instanceof SVGSVGElement
        ? main
        : (main?.querySelector('svg:last-of-type') ??
          [...chart.children].filter((c) => c instanceof SVGSVGElement).at(-1));
  unlabelMarks(chart);
  new MutationObserver(() => unlabelMarks(chart)).observe(chart, {
    childList: true,
    subtree: true,
  });
  if (svg) {
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', summary);
  }
  return chart;
}
