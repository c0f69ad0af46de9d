/**
 * Legal deadlines of a case (SPEC §3), computed from its facts and the working-day calendar of #core.
 *
 * Readings where the law leaves room (decided here, reviewed by the domain owner):
 *  - request_decision: 5 working days after the request was received; met on the case's decision date.
 *  - verification: the debtor has 10 (calendar) days to pay voluntarily from being notified of the decision
 *    (the first `notified` event; the decision date while none is recorded, which is never later), and the
 *    officer verifies within the next 10 days: due = start + 20 days. Met by the first `verified` event.
 *  - no_conditions_decision: 5 working days after a verification that found no conditions (result
 *    `no_conditions`) while the case was not already without conditions; met by the `no_conditions` event.
 *    A later verification that finds conditions withdraws it.
 *  - reverification: while a case is without conditions, every 6 months (12 when `reverify_reason` is
 *    `prisoner` or `unknown_address`) from the no-conditions decision, then from each verification.
 *  - publication (5 wd from the no-conditions decision), publication_update (3 wd from a change of what was
 *    published: obligation amended, reduction/exemption, partial delegation, money collected) and
 *    publication_removal (2 wd from the end of the no-conditions status — resume, completion, termination or
 *    any other status change — once published).
 *  - A period counted in calendar days that ends on a day off ends on the next working day (Civil Code
 *    2015 Art. 148). Deadlines still open when the case (or the no-conditions span) ended are moot and dropped,
 *    except the removal, which that end starts.
 */
import { DateTime } from 'luxon'
import { addWorkingDays, isWorkingDay, today as clockToday } from '#core'
import { isTerminal } from '../../state_machine.js'

export const DEADLINE_KINDS = [
  'request_decision',
  'verification',
  'no_conditions_decision',
  'reverification',
  'publication',
  'publication_update',
  'publication_removal',
] as const
export type DeadlineKind = (typeof DEADLINE_KINDS)[number]
export type DeadlineState = 'due' | 'overdue' | 'met' | 'met_late'

export const DECISION_WD = 5
export const VOLUNTARY_DAYS = 10
export const VERIFICATION_DAYS = 10
export const NO_CONDITIONS_DECISION_WD = 5
export const PUBLISH_WD = 5
export const UPDATE_WD = 3
export const REMOVE_WD = 2
export const REVERIFY_MONTHS = 6
export const REVERIFY_MONTHS_LONG = 12
export const REVERIFY_REASONS = ['prisoner', 'unknown_address'] as const
export type ReverifyReason = (typeof REVERIFY_REASONS)[number]

/** Events whose change of the obligation must be reflected in a publication. */
const CHANGES_PUBLISHED_INFO = ['obligation_amended', 'exemption', 'reduction']

export interface FactEvent {
  id: number
  type: string
  effectiveDate: string
  statusAfter: string | null
  result?: string | null
}

export interface DeadlineFacts {
  decisionDate: string | null
  status: string
  reverifyReason: string | null
  requestReceivedOn: string | null
  /** Sorted by effective date, then id. */
  events: FactEvent[]
  /** Sorted by effective date, then id. */
  publications: { action: string; effectiveDate: string }[]
  /** Days money was collected. */
  collections: string[]
}

export interface Deadline {
  kind: DeadlineKind
  anchor: string
  anchorDate: string
  dueOn: string
  metOn: string | null
  state: DeadlineState
  /** Calendar days past the due day (overdue: until today; met_late: until it was met). */
  daysLate: number
  months?: number
}

function daysFrom(a: string, b: string): number {
  return Math.round(
    DateTime.fromISO(b, { zone: 'utc' }).diff(DateTime.fromISO(a, { zone: 'utc' }), 'days').days
  )
}

/** A period counted in calendar days that ends on a day off runs to the next working day. */
export async function onWorkingDay(day: string): Promise<string> {
  return (await isWorkingDay(day)) ? day : addWorkingDays(day, 1)
}

export function plusDays(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ days: n }).toISODate()!
}

