// The author's charts, drawn as SVG when the page is rendered (no JavaScript
// needed), with d3-scale and d3-shape computing the coordinates; each chart
// has a table of the same numbers beside it, for screen readers and for
// reading the exact figures.
import { Link } from "@remix-run/react";
import { scaleBand, scaleLinear } from "d3-scale";
import { line } from "d3-shape";
import type { SectionBar, WeekPoint } from "~/author/insights";

const WIDTH = 600;

/** Questions per section along the article's outline: answered and open, each bar a link to the section's questions. */
export function SectionChart({ slug, sections }: { slug: string; sections: SectionBar[] }) {
  const max = Math.max(1, ...sections.map((s) => s.open + s.answered));
  const x = scaleLinear().domain([0, max]).range([0, 100]);
  return (
    <ol className="chart chart--sections" aria-hidden="true">
      {sections.map((s) => {
        const href = s.anchor
          ? `/articles/${slug}?section=${encodeURIComponent(s.anchor)}#question-list`
          : `/articles/${slug}`;
        return (
          <li key={s.anchor ?? "whole"}>
            <Link to={href} className="chart__row" tabIndex={-1}>
              <span className="chart__label">{s.title}</span>
              <svg viewBox="0 0 100 6" preserveAspectRatio="none" className="chart__bar" role="presentation">
                <rect className="chart__answered" x={0} y={0} width={x(s.answered)} height={6} />
                <rect className="chart__open" x={x(s.answered)} y={0} width={x(s.open)} height={6} />
              </svg>
              <span className="chart__value" data-open={s.open} data-answered={s.answered}>
                {s.open} open · {s.answered} answered
                {s.mostWanted > 0 ? ` · most wanted: ${s.mostWanted}` : ""}
              </span>
            </Link>
          </li>
        );
      })}
    </ol>
  );
}

export function SectionTable({ slug, sections, caption }: { slug: string; sections: SectionBar[]; caption: string }) {
  return (
    <table className="chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Section</th>
          <th scope="col">Open</th>
          <th scope="col">Answered</th>
          <th scope="col">Most wanted</th>
        </tr>
      </thead>
      <tbody>
        {sections.map((s) => (
          <tr key={s.anchor ?? "whole"}>
            <th scope="row">
              <Link
                to={
                  s.anchor
                    ? `/articles/${slug}?section=${encodeURIComponent(s.anchor)}#question-list`
                    : `/articles/${slug}`
                }
              >
                {s.title}
              </Link>
            </th>
            <td>{s.open}</td>
            <td>{s.answered}</td>
            <td>{s.mostWanted}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const weekText = (week: Date) => week.toISOString().slice(0, 10);
const hoursText = (hours: number | null) =>
  hours === null ? "—" : hours < 48 ? `${Math.round(hours)} h` : `${Math.round(hours / 24)} days`;

/** The median time to the author's first answer, week by week (weeks with no answered question leave a gap). */
export function FirstAnswerChart({ weeks }: { weeks: WeekPoint[] }) {
  const height = 220;
  const margin = { top: 16, right: 16, bottom: 36, left: 56 };
  const maxHours = Math.max(1, ...weeks.map((w) => w.medianHours ?? 0));
  const x = scaleBand<number>()
    .domain(weeks.map((_, i) => i))
    .range([margin.left, WIDTH - margin.right])
    .padding(0.2);
  const y = scaleLinear()
    .domain([0, maxHours])
    .nice()
    .range([height - margin.bottom, margin.top]);
  const centre = (i: number) => (x(i) ?? 0) + x.bandwidth() / 2;
  const path = line<WeekPoint & { i: number }>()
    .defined((w) => w.medianHours !== null)
    .x((w) => centre(w.i))
    .y((w) => y(w.medianHours ?? 0))(weeks.map((w, i) => ({ ...w, i })));
  const labelEvery = Math.max(1, Math.ceil(weeks.length / 6));
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart chart--line" aria-hidden="true">
      {y.ticks(4).map((tick) => (
        <g key={tick}>
          <line className="chart__grid" x1={margin.left} x2={WIDTH - margin.right} y1={y(tick)} y2={y(tick)} />
          <text className="chart__tick" x={margin.left - 6} y={y(tick)} dy="0.32em" textAnchor="end">
            {hoursText(tick)}
          </text>
        </g>
      ))}
      {path ? <path className="chart__line" d={path} /> : null}
      {weeks.map((w, i) =>
        w.medianHours === null ? null : (
          <circle key={i} className="chart__point" cx={centre(i)} cy={y(w.medianHours)} r={4}>
            <title>{`Week of ${weekText(w.week)}: ${hoursText(w.medianHours)}`}</title>
          </circle>
        ),
      )}
      {weeks.map((w, i) =>
        i % labelEvery === 0 ? (
          <text key={i} className="chart__tick" x={centre(i)} y={height - margin.bottom + 20} textAnchor="middle">
            {weekText(w.week).slice(5)}
          </text>
        ) : null,
      )}
    </svg>
  );
}

export function FirstAnswerTable({ weeks, caption }: { weeks: WeekPoint[]; caption: string }) {
  return (
    <table className="chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Week of</th>
          <th scope="col">Asked</th>
          <th scope="col">Answered</th>
          <th scope="col">Median first answer</th>
        </tr>
      </thead>
      <tbody>
        {/* Weeks nobody asked in are gaps in the line, and no row here. */}
        {weeks
          .filter((w) => w.asked > 0)
          .map((w) => (
            <tr key={weekText(w.week)}>
              <th scope="row">{weekText(w.week)}</th>
              <td>{w.asked}</td>
              <td>{w.answered}</td>
              <td>{hoursText(w.medianHours)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  );
}

/** Open questions by how long they have waited. */
export function WaitingChart({ waiting }: { waiting: { label: string; count: number }[] }) {
  const height = 200;
  const margin = { top: 20, bottom: 30 };
  const x = scaleBand<string>()
    .domain(waiting.map((w) => w.label))
    .range([0, WIDTH])
    .padding(0.25);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...waiting.map((w) => w.count))])
    .range([height - margin.bottom, margin.top]);
  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} className="chart chart--waiting" aria-hidden="true">
      {waiting.map((w) => (
        <g key={w.label}>
          <rect
            className="chart__open"
            x={x(w.label)}
            y={y(w.count)}
            width={x.bandwidth()}
            height={height - margin.bottom - y(w.count)}
          />
          <text
            className="chart__tick"
            x={(x(w.label) ?? 0) + x.bandwidth() / 2}
            y={y(w.count) - 4}
            textAnchor="middle"
          >
            {w.count}
          </text>
          <text className="chart__tick" x={(x(w.label) ?? 0) + x.bandwidth() / 2} y={height - 8} textAnchor="middle">
            {w.label}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function WaitingTable({ waiting, caption }: { waiting: { label: string; count: number }[]; caption: string }) {
  return (
    <table className="chart-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">Waiting</th>
          <th scope="col">Open questions</th>
        </tr>
      </thead>
      <tbody>
        {waiting.map((w) => (
          <tr key={w.label}>
            <th scope="row">{w.label}</th>
            <td>{w.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
