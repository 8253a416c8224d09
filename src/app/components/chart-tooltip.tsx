// Recharts' Tooltip subscribes to most of the chart's state, so mounting it with the chart makes the
// chart's first draw a long task. It is mounted when the pointer or focus first enters the chart:
// the first hover pays for it once, the page's load never does.
import { createContext, useContext, type ComponentProps } from 'react';
import { Tooltip } from 'recharts';

export const ChartEngagedContext = createContext(false);

export function ChartTooltip(props: ComponentProps<typeof Tooltip>) {
  return useContext(ChartEngagedContext) ? <Tooltip {...props} /> : null;
}

