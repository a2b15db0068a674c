import type { ProjectedMap } from "#modules/situation/index.ts";

/**
 * Server-rendered, accessible SVG charts of the situational picture: `<svg role="img">` with `<title>` and
 * `<desc>`; classes and series are told apart by numbers, patterns, markers and dashes as well as colour.
 * Pages put a data table next to each chart.
 */

const CLASS_FILLS = ["#eaf2fa", "#b9d3ec", "#7fa9d6", "#3d74b5", "#1a3f73"];
const CLASS_INK = ["#1a3f73", "#1a3f73", "#0b213f", "#ffffff", "#ffffff"];

function ClassPatterns({ id }: { id: string }) {
  return (
    <defs>
      {CLASS_FILLS.map((fill, i) => (
        <pattern
          key={i}
          id={`${id}-c${i + 1}`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
        >
          <rect width="6" height="6" fill={fill} />
          {i === 1 && <circle cx="3" cy="3" r="0.9" fill={CLASS_INK[i]} />}
          {i === 2 && (
            <path d="M0 6L6 0" stroke={CLASS_INK[i]} strokeWidth="0.8" />
          )}
          {i === 3 && (
            <path
              d="M0 6L6 0M0 0L6 6"
              stroke={CLASS_INK[i]}
              strokeWidth="0.6"
            />
          )}
          {i === 4 && (
            <path d="M0 3H6M3 0V6" stroke={CLASS_INK[i]} strokeWidth="0.6" />
          )}
        </pattern>
      ))}
      <pattern
        id={`${id}-none`}
        width="6"
        height="6"
        patternUnits="userSpaceOnUse"
      >
        <rect width="6" height="6" fill="#ffffff" />
      </pattern>
    </defs>
  );
}

/** A small swatch of a class's pattern for a text legend. */
export function ClassSwatch({ id, cls }: { id: string; cls: number | null }) {
  return (
    <svg
      width="24"
      height="16"
      viewBox="0 0 24 16"
      aria-hidden="true"
      focusable="false"
      className="swatch"
    >
      <ClassPatterns id={`${id}-sw${cls ?? 0}`} />
      <rect
        x="0.5"
        y="0.5"
        width="23"
        height="15"
        fill={`url(#${id}-sw${cls ?? 0}-${cls ? `c${cls}` : "none"})`}
        stroke="#333"
      />
    </svg>
  );
}

export interface MapArea {
  code: string;
  name: string;
  /** 1-based class, null without a value. */
  cls: number | null;
  /** Text for the area's accessible name, e.g. "Oulu: 214 000 (class 5)". */
  label: string;
}

export function ChoroplethMap({
  id,
  map,
  areas,
  title,
  desc,
}: {
  id: string;
  map: ProjectedMap;
  areas: readonly MapArea[];
  title: string;
  desc: string;
}) {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${map.width} ${map.height}`}
      className="situation-map"
      width={map.width}
      height={map.height}
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <ClassPatterns id={id} />
      <g stroke="#333" strokeWidth="0.6">
        {map.municipalities.map((m) => {
          const a = byCode.get(m.code);
          return (
            <path
              key={m.code}
              d={m.d}
              fill={`url(#${id}-${a?.cls ? `c${a.cls}` : "none"})`}
              data-code={m.code}
            >
              <title>{a?.label ?? m.code}</title>
            </path>
          );
        })}
      </g>
      <g fontSize="11" fontWeight="700" textAnchor="middle" aria-hidden="true">
        {map.municipalities.map((m) => {
          const cls = byCode.get(m.code)?.cls;
          return cls ? (
            <text
              key={m.code}
              x={m.labelAt[0]}
              y={m.labelAt[1] + 4}
              fill="#000"
              stroke="#fff"
              strokeWidth="3"
              paintOrder="stroke"
            >
              {cls}
            </text>
          ) : null;
        })}
      </g>
    </svg>
  );
}

export interface ChartSeries {
  label: string;
  /** Year → value. */
  values: Record<number, number>;
}

const SERIES_COLOURS = ["#1a3f73", "#b3261e", "#2e7d32", "#6a1b9a", "#8a5a00"];
const DASHES = [undefined, "6 3", "2 3", "8 3 2 3", "1 2"];

