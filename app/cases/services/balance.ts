import type { MoneyKind } from '../models/money_entry.js'

/** Money kinds that lower Remaining (SPEC §3); obligation raises it; paid_out and fee leave it alone. */
export const REMAINING_REDUCERS: readonly MoneyKind[] = [
  'collected',
  'reduced',
  'terminated_amount',
  'delegated_amount',
  'withdrawn_amount',
  'revoked_amount',
]

export interface Line {
  kind: MoneyKind | string
  amount: number
  effectiveDate: string
}

/** Effect of one entry on (remaining, held). */
export function effect(line: Pick<Line, 'kind' | 'amount'>): { remaining: number; held: number } {
  const amount = Number(line.amount)
  if (line.kind === 'obligation') return { remaining: amount, held: 0 }
  if (line.kind === 'collected') return { remaining: -amount, held: amount }
  if (line.kind === 'paid_out') return { remaining: 0, held: -amount }
  if ((REMAINING_REDUCERS as readonly string[]).includes(line.kind))
    return { remaining: -amount, held: 0 }
  return { remaining: 0, held: 0 }
}

/** Remaining and held over the lines dated on or before `day` (all lines when day is omitted). */
export function totals(lines: Line[], day?: string): { remaining: number; held: number } {
  let remaining = 0
  let held = 0
  for (const line of lines) {
    if (day && line.effectiveDate > day) continue
    const e = effect(line)
    remaining += e.remaining
    held += e.held
  }
  return { remaining, held }
}

/**
 * The lowest remaining and held on any day from `day` on, if `extra` were added. A back-dated posting
 * must keep every later balance non-negative, not only today's.
 */
export function lowestFrom(
  lines: Line[],
  day: string,
  extra: Line
): { remaining: number; held: number } {
  const all = [...lines, extra].sort((a, b) =>
    a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0
  )
  let remaining = 0
  let held = 0
  let lowRemaining = Number.POSITIVE_INFINITY
  let lowHeld = Number.POSITIVE_INFINITY
  for (let i = 0; i < all.length; i++) {
    const e = effect(all[i])
    remaining += e.remaining
    held += e.held
    const lastOfDay = i === all.length - 1 || all[i + 1].effectiveDate !== all[i].effectiveDate
    if (lastOfDay && all[i].effectiveDate >= day) {
      lowRemaining = Math.min(lowRemaining, remaining)
      lowHeld = Math.min(lowHeld, held)
    }
  }
  return { remaining: lowRemaining, held: lowHeld }
}

/** Ledger rows with the running balance after each, oldest first (for the case page). */
export function withRunningBalance<T extends Line>(
  lines: T[]
): Array<T & { remainingAfter: number; heldAfter: number }> {
  let remaining = 0
  let held = 0
  return lines.map((line) => {
    const e = effect(line)
    remaining += e.remaining
    held += e.held
    return Object.assign(line, { remainingAfter: remaining, heldAfter: held })
  })
}
