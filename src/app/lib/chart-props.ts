// Recharts props shared by the views that draw charts, themed for light and dark.
import type { ChartTheme } from './use-color-scheme';

export function tooltipProps(theme: ChartTheme) {
  return {
    contentStyle: { background: theme.tooltipBg, border: `1px solid ${theme.grid}`, color: theme.text, fontSize: 14 },
    labelStyle: { color: theme.text, fontWeight: 600 },
    itemStyle: { color: theme.text },
    cursor: { fill: theme.grid, fillOpacity: 0.35 },
  };
}

export const compactNumber = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 1 });
