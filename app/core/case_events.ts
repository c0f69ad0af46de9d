/**
 * A generic hook point for "something was written on a case": modules that must react inside the SAME
 * transaction (e.g. an integration outbox) register a listener here; the cases module calls
 * `notifyCaseEvent` at the end of every event write. Cases never imports its listeners, and #core stays
 * free of other modules (the transaction is typed structurally).
 */
export interface CaseEventNotice {
  /** `event` for a lifecycle event (case_events row), `publication` for an act on the Art. 44a list. */
  source: 'event' | 'publication'
  /** Event type (no_conditions, resume, …) or publication action (publish, update, remove). */
  type: string
  caseId: number
  unitId: number
  unitPath: string
  eventId: number | null
  effectiveDate: string
  statusBefore: string | null
  statusAfter: string
  actorId: number | null
  legalGround?: string | null
}

export type CaseEventListener = (notice: CaseEventNotice, trx: any) => Promise<void>

const listeners = new Map<string, CaseEventListener>()

/** Registers (or replaces) a listener under a stable name. */
export function registerCaseEventListener(name: string, listener: CaseEventListener) {
  listeners.set(name, listener)
}

export function unregisterCaseEventListener(name: string) {
  listeners.delete(name)
}

/** Called by the cases module inside the write transaction; a throwing listener aborts the write. */
export async function notifyCaseEvent(notice: CaseEventNotice, trx: any) {
  for (const listener of listeners.values()) await listener(notice, trx)
}
