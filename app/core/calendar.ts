import { DateTime } from 'luxon'
import db from '@adonisjs/lucid/services/db'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import { addDays } from './clock.js'

/**
 * The working-day calendar of the agencies: Monday–Friday, minus public holidays (table `holidays`, which
 * also holds the compensatory and swapped days off), plus the Saturdays worked in exchange for a swapped day
 * (table `make_up_working_days`, "ngày làm bù"). Legal deadlines and period closing count in these days.
 *
 * Both tables are tiny and read on every lock check, so they are cached in memory per process. A write made
 * through `invalidateCalendar()` refreshes this process at once; other processes (several app instances)
 * notice within REVALIDATE_MS by comparing a cheap fingerprint of the tables.
 * Every function takes the caller's transaction (`client`): SQLite has one connection, so a read outside an
 * open transaction would wait for it forever.
 */
const REVALIDATE_MS = 60_000

export interface Holiday {
  day: string
  name: string
}

interface CalendarCache {
  holidays: Map<string, string>
  makeUp: Map<string, string>
  fingerprint: string
  checkedAt: number
}

let cache: CalendarCache | null = null
let loading: Promise<CalendarCache> | null = null

function isoDay(value: unknown): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value).slice(0, 10)
}

async function fingerprint(client: QueryClientContract): Promise<string> {
  const [h, m] = await Promise.all([
    client.from('holidays').count('* as n').min('day as lo').max('day as hi').first(),
    client.from('make_up_working_days').count('* as n').min('day as lo').max('day as hi').first(),
  ])
  return JSON.stringify(
    [h?.n, h?.lo, h?.hi, m?.n, m?.lo, m?.hi].map((v) =>
      v === null || v === undefined ? '' : String(v)
    )
  )
}

async function load(client: QueryClientContract): Promise<CalendarCache> {
  const [holidays, makeUp, print] = await Promise.all([
    client.from('holidays').select('day', 'name'),
    client.from('make_up_working_days').select('day', 'name'),
    fingerprint(client),
  ])
  return {
    holidays: new Map(holidays.map((r) => [isoDay(r.day), r.name as string])),
    makeUp: new Map(makeUp.map((r) => [isoDay(r.day), r.name as string])),
    fingerprint: print,
    checkedAt: Date.now(),
  }
}

async function calendar(given?: QueryClientContract): Promise<CalendarCache> {
  const client = given ?? db.connection()
  if (cache && Date.now() - cache.checkedAt < REVALIDATE_MS) return cache
  if (!loading) {
    loading = (async () => {
      if (cache && (await fingerprint(client)) === cache.fingerprint) {
        cache.checkedAt = Date.now()
        return cache
      }
      return (cache = await load(client))
    })().finally(() => (loading = null))
  }
  // A stale cache answers at once and refreshes in the background: callers often hold SQLite's only
  // connection in a transaction, where awaiting a query on the pool would wait forever.
  if (cache) {
    loading.catch(() => {})
    return cache
  }
  return loading
}

/** Drops this process's cached calendar; call after writing `holidays` or `make_up_working_days`. */
export function invalidateCalendar() {
  cache = null
}

type CalendarListener = (day: string) => Promise<void>
const listeners: CalendarListener[] = []

/** Modules that store dates computed from the calendar (e.g. deadline facts) recompute them on a change. */
export function onCalendarChanged(listener: CalendarListener) {
  listeners.push(listener)
}

/** After committing a change of `day` in the calendar: drops the cache, then runs the listeners. */
export async function calendarChanged(day: string) {
  invalidateCalendar()
  for (const listener of listeners) await listener(day)
}

function isWeekend(day: string): boolean {
  return DateTime.fromISO(day, { zone: 'utc' }).weekday >= 6
}

function workingIn(cal: CalendarCache, day: string): boolean {
  if (cal.holidays.has(day)) return false
  return !isWeekend(day) || cal.makeUp.has(day)
}

export async function isWorkingDay(day: string, client?: QueryClientContract): Promise<boolean> {
  return workingIn(await calendar(client), day)
}

/** The holiday's name when `day` is a public holiday / day off, else null. */
export async function holidayName(
  day: string,
  client?: QueryClientContract
): Promise<string | null> {
  return (await calendar(client)).holidays.get(day) ?? null
}

/**
 * Moves `n` working days from `day` (not counting `day` itself); negative `n` moves back, 0 returns `day`.
 * "Within 5 working days of D" ends on addWorkingDays(D, 5).
 */
export async function addWorkingDays(
  day: string,
  n: number,
  client?: QueryClientContract
): Promise<string> {
  if (!Number.isInteger(n)) throw new Error(`addWorkingDays expects an integer, got ${n}`)
  const cal = await calendar(client)
  const step = n < 0 ? -1 : 1
  let current = day
  for (let left = Math.abs(n); left > 0;) {
    current = addDays(current, step)
    if (workingIn(cal, current)) left--
  }
  return current
}

/**
 * Working days in (a, b]: how many working days after `a` up to and including `b` — the inverse of
 * addWorkingDays, so workingDaysBetween(d, addWorkingDays(d, n)) = n. Negative when b is before a.
 */
export async function workingDaysBetween(
  a: string,
  b: string,
  client?: QueryClientContract
): Promise<number> {
  if (a === b) return 0
  if (b < a) return -(await workingDaysBetween(b, a, client))
  const cal = await calendar(client)
  let count = 0
  for (let d = addDays(a, 1); d <= b; d = addDays(d, 1)) if (workingIn(cal, d)) count++
  return count
}

/** Holidays and make-up working days within [from, to], for calendar pages. */
export async function calendarBetween(
  from: string,
  to: string,
  client?: QueryClientContract
): Promise<{ holidays: Holiday[]; makeUpDays: Holiday[] }> {
  const cal = await calendar(client)
  const pick = (m: Map<string, string>) =>
    [...m.entries()]
      .filter(([d]) => d >= from && d <= to)
      .sort(([x], [y]) => x.localeCompare(y))
      .map(([day, name]) => ({ day, name }))
  return { holidays: pick(cal.holidays), makeUpDays: pick(cal.makeUp) }
}
