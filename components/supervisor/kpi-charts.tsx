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

const COLORS = {
  TRAVEL: '#14213d',
  HEALTH: '#8c6a22',
  EDUCATION: '#24694a',
  LIVING: '#b3261e',
  OTHER: '#7a8499',
} as const
type Cat = keyof typeof COLORS

// Category mix per day, stacked; labels come translated from the server.
export function CategoryMixChart({
  rows,
  labels,
}: {
  rows: { day: string; category: Cat; count: number }[]
  labels: Record<Cat, string>
}) {
  const days = [...new Set(rows.map((r) => r.day))]
  const data = days.map((day) => ({
    day: day.slice(5),
    ...Object.fromEntries(rows.filter((r) => r.day === day).map((r) => [r.category, r.count])),
  }))
  return (
    <ResponsiveContainer width="100%" height={240}>
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e7e2d6" />
        <XAxis dataKey="day" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Legend />
        {(Object.keys(COLORS) as Cat[]).map((c) => (
          <Bar key={c} dataKey={c} name={labels[c]} stackId="a" fill={COLORS[c]} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  )
}

export function DelightTrendChart({ rows, label }: { rows: { week: string; avg: number }[]; label: string }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <LineChart data={rows.map((r) => ({ ...r, week: r.week.slice(5) }))}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e7e2d6" />
        <XAxis dataKey="week" fontSize={12} />
        <YAxis domain={[1, 5]} fontSize={12} />
        <Tooltip />
        <Line type="monotone" dataKey="avg" name={label} stroke="#8c6a22" strokeWidth={2} dot />
      </LineChart>
    </ResponsiveContainer>
  )
}

export function DistributionChart({ rows, label }: { rows: { score: number; count: number }[]; label: string }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={rows.map((r) => ({ ...r, score: `${r.score}★` }))}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e7e2d6" />
        <XAxis dataKey="score" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} />
        <Tooltip />
        <Bar dataKey="count" name={label} fill="#14213d" />
      </BarChart>
    </ResponsiveContainer>
  )
}

export function ResolutionChart({ rows, label }: { rows: { label: string; minutes: number }[]; label: string }) {
  return (
    <ResponsiveContainer width="100%" height={200}>
      <BarChart data={rows} layout="vertical" margin={{ left: 40 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="#e7e2d6" />
        <XAxis type="number" fontSize={12} />
        <YAxis type="category" dataKey="label" fontSize={12} width={80} />
        <Tooltip />
        <Bar dataKey="minutes" name={label} fill="#24694a" />
      </BarChart>
    </ResponsiveContainer>
  )
}
