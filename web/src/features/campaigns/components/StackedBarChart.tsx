import { useId } from 'react';
import { formatNumber } from '../../../i18n';

export interface ChartSeries {
  key: string;
  label: string;
  /** A CSS colour with at least 3:1 contrast against white (WCAG non-text contrast). */
  color: string;
}

export interface ChartRow {
  label: string;
  values: Readonly<Record<string, number>>;
}

const ROW_HEIGHT = 28;
const GAP = 10;
const LABEL_WIDTH = 210;
const TOTAL_WIDTH = 48;
const WIDTH = 720;

/**
 * Horizontal stacked bars in inline SVG (no chart library): one bar per row, one segment per series.
 * The SVG is an image with a text alternative; the same numbers are in the table next to it, which is
 * what screen readers and the keyboard use. A 720-unit drawing shrunk onto a phone would write its
 * labels 5 px high, so below 640 px the same bars are drawn in HTML instead: each name on its own line
 * above its bar, in the page's own type size.
 */
export function StackedBarChart({
  title,
  description,
  series,
  rows,
}: {
  title: string;
  description: string;
  series: readonly ChartSeries[];
  rows: readonly ChartRow[];
}) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const totals = rows.map((r) => series.reduce((sum, s) => sum + (r.values[s.key] ?? 0), 0));
  const max = Math.max(1, ...totals);
  const plot = WIDTH - LABEL_WIDTH - TOTAL_WIDTH;
  const height = rows.length * (ROW_HEIGHT + GAP) + GAP;
  const truncate = (s: string) => (s.length > 28 ? `${s.slice(0, 27)}…` : s);

  return (
    <figure className="chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${height}`}
        width="100%"
        role="img"
        aria-labelledby={`${id}-title ${id}-desc`}
        preserveAspectRatio="xMinYMin meet"
      >
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {rows.map((row, i) => {
          const y = GAP + i * (ROW_HEIGHT + GAP);
          let x = LABEL_WIDTH;
          return (
            <g key={row.label}>
              <text
                x={LABEL_WIDTH - 8}
                y={y + ROW_HEIGHT / 2}
                textAnchor="end"
                dominantBaseline="middle"
                className="chart-label"
              >
                {truncate(row.label)}
              </text>
              {series.map((s) => {
                const v = row.values[s.key] ?? 0;
                const w = (v / max) * plot;
                const rect =
                  v > 0 ? (
                    <rect key={s.key} x={x} y={y} width={w} height={ROW_HEIGHT} fill={s.color}>
                      <title>{`${row.label} – ${s.label}: ${formatNumber(v)}`}</title>
                    </rect>
                  ) : null;
                x += w;
                return rect;
              })}
              <text x={x + 6} y={y + ROW_HEIGHT / 2} dominantBaseline="middle" className="chart-total">
                {formatNumber(totals[i] ?? 0)}
              </text>
            </g>
          );
        })}
      </svg>
      <ul className="chart-bars" aria-label={title}>
        {rows.map((row, i) => (
          <li key={row.label}>
            <span className="chart-bars-label">{row.label}</span>
            <span className="chart-bars-row">
              <span className="chart-bars-track">
                {series.map((s) => {
                  const v = row.values[s.key] ?? 0;
                  return v > 0 ? (
                    <span
                      key={s.key}
                      className="chart-bars-segment"
                      style={{ width: `${(v / max) * 100}%`, background: s.color }}
                    >
                      <span className="visually-hidden">{`${s.label}: ${formatNumber(v)}`}</span>
                    </span>
                  ) : null;
                })}
              </span>
              <span className="chart-bars-total">{formatNumber(totals[i] ?? 0)}</span>
            </span>
          </li>
        ))}
      </ul>
      <figcaption>
        <ul className="chart-legend">
          {series.map((s) => (
            <li key={s.key}>
              <span className="chart-swatch" style={{ background: s.color }} aria-hidden="true" />
              {s.label}
            </li>
          ))}
        </ul>
      </figcaption>
    </figure>
  );
}