export function plusMonths(day: string, n: number): string {
  return DateTime.fromISO(day, { zone: 'utc' }).plus({ months: n }).toISODate()!
}

export function settle(
  kind: DeadlineKind,
  anchor: string,
  anchorDate: string,
  dueOn: string,
  metOn: string | null,
  today: string,
  extra: Partial<Deadline> = {}
): Deadline {
  let state: DeadlineState
  let daysLate = 0
  if (metOn) {
    state = metOn <= dueOn ? 'met' : 'met_late'
    daysLate = Math.max(0, daysFrom(dueOn, metOn))
  } else if (dueOn < today) {
    state = 'overdue'
    daysLate = daysFrom(dueOn, today)
  } else {
    state = 'due'
  }
  return { kind, anchor, anchorDate, dueOn, metOn, state, daysLate, ...extra }
}

interface Span {
  from: string
  to: string | null
}

/** The periods during which the case was without conditions, from its events. */
export function noConditionsSpans(events: FactEvent[]): Span[] {
  const spans: Span[] = []
  let open: Span | null = null
  for (const e of events) {
    if (!e.statusAfter) continue
    if (e.statusAfter === 'no_conditions' && !open) {
      open = { from: e.effectiveDate, to: null }
      spans.push(open)
    } else if (e.statusAfter !== 'no_conditions' && open) {
      open.to = e.effectiveDate
      open = null
    }
  }
  return spans
}

const firstOnOrAfter = (days: string[], from: string, before?: string | null) =>
  days.find((d) => d >= from && (!before || d <= before)) ?? null

async function verificationDeadlines(f: DeadlineFacts, today: string): Promise<Deadline[]> {
  if (!f.decisionDate) return []
  const notified = f.events.find((e) => e.type === 'notified')
  const start = notified?.effectiveDate ?? f.decisionDate
  const dueOn = await onWorkingDay(plusDays(start, VOLUNTARY_DAYS + VERIFICATION_DAYS))
  // A no-conditions decision presupposes the verification, even when the verification was not recorded.
  const verified =
    f.events.find((e) => e.type === 'verified' || e.type === 'no_conditions')?.effectiveDate ?? null
  return [settle('verification', notified ? 'notified' : 'decision', start, dueOn, verified, today)]
}

async function noConditionsDecisionDeadlines(f: DeadlineFacts, today: string) {
  const out: Deadline[] = []
  let status = 'in_progress'
  let pending: string | null = null
  for (const e of f.events) {
    if (e.type === 'verified') {
      if (e.result === 'no_conditions' && status !== 'no_conditions' && !pending)
        pending = e.effectiveDate
      else if (e.result !== 'no_conditions') pending = null
    }
    if (e.type === 'no_conditions' && pending) {
      const dueOn = await addWorkingDays(pending, NO_CONDITIONS_DECISION_WD)
      out.push(
        settle(
          'no_conditions_decision',
          'verified_no_conditions',
          pending,
          dueOn,
          e.effectiveDate,
          today
        )
      )
      pending = null
    }
    if (e.statusAfter) status = e.statusAfter
  }
  if (pending && !isTerminal(f.status)) {
    const dueOn = await addWorkingDays(pending, NO_CONDITIONS_DECISION_WD)
    out.push(
      settle('no_conditions_decision', 'verified_no_conditions', pending, dueOn, null, today)
    )
  }
  return out
}

async function reverificationDeadlines(f: DeadlineFacts, spans: Span[], today: string) {
  const months = f.reverifyReason ? REVERIFY_MONTHS_LONG : REVERIFY_MONTHS
  const out: Deadline[] = []
  for (const span of spans) {
    const checks = f.events
      .filter((e) => e.type === 'verified' && e.effectiveDate > span.from)
      .filter((e) => !span.to || e.effectiveDate < span.to)
      .map((e) => e.effectiveDate)
    let anchor = span.from
    let anchorKey = 'no_conditions'
    for (let guard = 0; guard < 200; guard++) {
      const dueOn = await onWorkingDay(plusMonths(anchor, months))
      const met = checks.find((d) => d > anchor) ?? null
      if (!met) {
        if (!span.to)
          out.push(settle('reverification', anchorKey, anchor, dueOn, null, today, { months }))
        break
      }
      out.push(settle('reverification', anchorKey, anchor, dueOn, met, today, { months }))
      anchor = met
      anchorKey = 'last_verification'
    }
  }
  return out
}

