'use client';
// A chart described by a spec (lib/charts/spec.ts): the server sends plain data, the option
// (with its formatter functions) is built here; ECharts itself still loads after first paint.
import { buildOption } from '../../lib/charts/option';
import { isEmptySpec, specHeight, type ChartSpec } from '../../lib/charts/spec';
import LazyChart from './LazyChart';

export default function SpecChart({ spec, downloads }: { spec: ChartSpec; downloads?: boolean }) {
  const empty = isEmptySpec(spec);
  return <LazyChart option={empty ? {} : buildOption(spec)} empty={empty} label={spec.label} height={specHeight(spec)} downloads={downloads} />;
}
