/**
 * The lifecycle of a case (SPEC §3) as a plain data table: event type → statuses it may be recorded in →
 * the status it leads to (null = status unchanged). Code never branches on event names for legality;
 * it asks this table, so a lawyer can review the rules here in one place.
 */
import type { MoneyKind } from './models/money_entry.js'

export const OPEN_STATUSES = ['in_progress', 'no_conditions', 'postponed', 'suspended'] as const
export const TERMINAL_STATUSES = [
  'completed',
  'terminated',
  'delegated_out',
  'withdrawn',
  'revoked',
] as const
export const CASE_STATUSES = [...OPEN_STATUSES, ...TERMINAL_STATUSES] as const
export type OpenStatus = (typeof OPEN_STATUSES)[number]
export type CaseStatus = (typeof CASE_STATUSES)[number]

const OPEN = OPEN_STATUSES
const letters = (article: string, last: string) =>
  'abcdefgh'
    .slice(0, 'abcdefgh'.indexOf(last) + 1)
    .split('')
    .map((l) => `${article}.${l}`)

/** Legal grounds: Law on Civil Judgment Enforcement, Art. 44a.1, 48.1 and 50.1. */
export const GROUNDS = {
  no_conditions: letters('44a.1', 'c'),
  postponed: letters('48.1', 'h'),
  terminated: letters('50.1', 'h'),
} as const

export interface EventRule {
  /** Statuses the case may be in when the event takes effect; [] = only written by the approval itself. */
  from: readonly CaseStatus[]
  /** Status after the event; null = unchanged. */
  to: CaseStatus | null
  /** When set, a ground from this list is required. */
  grounds?: readonly string[]
  /** 'positive': an amount > 0 is required; 'signed': a non-zero amount (amending decisions). */
  amount?: 'positive' | 'signed'
  /** The money entry the event writes: for terminal events, for the whole remaining amount. */
  money?: MoneyKind
  /** Refused while money remains to be collected or is held unpaid. */
  needsSettledBalance?: boolean
  /** The event (re)assigns the case to `officerId`: closes the open assignment span and opens another. */
  assigns?: boolean
  /** Offered in the assigned officer's event form; other events are written by dedicated flows. */
  manual: boolean
}

export const EVENT_RULES = {
  decision_approved: { from: [], to: 'in_progress', manual: false },
  officer_assigned: { from: OPEN, to: null, assigns: true, manual: false },
  handover: { from: OPEN, to: null, assigns: true, manual: false },
  notified: { from: OPEN, to: null, manual: true },
  verified: { from: ['in_progress', 'no_conditions', 'postponed'], to: null, manual: true },
  no_conditions: {
    from: ['in_progress'],
    to: 'no_conditions',
    grounds: GROUNDS.no_conditions,
    manual: true,
  },
  resume: { from: ['no_conditions', 'postponed', 'suspended'], to: 'in_progress', manual: true },
  postponed: { from: ['in_progress'], to: 'postponed', grounds: GROUNDS.postponed, manual: true },
  suspended: { from: ['in_progress', 'postponed', 'no_conditions'], to: 'suspended', manual: true },
  terminated: {
    from: OPEN,
    to: 'terminated',
    grounds: GROUNDS.terminated,
    money: 'terminated_amount',
    manual: true,
  },
  exemption: { from: OPEN, to: null, amount: 'positive', money: 'reduced', manual: true },
  reduction: { from: OPEN, to: null, amount: 'positive', money: 'reduced', manual: true },
  obligation_amended: {
    from: OPEN,
    to: null,
    amount: 'signed',
    money: 'obligation',
    manual: false,
  },
  security_measure: { from: ['in_progress', 'postponed', 'no_conditions'], to: null, manual: true },
  coercion: { from: ['in_progress'], to: null, manual: true },
  // Partial delegation is the same event with status_after null (written by the delegation flow).
  delegated_out: { from: OPEN, to: 'delegated_out', money: 'delegated_amount', manual: false },
  withdrawn: { from: OPEN, to: 'withdrawn', money: 'withdrawn_amount', manual: false },
  // Revocation is the head's act (RevokeDecision), not an entry in the officer's event form.
  revoked: { from: OPEN, to: 'revoked', money: 'revoked_amount', manual: false },
  completed: { from: ['in_progress'], to: 'completed', needsSettledBalance: true, manual: true },
  result_confirmed: { from: ['completed', 'terminated'], to: null, manual: true },
  archived: { from: TERMINAL_STATUSES, to: null, manual: true },
} as const satisfies Record<string, EventRule>

export type EventType = keyof typeof EVENT_RULES
export const EVENT_TYPES = Object.keys(EVENT_RULES) as EventType[]
export const MANUAL_EVENT_TYPES = EVENT_TYPES.filter((t) => EVENT_RULES[t].manual)

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && value in EVENT_RULES
}

export function isTerminal(status: string | null | undefined): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status ?? '')
}

export function isOpen(status: string | null | undefined): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status ?? '')
}

export function ruleFor(type: EventType): EventRule {
  return EVENT_RULES[type]
}

/**
 * The status a case reaches when `type` takes effect in `current`, or `{ allowed: false }`.
 * `to` is null when the status does not change.
 */
export function transition(
  type: EventType,
  current: string
): { allowed: true; to: CaseStatus | null } | { allowed: false } {
  const rule = ruleFor(type)
  if (!(rule.from as readonly string[]).includes(current)) return { allowed: false }
  return { allowed: true, to: rule.to }
}

/** Event types an officer may record now, in the order of the table. */
export function manualEventsFrom(current: string): EventType[] {
  return MANUAL_EVENT_TYPES.filter((t) => transition(t, current).allowed)
}
