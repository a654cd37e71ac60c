'use client'

import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'

// Category colours from the brand palette. Red is kept for breaches everywhere else, so no
// category is red.
const COLORS = {
  TRAVEL: '#14213d',
  HEALTH: '#74561a',
  EDUCATION: '#1f6143',
  LIVING: '#5b6f99',
  OTHER: '#a39a86',
} as const
type Cat = keyof typeof COLORS

// "24 Nov" / "11月24日" for a yyyy-MM-dd day, without shifting it by any zone.
const dayLabel = (locale: string) => {
  const f = new Intl.DateTimeFormat(locale, { month: 'short', day: 'numeric', timeZone: 'UTC' })
  return (day: string) => f.format(new Date(`${day.slice(0, 10)}T00:00:00Z`))
}

function Empty({ text, height }: { text: string; height: number }) {
  return (
    <div
      className="flex items-center justify-center rounded-xl border border-dashed border-line text-sm text-ink-soft"
      style={{ height }}
    >
      {text}
    </div>
  )
}

// Legend words in ink, whatever their series colour, so the light ones stay readable.
function legendText(value: string) {
  return <span className="text-sm text-ink">{value}</span>
}

const axis = { fontSize: 12, stroke: '#3d4a66' }
const axisLabel = (value: string, angle = 0) =>
  ({
    value,
    angle,
    position: angle ? 'insideLeft' : 'insideBottom',
    offset: angle ? 10 : -2,
    fontSize: 12,
    fill: '#3d4a66',
  }) as const

// Category mix per day, stacked; labels come translated from the server.
export function CategoryMixChart({
  rows,
  labels,
  locale,
  axisTitle,
  empty,
}: {
  rows: { day: string; category: Cat; count: number }[]
  labels: Record<Cat, string>
  locale: string
  axisTitle: string
  empty: string
}) {
  if (rows.length === 0) return <Empty text={empty} height={240} />
  const label = dayLabel(locale)
  const days = [...new Set(rows.map((r) => r.day))]
  const data = days.map((day) => ({
    day: label(day),
    ...Object.fromEntries(rows.filter((r) => r.day === day).map((r) => [r.category, r.count])),
  }))
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e7e2d6" />
        <XAxis dataKey="day" {...axis} />
        <YAxis allowDecimals={false} {...axis} label={axisLabel(axisTitle, -90)} />
        <Tooltip />
        <Legend formatter={legendText} />
        {(Object.keys(COLORS) as Cat[]).map((c) => (
          <Bar key={c} dataKey={c} name={labels[c]} stackId="a" fill={COLORS[c]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}

export function DelightTrendChart({
  rows,
  label,
  locale,
  empty,
}: {
  rows: { week: string; avg: number }[]
  label: string
  locale: string
  empty: string
}) {
  if (rows.length === 0) return <Empty text={empty} height={200} />
  const day = dayLabel(locale)
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={rows.map((r) => ({ ...r, week: day(r.week) }))}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e7e2d6" />
        <XAxis dataKey="week" {...axis} />
        <YAxis domain={[1, 5]} ticks={[1, 2, 3, 4, 5]} tickFormatter={(v: number) => `${v}★`} {...axis} />
        <Tooltip formatter={(v) => `${Number(v).toFixed(2)}★`} />
        <Line type="monotone" dataKey="avg" name={label} stroke="#74561a" strokeWidth={2} dot />
      </LineChart>
    </ResponsiveContainer>
  )
}

export function DistributionChart({
  rows,
  label,
  empty,
}: {
  rows: { score: number; count: number }[]
  label: string
  empty: string
}) {
  if (rows.every((r) => r.count === 0)) return <Empty text={empty} height={200} />
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={rows.map((r) => ({ ...r, score: `${r.score}★` }))}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e7e2d6" />
        <XAxis dataKey="score" {...axis} />
        <YAxis allowDecimals={false} {...axis} />
        <Tooltip />
        <Bar dataKey="count" name={label} fill="#14213d" />
      </BarChart>
    </ResponsiveContainer>
  )
}

// Median resolution per category, in the unit that suits the longest bar: seconds, minutes or
// hours, named on the axis and in the tooltip.
export function ResolutionChart({
  rows,
  units,
  axisTitle,
  empty,
}: {
  rows: { label: string; seconds: number | null }[]
  units: { s: string; min: string; h: string }
  axisTitle: Record<'s' | 'min' | 'h', string>
  empty: string
}) {
  const max = Math.max(0, ...rows.map((r) => r.seconds ?? 0))
  if (max === 0) return <Empty text={empty} height={200} />
  const unit = max >= 2 * 3600 ? 'h' : max >= 120 ? 'min' : 's'
  const per = unit === 'h' ? 3600 : unit === 'min' ? 60 : 1
  const data = rows.map((r) => ({ label: r.label, value: Math.round(((r.seconds ?? 0) / per) * 10) / 10 }))
  return (
    <ResponsiveContainer width="100%" height={220}>
      <BarChart data={data} layout="vertical" margin={{ left: 40, bottom: 12 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e7e2d6" />
        <XAxis
          type="number"
          {...axis}
          tickFormatter={(v: number) => `${v} ${units[unit]}`}
          label={axisLabel(axisTitle[unit])}
        />
        <YAxis type="category" dataKey="label" {...axis} width={80} />
        <Tooltip formatter={(v) => `${v} ${units[unit]}`} />
        <Bar dataKey="value" name={axisTitle[unit]} fill="#14213d" />
      </BarChart>
    </ResponsiveContainer>
  )
}
