// The system colour scheme (prefers-color-scheme), for the few colours CSS variables cannot reach
// (SVG chart fills set as props).
import { useSyncExternalStore } from 'react';

const query = () => window.matchMedia('(prefers-color-scheme: dark)');

function subscribe(cb: () => void) {
  const m = query();
  m.addEventListener('change', cb);
  return () => m.removeEventListener('change', cb);
}

export function useColorScheme(): 'light' | 'dark' {
  return useSyncExternalStore(subscribe, () => (query().matches ? 'dark' : 'light'));
}

export interface ChartTheme {
  text: string;
  muted: string;
  grid: string;
  tooltipBg: string;
  series: string[];
  ordinal: Record<string, string>;
}

const LIGHT: ChartTheme = {
  text: '#1f2937',
  muted: '#4b5563',
  grid: '#d1d5db',
  tooltipBg: '#ffffff',
  series: ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4b5563'],
  ordinal: { low: '#047857', medium: '#b45309', high: '#b91c1c', none: '#6b7280', high_tier: '#1d4ed8', medium_tier: '#0e7490', low_tier: '#7c3aed' },
};

const DARK: ChartTheme = {
  text: '#e5e7eb',
  muted: '#a3acb9',
  grid: '#374151',
  tooltipBg: '#111827',
  series: ['#60a5fa', '#fbbf24', '#34d399', '#c4b5fd', '#fb7185', '#67e8f9', '#d1d5db'],
  ordinal: { low: '#34d399', medium: '#fbbf24', high: '#f87171', none: '#9ca3af', high_tier: '#60a5fa', medium_tier: '#67e8f9', low_tier: '#c4b5fd' },
};

export function useChartTheme(): ChartTheme {
  return useColorScheme() === 'dark' ? DARK : LIGHT;
}
