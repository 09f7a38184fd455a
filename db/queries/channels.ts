// Hotlines (…热线) and mailboxes (…信箱) stated in the reports' prose, added up per year. The
// resolution rate is Σ resolved / Σ received over the channels that state both; the
// satisfaction rate is Σ (rate × received) / Σ received over the channels that state both,
// i.e. recomputed from the satisfied counts the printed rates imply, never a mean of rates.

import { sql } from 'drizzle-orm';
import type { FactColumn } from '../../lib/report/facts';
import type { Db } from '../client';
import { ratio, tidy } from './arithmetic';
import { aggregate, col, grouped, selectionCondition, type Grouped, type Selection } from './selection';

export type ChannelKind = 'hotline' | 'mailbox';

export interface ChannelFigures {
  /** reports that name such a channel */
  reports: number;
  channels: number;
  received: number | null;
  resolved: number | null;
  /** received, over the channels that state how many were resolved */
  receivedWithResolved: number | null;
  resolvedRate: number | null;
  /** received, over the channels that state a satisfaction rate */
  receivedWithSatisfaction: number | null;
  satisfactionRate: number | null;
}

export interface ChannelParams extends Selection {
  channel: ChannelKind;
  perRegion?: boolean;
}

const columns = (kind: ChannelKind) => ({
  channels: `${kind}_channels`,
  received: `${kind}_received`,
  resolved: `${kind}_resolved`,
  receivedWithResolved: `${kind}_received_resolved`,
  satisfied: `${kind}_satisfied`,
  receivedWithSatisfaction: `${kind}_received_rated`,
}) as const satisfies Record<string, FactColumn>;

export async function channelSeries(db: Db, params: ChannelParams): Promise<Grouped<ChannelFigures>> {
  const condition = await selectionCondition(db, params);
  if (!condition) return { totals: [], regions: [] };
  const c = columns(params.channel);
  const measures = Object.entries(c).map(([key, column]) => ({ key, value: col(column) }));
  const rows = await aggregate(db, condition, measures, {
    perRegion: params.perRegion ?? params.regionIds !== undefined,
    tallies: { named: sql`${col(c.channels)} > 0` },
  });
  return grouped(db, rows, (r) => {
    const s = (k: keyof typeof c) => tidy(r.sums[k]);
    return {
      reports: r.tallies.named,
      channels: s('channels') ?? 0,
      received: s('received'),
      resolved: s('resolved'),
      receivedWithResolved: s('receivedWithResolved'),
      resolvedRate: ratio(s('resolved'), s('receivedWithResolved')),
      receivedWithSatisfaction: s('receivedWithSatisfaction'),
      satisfactionRate: ratio(s('satisfied'), s('receivedWithSatisfaction')),
    };
  });
}
