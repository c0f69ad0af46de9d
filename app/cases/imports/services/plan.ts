/** The shapes of an import dry run: what the lookup answers and the plan a checked record becomes. */

export interface UnitRef {
  id: number
  code: string
  path: string
  level: string
  parentId: number | null
}
export interface OfficerRef {
  id: number
  email: string
  unitId: number
  officer: boolean
}
export interface Lookup {
  unit(code: string): UnitRef | undefined
  officer(email: string): OfficerRef | undefined
  today: string
}

export interface PlannedEvent {
  type: string
  date: string
  documentNumber: string | null
  legalGround: string | null
  amount: number | null
  statusAfter: string | null
  targetUnitId: number | null
  officerId: number | null
  data: Record<string, unknown> | null
  note: string | null
}
export interface PlannedMoney {
  kind: string
  amount: number
  date: string
  receiptNumber: string | null
  payee: string | null
  /** index into events (the event that wrote it), or null */
  event: number | null
  officerId: number | null
}
export interface Plan {
  unit: UnitRef
  caseRow: {
    number: string
    decisionDate: string
    kind: string
    origin: string
    creditInstitution: boolean
    summary: string | null
    debtorName: string | null
    creditorName: string | null
  }
  judgment: { number: string | null; date: string; court: string; type: string } | null
  parties: {
    role: string
    name: string
    address: string | null
    idNumber: string | null
    credit: boolean
  }[]
  obligations: { kind: string; description: string; amount: number | null; payee: string | null }[]
  events: PlannedEvent[]
  spans: { status: string; from: string; to: string | null; event: number }[]
  assignments: { officerId: number; from: string; to: string | null }[]
  money: PlannedMoney[]
  status: string
  remaining: number
  held: number
  officerId: number
  /** The earliest effective date written (closed months it touches are marked revised). */
  firstDate: string
}
