/**
 * Server-rendered SVG charts: pure functions from numbers to markup, so they print, work without
 * JavaScript and can be tested as strings. They are always shown beside a table of the same
 * numbers; the SVG carries a title and a text description for screen readers. Colours come from
 * presentation attributes (overridable by the stylesheet, which switches to grey for print).
 */

export interface Bar {
  label: string;
  value: number;
  /** The value as the reader should see it ("12", "Rp 1,2 miliar"). */
  display: string;
}

const ROW = 22;
const GAP = 6;
const LABEL_CHARS = 30;

/** Long names are cut for the axis; the full name stays in the bar's tooltip and the table. */
export function shorten(label: string, max = LABEL_CHARS): string {
  const chars = Array.from(label);
  return chars.length <= max ? label : `${chars.slice(0, max - 1).join('')}…`;
}

/** Width of a bar in the plot area: proportional, never negative, at least a hairline when non-zero. */
export function barWidth(value: number, max: number, area: number): number {
  if (max <= 0 || value <= 0) return 0;
  return Math.max(1, Math.round((value / max) * area));
}

/** A horizontal bar chart, one row per item, value printed at the end of each bar. */
export function BarChart({
  id,
  title,
  bars,
  width = 520,
}: {
  id: string;
  title: string;
  bars: Bar[];
  width?: number;
}) {
  const key = id;
  const labelWidth = Math.round(width * 0.42);
  const valueWidth = 110;
  const area = width - labelWidth - valueWidth - 8;
  const max = Math.max(0, ...bars.map((b) => b.value));
  const height = Math.max(ROW, bars.length * (ROW + GAP));
  const desc = bars.map((b) => `${b.label}: ${b.display}`).join('; ');
  return (
    <svg
      id={key}
      class="chart bar-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${key}-title ${key}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${key}-title`}>{title}</title>
      <desc id={`${key}-desc`}>{desc}</desc>
      {bars.map((b, i) => {
        const y = i * (ROW + GAP);
        const w = barWidth(b.value, max, area);
        return (
          <g class="bar">
            <title>{`${b.label}: ${b.display}`}</title>
            <text
              x={labelWidth - 6}
              y={y + ROW / 2 + 4}
              text-anchor="end"
              class="chart-label"
              font-size="12"
              fill="#222"
            >
              {shorten(b.label)}
            </text>
            <rect x={labelWidth} y={y} width={w} height={ROW} class="chart-bar" fill="#3a6ea5" />
            <text x={labelWidth + w + 4} y={y + ROW / 2 + 4} class="chart-value" font-size="12" fill="#222">
              {b.display}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface FunnelStepBar {
  label: string;
  count: number;
  display: string;
}

/** Share of the previous step, as a whole percentage; null for the first step or after a zero. */
export function stepConversion(steps: readonly { count: number }[], i: number): number | null {
  if (i === 0) return null;
  const prev = steps[i - 1]!.count;
  return prev > 0 ? Math.round((steps[i]!.count / prev) * 100) : null;
}

/** A funnel: centred bars narrowing step by step, each with its count and share of the step before. */
export function FunnelChart({
  id,
  title,
  steps,
  width = 520,
}: {
  id: string;
  title: string;
  steps: FunnelStepBar[];
  width?: number;
}) {
  const key = id;
  const row = 30;
  const labelWidth = 170;
  const area = width - labelWidth - 10;
  const max = Math.max(0, ...steps.map((s) => s.count));
  const height = steps.length * (row + GAP);
  const desc = steps.map((s) => `${s.label}: ${s.display}`).join('; ');
  return (
    <svg
      id={key}
      class="chart funnel-chart"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      role="img"
      aria-labelledby={`${key}-title ${key}-desc`}
      xmlns="http://www.w3.org/2000/svg"
    >
      <title id={`${key}-title`}>{title}</title>
      <desc id={`${key}-desc`}>{desc}</desc>
      {steps.map((s, i) => {
        const y = i * (row + GAP);
        const w = barWidth(s.count, max, area);
        const x = labelWidth + Math.round((area - w) / 2);
        const pct = stepConversion(steps, i);
        return (
          <g class="step">
            <text
              x={labelWidth - 6}
              y={y + row / 2 + 4}
              text-anchor="end"
              class="chart-label"
              font-size="12"
              fill="#222"
            >
              {s.label}
            </text>
            <rect x={x} y={y} width={w} height={row} class="chart-bar funnel-bar" fill="#a9c8e8" />
            <text
              x={labelWidth + area / 2}
              y={y + row / 2 + 4}
              text-anchor="middle"
              class="chart-value on-bar"
              font-size="12"
              font-weight="bold"
              fill="#000"
            >
              {pct === null ? s.display : `${s.display} (${pct}%)`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
