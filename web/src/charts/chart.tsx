// A uPlot chart as a Preact component: sized to its container, redrawn when
// the theme changes, and described for screen readers by the caller (a
// caption and a table of the same numbers sit next to every chart).
import 'uplot/dist/uPlot.min.css';

import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';

export interface ChartColors {
  text: string;
  grid: string;
  night: string;
  morning: string;
  afternoon: string;
  evening: string;
  bar: string;
  line: string;
}

export function chartColors(): ChartColors {
  const css = getComputedStyle(document.documentElement);
  const v = (name: string) => css.getPropertyValue(name).trim();
  return {
    text: v('--text-muted'),
    grid: v('--border'),
    night: v('--night'),
    morning: v('--morning'),
    afternoon: v('--afternoon'),
    evening: v('--evening'),
    bar: v('--bar'),
    line: v('--line'),
  };
}

function useThemeTick(): number {
  const [tick, setTick] = useState(0);
  useEffect(() => {
    const bump = () => setTick((t) => t + 1);
    window.addEventListener('daybreak-theme', bump);
    return () => window.removeEventListener('daybreak-theme', bump);
  }, []);
  return tick;
}

// Dates on the x axis are calendar days at 00:00 UTC: format them in UTC.
export const utcDate = (ts: number) => uPlot.tzDate(new Date(ts * 1000), 'Etc/UTC');

export function Chart({
  options,
  data,
  height = 240,
}: {
  options: (colors: ChartColors) => Omit<uPlot.Options, 'width' | 'height'>;
  data: uPlot.AlignedData;
  height?: number;
}) {
  const box = useRef<HTMLDivElement>(null);
  const theme = useThemeTick();
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const plot = new uPlot({ ...options(chartColors()), width: el.clientWidth || 320, height }, data, el);
    const resize = new ResizeObserver(() => plot.setSize({ width: el.clientWidth, height }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      plot.destroy();
    };
    // The options builder is a fresh closure each render; data and theme decide.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [data, theme, height]);
  // The canvas says nothing to assistive technology: the figure's caption and table do.
  return <div class="chart" ref={box} aria-hidden="true" />;
}
