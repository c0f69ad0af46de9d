/**
 * Money postings per second through app instances over HTTP (docs/performance.md, "Several instances").
 * Fixture (in-process, through the real actions, on the command's own connection): one unit's staff, `cases`
 * accepted cases, an API token of the officer. Load: `postings` collections of 1,000 VND spread round-robin over
 * the cases and the instance URLs, `concurrency` requests in flight. Afterwards every case's balance is checked
 * against the ledger and against what was sent.
 */
import { randomUUID } from 'node:crypto'
import db from '@adonisjs/lucid/services/db'
import { Unit, User } from '#accounts'
import { ApproveDecision, CreateJudgment, SaveDraftDecision } from '#cases'

export interface MoneyBenchResult {
  label: string
  urls: string[]
  postings: number
  concurrency: number
  seconds: number
  perSecond: number
  failed: number
  balancesExact: boolean
}

const DECISION_DAY = '2026-11-02'
const POSTING_DAY = '2026-11-03'

async function staffOf(unit: Unit) {
  const make = async (role: 'intake_clerk' | 'head' | 'officer') => {
    const user = await User.create({
      email: `bench-${role}-${randomUUID().slice(0, 8)}@bench.thads`,
      fullName: `Bench ${role}`,
      unitId: unit.id,
      password: randomUUID(),
      status: 'active',
      mustChangePassword: false,
      sessionEpoch: 1,
    })
    await user.related('roles').create({ role })
    await user.load('roles')
    await user.load('unit')
    return user
  }
  return {
    clerk: await make('intake_clerk'),
    head: await make('head'),
    officer: await make('officer'),
  }
}

export async function benchMoney(options: {
  label: string
  urls: string[]
  unitCode: string
  cases: number
  postings: number
  concurrency: number
}): Promise<MoneyBenchResult> {
  const unit = await Unit.findByOrFail('code', options.unitCode)
  const people = await staffOf(unit)
  const ids: number[] = []
  for (let i = 0; i < options.cases; i++) {
    const judgment = await new CreateJudgment().handle(people.clerk, {
      number: `${i + 1}/${randomUUID().slice(0, 6)}/BENCH`,
      judgmentDate: DECISION_DAY,
      court: 'TAND Bench',
      type: 'civil',
      receivedOn: DECISION_DAY,
    })
    const draft = await new SaveDraftDecision().handle(people.clerk, {
      kind: 'ex_officio',
      judgmentId: judgment.id,
      parties: [{ role: 'debtor', name: `Bench ${i}` }],
      obligations: [
        { kind: 'money', description: 'Bench', amount: 1_000_000_000, payee: 'creditor' },
      ],
      submit: true,
    })
    const c = await new ApproveDecision().handle(people.head, draft.id, {
      decisionDate: DECISION_DAY,
      officerId: people.officer.id,
    })
    ids.push(c.id)
  }
  const token = await User.accessTokens.create(people.officer, ['cases:write'])
  const auth = `Bearer ${token.value!.release()}`

  let next = 0
  let failed = 0
  const post = async (i: number) => {
    const url = options.urls[i % options.urls.length]
    const caseId = ids[i % ids.length]
    const res = await fetch(`${url}/api/v1/cases/${caseId}/money`, {
      method: 'POST',
      headers: {
        'authorization': auth,
        'content-type': 'application/json',
        'accept': 'application/json',
      },
      body: JSON.stringify({
        kind: 'collected',
        amount: 1_000,
        receipt_number: `B-${i}`,
        effective_date: POSTING_DAY,
      }),
    })
    if (res.status !== 201) failed++
    await res.arrayBuffer()
  }
  const started = process.hrtime.bigint()
  await Promise.all(
    Array.from({ length: options.concurrency }, async () => {
      for (let i = next++; i < options.postings; i = next++) await post(i)
    })
  )
  const seconds = Number(process.hrtime.bigint() - started) / 1e9

  const rows = await db.from('cases').whereIn('id', ids).select('id', 'remaining', 'held')
  const ledger = await db
    .from('money_entries')
    .whereIn('case_id', ids)
    .where('kind', 'collected')
    .groupBy('case_id')
    .select('case_id')
    .sum('amount as total')
  const byCase = new Map(ledger.map((l: any) => [Number(l.case_id), Number(l.total)]))
  const sentPerCase = (k: number) =>
    Math.floor(options.postings / ids.length) + (k < options.postings % ids.length ? 1 : 0)
  const balancesExact =
    failed === 0 &&
    rows.every((r: any) => {
      const k = ids.indexOf(Number(r.id))
      const total = byCase.get(Number(r.id)) ?? 0
      return (
        total === sentPerCase(k) * 1_000 &&
        Number(r.held) === total &&
        Number(r.remaining) === 1_000_000_000 - total
      )
    })
  return {
    label: options.label,
    urls: options.urls,
    postings: options.postings,
    concurrency: options.concurrency,
    seconds,
    perSecond: options.postings / seconds,
    failed,
    balancesExact,
  }
}