function Marker({
  kind,
  x,
  y,
  colour,
}: {
  kind: number;
  x: number;
  y: number;
  colour: string;
}) {
  switch (kind % 5) {
    case 0:
      return <circle cx={x} cy={y} r="3.5" fill={colour} />;
    case 1:
      return (
        <rect x={x - 3.5} y={y - 3.5} width="7" height="7" fill={colour} />
      );
    case 2:
      return (
        <path
          d={`M${x} ${y - 4.5}L${x + 4.5} ${y + 3.5}H${x - 4.5}Z`}
          fill={colour}
        />
      );
    case 3:
      return (
        <path
          d={`M${x} ${y - 4.5}L${x + 4.5} ${y}L${x} ${y + 4.5}L${x - 4.5} ${y}Z`}
          fill={colour}
        />
      );
    default:
      return (
        <circle
          cx={x}
          cy={y}
          r="3.5"
          fill="#fff"
          stroke={colour}
          strokeWidth="2"
        />
      );
  }
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/** A line chart with markers and each series' name at the end of its line. */
export function LineChart({
  id,
  title,
  desc,
  series,
  format,
}: {
  id: string;
  title: string;
  desc: string;
  series: readonly ChartSeries[];
  format: (n: number) => string;
}) {
  const width = 680;
  const height = 300;
  const m = { top: 16, right: 190, bottom: 32, left: 76 };
  const years = [
    ...new Set(series.flatMap((s) => Object.keys(s.values).map(Number))),
  ].sort((a, b) => a - b);
  const all = series.flatMap((s) => Object.values(s.values));
  if (!years.length || !all.length) return null;
  let min = Math.min(...all);
  let max = Math.max(...all);
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const pad = (max - min) * 0.05;
  min -= pad;
  max += pad;
  const x = (y: number) =>
    round1(
      years.length === 1
        ? m.left + (width - m.left - m.right) / 2
        : m.left +
            ((y - years[0]!) / (years[years.length - 1]! - years[0]!)) *
              (width - m.left - m.right),
    );
  const yOf = (v: number) =>
    round1(m.top + (1 - (v - min) / (max - min)) * (height - m.top - m.bottom));
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => min + f * (max - min));
  const yearStep = Math.max(1, Math.ceil(years.length / 8));
  // Direct labels at the last point, pushed apart so they do not overlap.
  const labels = series
    .map((s, i) => {
      const ys = Object.keys(s.values)
        .map(Number)
        .sort((a, b) => a - b);
      const last = ys[ys.length - 1];
      return last === undefined
        ? undefined
        : { i, text: s.label, y: yOf(s.values[last]!) };
    })
    .filter((l): l is { i: number; text: string; y: number } => l !== undefined)
    .sort((a, b) => a.y - b.y);
  for (let k = 1; k < labels.length; k++)
    if (labels[k]!.y - labels[k - 1]!.y < 14)
      labels[k]!.y = labels[k - 1]!.y + 14;
  return (
    <svg
      role="img"
      aria-labelledby={`${id}-title ${id}-desc`}
      viewBox={`0 0 ${width} ${height}`}
      className="situation-chart"
    >
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{desc}</desc>
      <g fontSize="11" fill="#222">
        {ticks.map((v, k) => (
          <g key={k}>
            <line
              x1={m.left}
              x2={width - m.right}
              y1={yOf(v)}
              y2={yOf(v)}
              stroke="#ddd"
            />
            <text x={m.left - 6} y={yOf(v) + 4} textAnchor="end">
              {format(v)}
            </text>
          </g>
        ))}
        {years
          .filter((_, k) => k % yearStep === 0 || k === years.length - 1)
          .map((y) => (
            <text
              key={y}
              x={x(y)}
              y={height - m.bottom + 16}
              textAnchor="middle"
            >
              {y}
            </text>
          ))}
      </g>
      {series.map((s, i) => {
        const colour = SERIES_COLOURS[i % SERIES_COLOURS.length]!;
        const pts = years
          .filter((y) => s.values[y] !== undefined)
          .map((y) => [x(y), yOf(s.values[y]!)] as const);
        return (
          <g key={i}>
            <path
              d={pts
                .map(([px, py], k) => `${k ? "L" : "M"}${px} ${py}`)
                .join("")}
              fill="none"
              stroke={colour}
              strokeWidth="2"
              strokeDasharray={DASHES[i % DASHES.length]}
            />
            {pts.map(([px, py]) => (
              <Marker key={px} kind={i} x={px} y={py} colour={colour} />
            ))}
          </g>
        );
      })}
      <g fontSize="12">
        {labels.map((l) => (
          <g key={l.i}>
            <Marker
              kind={l.i}
              x={width - m.right + 12}
              y={l.y}
              colour={SERIES_COLOURS[l.i % SERIES_COLOURS.length]!}
            />
            <text x={width - m.right + 22} y={l.y + 4} fill="#111">
              {l.text.length > 26 ? `${l.text.slice(0, 25)}…` : l.text}
            </text>
          </g>
        ))}
      </g>
    </svg>
  );
}
