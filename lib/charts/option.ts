// A spec's ECharts option, by kind.

import { rankingOption } from './ranking';
import type { ChartSpec } from './spec';
import { stackedOption } from './stacked';
import { trendOption } from './trend';

export function buildOption(spec: ChartSpec): object {
  switch (spec.kind) {
    case 'trend':
      return trendOption(spec);
    case 'stacked':
      return stackedOption(spec);
    case 'ranking':
      return rankingOption(spec);
  }
}
