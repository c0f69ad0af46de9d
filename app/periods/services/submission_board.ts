/**
 * The submissions board of one unit for a form and period (SPEC §4): the unit's own report, its children's
 * reports (a province sees its districts, the national level its provinces) and its officers' rows, each with
 * its newest version, status, timeliness against the level's deadline and the reason of a return.
 */
import { Unit, User } from '#accounts'
import { today } from '#core'
import Submission, { type SubmissionLevel, type SubmissionStatus } from '../models/submission.js'
import { periodRange } from './periods.js'
import { deadlineFor } from './submission_store.js'

export const BOARD_STATES = [
  'not_submitted',
  'overdue',
  'submitted',
  'approved',
  'accepted',
  'returned',
  'late',
  'revised',
] as const
export type BoardFilter = (typeof BOARD_STATES)[number]

export interface BoardEntry {
  level: SubmissionLevel
  unit: { id: number; code: string; name: string; level: string }
  officer: { id: number; fullName: string } | null
  deadline: string
  state: 'not_submitted' | 'overdue' | SubmissionStatus
  /** Of the first version: a return for correction does not make an on-time unit late. */
  timeliness: 'on_time' | 'late' | null
  submission: Pick<Submission, 'id' | 'version' | 'submittedOn' | 'late' | 'sha256'> | null
  revised: boolean
  returnReason: string | null
}

interface Expected {
  level: SubmissionLevel
  unit: Unit
  officer: User | null
}

/**
 * `officerOnly`: the viewer reads only its own row (an officer without a reader role).
 */
export async function buildBoard(options: {
  unit: Unit
  form: string
  year: number
  period: number
  officerOnly?: User
  filter?: BoardFilter
}) {
  const { unit, form, year, period } = options
  const end = periodRange(year, period).end
  const expected = options.officerOnly
    ? [{ level: 'officer' as const, unit, officer: options.officerOnly }]
    : await expectedReports(unit, end)
  const unitIds = [...new Set(expected.map((e) => e.unit.id))]
  const rows = unitIds.length
    ? await Submission.query()
        .where('form_id', form)
        .where('year', year)
        .where('period', period)
        .whereIn('unit_id', unitIds)
        .preload('decisions', (q) => q.orderBy('step', 'asc'))
        .preload('revisions')
        .orderBy('version', 'asc')
    : []
  const chains = new Map<string, Submission[]>()
  for (const s of rows) {
    const key = `${s.level}|${s.unitId}|${s.officerId}`
    chains.set(key, [...(chains.get(key) ?? []), s])
  }
  const deadlines = new Map<SubmissionLevel, string>()
  for (const level of ['officer', 'unit', 'province'] as const)
    deadlines.set(level, await deadlineFor(level, year, period))
  const day = today()
  const entries: BoardEntry[] = expected.map((e) => {
    const chain = chains.get(`${e.level}|${e.unit.id}|${e.officer?.id ?? 0}`) ?? []
    const newest = chain.at(-1) ?? null
    const deadline = deadlines.get(e.level)!
    return {
      level: e.level,
      unit: { id: e.unit.id, code: e.unit.code, name: e.unit.name, level: e.unit.level },
      officer: e.officer
        ? { id: e.officer.id, fullName: e.officer.fullName ?? e.officer.email }
        : null,
      deadline,
      state: newest ? newest.status : day > deadline ? 'overdue' : 'not_submitted',
      timeliness: chain.length ? (chain[0].late ? 'late' : 'on_time') : null,
      submission: newest,
      revised: newest?.isRevised ?? false,
      returnReason: newest?.returnReason ?? null,
    }
  })
  const counts = Object.fromEntries(
    BOARD_STATES.map((s) => [s, entries.filter((e) => matches(e, s)).length])
  ) as Record<BoardFilter, number>
  return {
    entries: options.filter ? entries.filter((e) => matches(e, options.filter!)) : entries,
    counts,
    deadlines: Object.fromEntries(deadlines),
    periodEnd: end,
  }
}

function matches(entry: BoardEntry, filter: BoardFilter): boolean {
  if (filter === 'late') return entry.timeliness === 'late' || entry.state === 'overdue'
  if (filter === 'revised') return entry.revised
  if (filter === 'not_submitted')
    return entry.state === 'not_submitted' || entry.state === 'overdue'
  return entry.state === filter
}

/** Who reports to `unit` for a period ending on `end`: its own report, its children's, its officers' rows. */
async function expectedReports(unit: Unit, end: string): Promise<Expected[]> {
  const list: Expected[] = []
  if (unit.level !== 'national')
    list.push({ level: unit.level === 'province' ? 'province' : 'unit', unit, officer: null })
  const children = await Unit.validOn(Unit.query(), end).where('parent_id', unit.id).orderBy('code')
  for (const child of children) {
    if (unit.level === 'national' && child.level !== 'province') continue
    list.push({
      level: child.level === 'province' ? 'province' : 'unit',
      unit: child,
      officer: null,
    })
  }
  if (unit.level !== 'national') {
    const officers = await User.query()
      .where('unit_id', unit.id)
      .where('status', 'active')
      .whereHas('roles', (q) => q.where('role', 'officer'))
      .orderBy('full_name')
      .limit(500)
    for (const officer of officers) list.push({ level: 'officer', unit, officer })
  }
  return list
}
