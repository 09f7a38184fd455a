// Charts drawn on the server as SVG (ECharts server-side rendering): the page shows them with no
// chart JavaScript at all, in print too. The SVG carries ECharts' SSR metadata, so the small
// `echarts/ssr/client` can add hover interaction later. Only what the server draws is registered.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { LegacyGridContainLabel } from 'echarts/features';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, LegacyGridContainLabel, SVGRenderer]);

export interface SvgSize {
  width: number;
  height: number;
}

/**
 * An option drawn as an SVG document string. zrender escapes text content (labels, names) but not
 * attribute values: database text must reach an option only as text (series and category
 * names, labels), never as a colour, font family or `image://` symbol. The SVG scales to its
 * container (viewBox, no fixed size). Tooltips and animation are left out: nothing on the
 * server can show them.
 */
export function renderSvg(option: object, { width, height }: SvgSize): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    const { tooltip: _tooltip, ...drawn } = option as Record<string, unknown>;
    chart.setOption({ ...drawn, animation: false });
    return responsive(chart.renderToSVGString(), width, height);
  } finally {
    chart.dispose();
  }
}

/** Drop the fixed width and height so that CSS sizes the chart; the viewBox keeps its proportions. */
function responsive(svg: string, width: number, height: number): string {
  return svg.replace(/^<svg([^>]*)>/, (_, attrs: string) => {
    const rest = attrs.replace(/\s(width|height)="[^"]*"/g, '').replace(/\sviewBox="[^"]*"/, '');
    return `<svg${rest} viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet">`;
  });
}
