// The one place ECharts is loaded: only the charts, components and renderer the app uses are
// registered, so the bundle carries no more of ECharts than that. Imported by Chart.tsx only,
// which the pages load after the first paint.
//   bar: trend counts, stacked outcomes, rankings; line: trend ratios and several regions;
//   legend (plain and scroll), tooltip, grid, aria (descriptions and decal patterns); SVG.
import { BarChart, LineChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, LineChart, AriaComponent, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
