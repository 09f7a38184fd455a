// The axis tooltip as text lines "marker name: value", with values formatted by the builder.

interface TooltipItem {
  seriesIndex: number;
  dataIndex: number;
  seriesName: string;
  axisValueLabel?: string;
  name?: string;
  marker?: string;
}

const escape = (s: string) => s.replace(/[&<>"]/gu, (c) => `&#${c.charCodeAt(0)};`);

export function tooltipList(items: unknown, format: (item: TooltipItem) => string): string {
  const list = (Array.isArray(items) ? items : [items]) as TooltipItem[];
  if (list.length === 0) return '';
  const title = escape(list[0].axisValueLabel ?? list[0].name ?? '');
  const lines = list.map((i) => `${i.marker ?? ''}${escape(i.seriesName)}：${escape(format(i))}`);
  return [title, ...lines].join('<br/>');
}
