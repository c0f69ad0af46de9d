/**
 * The warehouse's rules (SPEC §6) as pure functions: categories, order kinds, what a movement does to the held
 * and extracted quantities, and the stock-take calendar. Unit-tested in tests/unit/warehouse.
 */
export const CATEGORIES = [
  'money',
  'valuable_papers',
  'gold_gems',
  'vehicle',
  'goods',
  'perishable',
  'dangerous',
  'documents',
  'immovable',
] as const
export type Category = (typeof CATEGORIES)[number]

/** Perishable or dangerous items are listed as waiting for a decision while they are held. */
export const URGENT_CATEGORIES: readonly Category[] = ['perishable', 'dangerous']

export const ORDER_KINDS = [
  'intake',
  'return_owner',
  'to_finance',
  'destruction',
  'auction',
  'extraction',
  'extraction_return',
  'transfer',
] as const
export type OrderKind = (typeof ORDER_KINDS)[number]

/** Outflows take quantity out of custody for good. */
export const OUTFLOWS: readonly OrderKind[] = [
  'return_owner',
  'to_finance',
  'destruction',
  'auction',
]

export const ORDER_STATUSES = ['proposed', 'signed', 'refused', 'executed'] as const
export const EXHIBIT_STATUSES = ['awaiting', 'in_custody', 'closed'] as const
export const STOCKTAKE_KINDS = ['quarterly', 'half_year', 'yearly', 'monthly_outside'] as const
export type StocktakeKind = (typeof STOCKTAKE_KINDS)[number]

/** A destruction council has a chair and at least two members (decision where the SPEC is silent). */
export const MIN_COUNCIL = 3

export interface Quantities {
  declared: number
  held: number
  out: number
  /** Quantity already taken in by earlier intakes (held + out + what left for good). */
  received: number
}

/**
 * What executing `kind` for `quantity` does, or the i18n key of the refusal. Pure: the action applies the
 * result with a conditional UPDATE so that two parallel executions cannot both pass.
 */
export function applyMovement(
  q: Quantities,
  kind: OrderKind,
  quantity: number
): { held: number; out: number } | { error: string; data?: Record<string, unknown> } {
  if (!Number.isSafeInteger(quantity) || quantity <= 0)
    return { error: 'warehouse.errors.quantity' }
  switch (kind) {
    case 'intake': {
      const left = q.declared - q.received
      if (quantity > left) return { error: 'warehouse.errors.intake_too_much', data: { left } }
      return { held: q.held + quantity, out: q.out }
    }
    case 'extraction_return':
      if (q.out === 0) return { error: 'warehouse.errors.nothing_extracted' }
      if (quantity > q.out)
        return { error: 'warehouse.errors.return_too_much', data: { out: q.out } }
      return { held: q.held + quantity, out: q.out - quantity }
    case 'extraction':
      if (quantity > q.held)
        return { error: 'warehouse.errors.more_than_held', data: { held: q.held } }
      return { held: q.held - quantity, out: q.out + quantity }
    case 'transfer':
      if (q.held === 0) return { error: 'warehouse.errors.more_than_held', data: { held: q.held } }
      if (quantity !== q.held)
        return { error: 'warehouse.errors.transfer_whole', data: { held: q.held } }
      return { held: q.held, out: q.out }
    default:
      if (quantity > q.held)
        return { error: 'warehouse.errors.more_than_held', data: { held: q.held } }
      return { held: q.held - quantity, out: q.out }
  }
}

/** The status an item has after a movement. */
export function statusAfter(held: number, out: number): 'in_custody' | 'closed' {
  return held === 0 && out === 0 ? 'closed' : 'in_custody'
}

/** Last day of the quarter containing `day` (ISO). Stock-takes are due at each quarter end. */
export function quarterEnd(day: string): string {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  const endMonth = Math.ceil(m / 3) * 3
  const last = new Date(Date.UTC(y, endMonth, 0)).getUTCDate()
  return `${y}-${String(endMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}`
}

/** The kind of the regular stock-take due at a quarter end: yearly in December, half-year in June. */
export function stocktakeKindAt(quarterEndDay: string): StocktakeKind {
  const m = quarterEndDay.slice(5, 7)
  return m === '12' ? 'yearly' : m === '06' ? 'half_year' : 'quarterly'
}

/** The next regular stock-take: the end of the current quarter, or of the next one once it has been done. */
export function nextStocktake(
  today: string,
  lastRegular: string | null
): { day: string; kind: StocktakeKind } {
  let end = quarterEnd(today)
  if (lastRegular && lastRegular >= quarterStart(end)) end = quarterEnd(isoAddDays(end, 1))
  return { day: end, kind: stocktakeKindAt(end) }
}

function quarterStart(end: string): string {
  const m = Number(end.slice(5, 7)) - 2
  return `${end.slice(0, 4)}-${String(m).padStart(2, '0')}-01`
}

export function isoAddDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

/** Same day one month earlier (clamped): items outside the warehouse are checked at least monthly. */
export function monthBefore(day: string): string {
  const y = Number(day.slice(0, 4))
  const m = Number(day.slice(5, 7))
  const d = Number(day.slice(8, 10))
  const py = m === 1 ? y - 1 : y
  const pm = m === 1 ? 12 : m - 1
  const last = new Date(Date.UTC(py, pm, 0)).getUTCDate()
  return `${py}-${String(pm).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`
}

/** Same day one year earlier: items held since then are "unprocessed for a year or more". */
export function yearBefore(day: string): string {
  const y = Number(day.slice(0, 4)) - 1
  const md = day.slice(5) === '02-29' ? '02-28' : day.slice(5)
  return `${y}-${md}`
}

/** Parses the council members typed one per line (or separated by ;), trimmed, without blanks or repeats. */
export function parseMembers(text: string | null | undefined): string[] {
  if (!text) return []
  return [
    ...new Set(
      text
        .split(/[\n;]+/)
        .map((s) => s.trim())
        .filter((s) => s.length > 0)
    ),
  ]
}