async function publicationDeadlines(f: DeadlineFacts, spans: Span[], today: string) {
  const out: Deadline[] = []
  const pubs = f.publications
  for (const span of spans) {
    const publishes = pubs.filter((p) => p.action === 'publish').map((p) => p.effectiveDate)
    const published = firstOnOrAfter(publishes, span.from, span.to)
    if (published || !span.to) {
      const dueOn = await addWorkingDays(span.from, PUBLISH_WD)
      out.push(settle('publication', 'no_conditions', span.from, dueOn, published, today))
    }
    if (!published) continue

    // Updates: each change after publication, while still without conditions; one update answers every
    // change made up to its date, so only the first change of each group sets the due day.
    const changes = [
      ...f.events
        .filter(
          (e) =>
            CHANGES_PUBLISHED_INFO.includes(e.type) ||
            (e.type === 'delegated_out' && e.statusAfter === null)
        )
        .map((e) => e.effectiveDate),
      ...f.collections,
    ]
      .filter((d) => d >= published && (!span.to || d < span.to))
      .sort()
    const updates = pubs.filter((p) => p.action === 'update').map((p) => p.effectiveDate)
    let answeredUntil = ''
    for (const change of changes) {
      if (change <= answeredUntil) continue
      const met = firstOnOrAfter(updates, change, span.to)
      if (!met && span.to) break
      const dueOn = await addWorkingDays(change, UPDATE_WD)
      out.push(settle('publication_update', 'changed', change, dueOn, met, today))
      if (!met) break
      answeredUntil = met
    }

    if (span.to) {
      const removedBefore = pubs.some(
        (p) => p.action === 'remove' && p.effectiveDate >= published && p.effectiveDate < span.to!
      )
      if (removedBefore) continue
      const removes = pubs.filter((p) => p.action === 'remove').map((p) => p.effectiveDate)
      const dueOn = await addWorkingDays(span.to, REMOVE_WD)
      out.push(
        settle(
          'publication_removal',
          'ended',
          span.to,
          dueOn,
          firstOnOrAfter(removes, span.to),
          today
        )
      )
    }
  }
  return out
}

/** Every deadline that applies to the case, oldest anchor first. */
export async function deadlinesFor(f: DeadlineFacts, today = clockToday()): Promise<Deadline[]> {
  const out: Deadline[] = []
  if (f.requestReceivedOn && f.decisionDate) {
    const dueOn = await addWorkingDays(f.requestReceivedOn, DECISION_WD)
    out.push(
      settle(
        'request_decision',
        'request_received',
        f.requestReceivedOn,
        dueOn,
        f.decisionDate,
        today
      )
    )
  }
  const spans = noConditionsSpans(f.events)
  out.push(...(await verificationDeadlines(f, today)))
  out.push(...(await noConditionsDecisionDeadlines(f, today)))
  out.push(...(await reverificationDeadlines(f, spans, today)))
  out.push(...(await publicationDeadlines(f, spans, today)))
  const terminal = isTerminal(f.status)
  return out
    .filter((d) => d.metOn || !terminal || d.kind === 'publication_removal')
    .sort((a, b) => a.anchorDate.localeCompare(b.anchorDate) || a.dueOn.localeCompare(b.dueOn))
}

/** A pending request's decision deadline (no case yet). */
export async function pendingRequestDeadline(receivedOn: string, today = clockToday()) {
  const dueOn = await addWorkingDays(receivedOn, DECISION_WD)
  return settle('request_decision', 'request_received', receivedOn, dueOn, null, today)
}
