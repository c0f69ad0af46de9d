/**
 * Cron expressions of schedules: five fields (minute hour day-of-month month day-of-week), read in Vietnam
 * time. Parsing and validation are node-cron's (the same library drives the ticker); matching and the next run
 * times are computed here from the parsed fields so they can start from any instant (tests, previews).
 * Day-of-month and day-of-week are combined with AND, as node-cron does; `L` in day-of-month is the last day.
 */
import cron from 'node-cron'
import { DateTime } from 'luxon'
import { APP_ZONE } from '#core'

export type CronFields = ReturnType<typeof cron.parse>

/** Null when valid, else an i18n key of the reason. */
export function cronProblem(expression: string): string | null {
  const text = expression.trim()
  if (!text) return 'schedules.errors.cron_required'
  if (text.split(/\s+/).length !== 5) return 'schedules.errors.cron_fields'
  if (!cron.validate(text)) return 'schedules.errors.cron_invalid'
  return null
}

export function parseCron(expression: string): CronFields {
  return cron.parse(expression.trim())
}

function dayMatches(fields: CronFields, day: DateTime): boolean {
  if (!fields.month.includes(day.month)) return false
  const dom = fields.dayOfMonth.some((d) =>
    d === 'L' ? day.day === day.daysInMonth : d === day.day
  )
  if (!dom) return false
  return fields.dayOfWeek.some((d) => Number(d) % 7 === day.weekday % 7)
}

/** True when `at` (any zone) falls on a minute the expression names, in Vietnam time. */
export function cronMatches(expression: string | CronFields, at: DateTime): boolean {
  const fields = typeof expression === 'string' ? parseCron(expression) : expression
  const t = at.setZone(APP_ZONE)
  return fields.minute.includes(t.minute) && fields.hour.includes(t.hour) && dayMatches(fields, t)
}

/** The next `count` run instants strictly after `from`, in Vietnam time (searches up to 8 years ahead). */
export function nextRuns(expression: string, from: DateTime, count = 5): DateTime[] {
  const fields = parseCron(expression)
  const hours = [...fields.hour].sort((a, b) => a - b)
  const minutes = [...fields.minute].sort((a, b) => a - b)
  const start = from.setZone(APP_ZONE).startOf('minute')
  const out: DateTime[] = []
  let day = start.startOf('day')
  const limit = day.plus({ years: 8 })
  while (out.length < count && day < limit) {
    if (dayMatches(fields, day)) {
      for (const h of hours) {
        for (const m of minutes) {
          const at = day.set({ hour: h, minute: m })
          if (at > start && out.length < count) out.push(at)
        }
      }
    }
    day = day.plus({ days: 1 })
  }
  return out
}

const list = (values: (number | string)[], all: number) =>
  values.length === all ? null : values.map(String).join(', ')

/** The expression in words, e.g. "lúc 07:00, ngày 1, mọi tháng". */
export function describeCron(
  expression: string,
  t: (key: string, data?: Record<string, unknown>) => string
): string {
  const f = parseCron(expression)
  const parts: string[] = []
  if (f.hour.length === 1 && f.minute.length === 1) {
    parts.push(
      t('schedules.cron.at', {
        time: `${String(f.hour[0]).padStart(2, '0')}:${String(f.minute[0]).padStart(2, '0')}`,
      })
    )
  } else {
    const minutes = list(f.minute, 60)
    const hours = list(f.hour, 24)
    parts.push(
      minutes ? t('schedules.cron.minutes', { list: minutes }) : t('schedules.cron.every_minute')
    )
    if (hours) parts.push(t('schedules.cron.hours', { list: hours }))
  }
  const dom = list(f.dayOfMonth, 31)
  if (dom)
    parts.push(t('schedules.cron.days', { list: dom.replace('L', t('schedules.cron.last_day')) }))
  const dow = list(f.dayOfWeek, 7)
  if (dow)
    parts.push(
      t('schedules.cron.weekdays', {
        list: f.dayOfWeek.map((d) => t(`schedules.cron.dow.${Number(d) % 7}`)).join(', '),
      })
    )
  const months = list(f.month, 12)
  parts.push(
    months ? t('schedules.cron.months', { list: months }) : t('schedules.cron.every_month')
  )
  return parts.join(', ')
}
