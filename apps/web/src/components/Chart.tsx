import { useEffect, useRef } from 'react';
import { formatMoney, formatNumber, formatShare } from '../i18n/format';
import { useLang } from '../i18n/context';

export interface BarSeries {
  name: string;
  /** null: withheld (not drawn). */
  values: ReadonlyArray<number | null>;
  stack?: string;
  /** A target line for this series (same unit as the values). */
  target?: { value: number; label: string };
}

interface Props {
  /** What the chart shows, for screen readers (the table next to it holds the figures). */
  label: string;
  categories: readonly string[];
  series: readonly BarSeries[];
  format?: 'number' | 'share' | 'money';
  height?: number;
}

const COLORS = ['#0b5394', '#38761d', '#b45f06', '#741b47', '#134f5c', '#7f6000'];

/** A bar chart (ECharts, loaded on first use). Withheld values are gaps, never estimates. */
export function Chart({ label, categories, series, format = 'number', height = 280 }: Props) {
  const { lang, t } = useLang();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let disposed = false;
    let chart: { dispose(): void; resize(): void } | undefined;
    let observer: ResizeObserver | undefined;
    const fmt = (v: number) =>
      format === 'share' ? formatShare(v, lang) : format === 'money' ? formatMoney(v, lang) : formatNumber(v, lang);
    void import('./echarts').then(({ echarts }) => {
      if (disposed || !ref.current) return;
      const instance = echarts.init(ref.current, null, { renderer: 'svg' });
      chart = instance;
      instance.setOption({
        animation: false,
        aria: { enabled: false },
        color: COLORS,
        grid: { left: 8, right: 16, top: 36, bottom: 8, containLabel: true },
        legend: { top: 0, type: 'scroll' },
        tooltip: { trigger: 'axis', valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : t.withheld) },
        xAxis: {
          type: 'category',
          data: [...categories],
          axisLabel: { interval: 0, rotate: categories.length > 8 ? 45 : 0, fontSize: 11 },
        },
        yAxis: { type: 'value', ...(format === 'share' ? {} : { minInterval: 1 }), axisLabel: { formatter: (v: number) => fmt(v) } },
        series: series.map((s, i) => ({
          type: 'bar',
          name: s.name,
          stack: s.stack,
          data: s.values.map((v) => (v === null ? '-' : v)),
          ...(s.target
            ? {
                markLine: {
                  symbol: 'none',
                  data: [{ yAxis: s.target.value, name: s.target.label }],
                  label: { formatter: s.target.label, position: 'insideEndTop' },
                  lineStyle: { color: COLORS[i % COLORS.length], type: 'dashed' },
                },
              }
            : {}),
        })),
      });
      observer = new ResizeObserver(() => instance.resize());
      observer.observe(ref.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart?.dispose();
    };
  }, [categories, series, format, lang, t]);
  return (
    <figure className="chart">
      <div ref={ref} role="img" aria-label={label} style={{ height }} />
      <figcaption>
        {label}. {t.chartNote}
      </figcaption>
    </figure>
  );
}
