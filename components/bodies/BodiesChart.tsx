'use client';
// The bodies of one year on one metric, as bars on one axis: the option is built here, in the
// browser, from the plain input the page passes (lib/bodies/chart.ts), and drawn by LazyChart.
import LazyChart from '../charts/LazyChart';
import { bodiesChartOption, chartHeight, type BodiesChartInput } from '../../lib/bodies/chart';

export default function BodiesChart({ input }: { input: BodiesChartInput }) {
  return <LazyChart option={bodiesChartOption(input)} label={input.label} height={chartHeight(input)} empty={input.bars.length === 0} />;
}
