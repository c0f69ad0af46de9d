/**
 * Demo practice history (issue 3, item 11): about 2,000 cases over the demo units across two statistical
 * years, written THROUGH THE REAL ACTIONS (accept, events, money, handovers, delegations, withdrawal,
 * revocation), so the data is exactly what the UI produces. The seed walks the calendar day by day and pins
 * the process clock (`setToday`) to that day: every write is then a same-day write in an open month, so the
 * period lock needs no bypass. It runs only in the seed process (thads:prepare), never from HTTP, only on a
 * database with no cases, and is deterministic (seeded random).
 */
import db from '@adonisjs/lucid/services/db'
import { addDays, RuleViolation, setToday, today } from '#core'
import type { User } from '#accounts'
import { statisticalYearOf } from '#periods'
import * as cases from '#cases'
import { loadPeople } from './demo_cases_people.js'
import { DEMO_UNITS, planCase, rng, type CasePlan, type Rng, type Step } from './demo_cases_plan.js'

export interface DemoCasesOptions {
  cases?: number
  seed?: number
  /** Last day of the history (default: today). */
  end?: string
  /** The clock to put back afterwards (tests pin one); default: the real clock. */
  restoreToday?: string | null
  /** Tests: seed even when cases exist (a shared test database). */
  force?: boolean
  log?: (line: string) => void
}

type Job =
  | { kind: 'step'; plan: CasePlan; step: Step }
  | { kind: 'open'; plan: CasePlan }
  | { kind: 'unit'; run: () => Promise<void> }

export async function seedDemoCases(options: DemoCasesOptions = {}) {
  const existing = await db.from('cases').count('* as n').first()
  if (Number(existing?.n ?? 0) > 0 && !options.force) return null
  const log = options.log ?? (() => {})
  const started = Date.now()
  const restore = today()
  const end = options.end ?? restore
  // 1 October two years before the current statistical year: two full years and the current one so far.
  const start = `${statisticalYearOf(end) - 3}-10-01`
  const total = options.cases ?? 1850
  const r = rng(options.seed ?? 20241001)
  const sqlite = db.connection().dialect.name.includes('sqlite')
  if (sqlite) await db.rawQuery('PRAGMA synchronous = OFF')
  const people = await loadPeople(r)
  const stats = { cases: 0, steps: 0, skipped: 0, handovers: 0, delegations: 0 }
  const buckets = new Map<string, Job[]>()
  const schedule = (day: string, job: Job) => {
    if (day > end) return
    const list = buckets.get(day) ?? buckets.set(day, []).get(day)!
    list.push(job)
  }

  // Cases: acceptance days spread over the history, each with its plan of dated steps.
  const span = Math.max(1, dayCount(start, end) - 3)
  for (let n = 0; n < total; n++) {
    let x = r.next()
    const unit = DEMO_UNITS.find((u) => (x -= u.weight) < 0) ?? DEMO_UNITS[0]
    const plan = planCase(
      r,
      n,
      unit,
      addDays(start, Math.floor((span * n) / total) + r.int(0, 2)),
      end
    )
    schedule(plan.day, { kind: 'open', plan })
    for (const s of plan.steps) schedule(s.day, { kind: 'step', plan, step: s.step })
  }
  // Handovers between the two officers of a unit, and one officer per unit leaving (bulk reassignment).
  for (const unit of DEMO_UNITS.filter((u) => u.code !== 'QP-01')) {
    for (let k = 1; k <= 3; k++) {
      const day = addDays(start, Math.floor((span * k) / 4) + r.int(0, 20))
      schedule(day, { kind: 'unit', run: () => handover(unit.slug, k % 2 === 0, r, day) })
    }
    const leaver = people.byEmail.get(`officer3.${unit.slug}@thads.demo`)
    if (leaver) {
      const day = addDays(start, Math.floor(span * 0.6))
      schedule(day, { kind: 'unit', run: () => leave(unit.slug, day) })
    }
  }

  const u = (email: string) => people.byEmail.get(email)!
  const officerOf = async (caseId: number) => {
    const row = await db
      .from('cases')
      .where('id', caseId)
      .select('officer_id', 'remaining', 'held', 'status')
      .first()
    return {
      officer: people.byId.get(Number(row.officer_id))!,
      remaining: Number(row.remaining),
      held: Number(row.held),
      status: String(row.status),
    }
  }

  async function open(plan: CasePlan, day: string) {
    const slug = plan.unit.slug
    const clerk = u(`clerk.${slug}@thads.demo`)
    const judgment = await new cases.CreateJudgment().handle(clerk, {
      number: plan.judgment.number,
      judgmentDate: plan.judgment.date,
      court: plan.judgment.court,
      type: plan.judgment.type as any,
      receivedOn: addDays(day, -1) < plan.judgment.date ? day : addDays(day, -1),
    })
    const request =
      plan.kind === 'on_request'
        ? await new cases.CreateRequest().handle(clerk, {
            requester: plan.creditor.name,
            receivedOn: day,
            content: `Yêu cầu thi hành bản án số ${plan.judgment.number} của ${plan.judgment.court}`,
            judgmentId: judgment.id,
          })
        : null
    const draft = await new cases.SaveDraftDecision().handle(clerk, {
      kind: plan.kind,
      judgmentId: judgment.id,
      requestId: request?.id ?? null,
      creditInstitution: plan.creditor.bank,
      area: plan.debtor.address.split(', ')[1] ?? null,
      parties: [
        { role: 'debtor', name: plan.debtor.name, address: plan.debtor.address },
        { role: 'creditor', name: plan.creditor.name, isCreditInstitution: plan.creditor.bank },
      ],
      obligations: [{ kind: 'money', ...plan.obligation }],
      submit: true,
    })
    const leaver = people.byEmail.get(`officer3.${slug}@thads.demo`)
    const officers = [u(`officer.${slug}@thads.demo`), u(`officer2.${slug}@thads.demo`)]
    const officer =
      plan.officerSlot === 2 && leaver?.isActive ? leaver : officers[plan.officerSlot % 2]
    const c = await new cases.ApproveDecision().handle(u(`head.${slug}@thads.demo`), draft.id, {
      decisionDate: day,
      officerId: officer.id,
    })
    plan.id = c.id
    stats.cases++
  }

  async function step(plan: CasePlan, s: Step, day: string) {
    if (!plan.id) return
    const id = plan.id
    const now = await officerOf(id)
    const head = u(`head.${plan.unit.slug}@thads.demo`)
    const ev = new cases.RecordEvent()
    const collect = async (amount: number) => {
      if (amount > 0)
        await new cases.RecordCollection().handle(now.officer, id, {
          amount,
          effectiveDate: day,
          receiptNumber: `BL-${id}-${day.replaceAll('-', '')}`,
        })
    }
    switch (s.op) {
      case 'event': {
        const amount = s.amount
          ? Math.max(1000, Math.round((now.remaining * s.amount) / 1000) * 1000)
          : null
        if (s.amount && (!amount || amount > now.remaining)) return
        await ev.handle(now.officer, id, {
          type: s.type as any,
          effectiveDate: day,
          legalGround: s.ground ?? null,
          amount,
          data: s.result ? { result: s.result } : null,
          documentNumber: `${r.int(1, 300)}/QĐ-CCTHADS`,
        })
        break
      }
      case 'collect':
        return collect(Math.min(now.remaining, Math.round((now.remaining * s.share) / 1000) * 1000))
      case 'pay':
        if (now.held > 0)
          await new cases.RecordPayout().handle(now.officer, id, {
            amount: now.held,
            effectiveDate: day,
            payee: s.payee,
          })
        return
      case 'fee':
        return void (await new cases.RecordFee().handle(now.officer, id, {
          amount: s.amount,
          effectiveDate: day,
          receiptNumber: `PHI-${id}`,
        }))
      case 'amend': {
        const amount = Math.round((now.remaining * s.share) / 1000) * 1000
        if (amount !== 0)
          await new cases.AmendObligation().handle(now.officer, id, {
            amount,
            effectiveDate: day,
            documentNumber: `${r.int(1, 99)}/QĐ-SĐBS`,
          })
        return
      }
      case 'complete': {
        await collect(now.remaining)
        const held = (await officerOf(id)).held
        if (held > 0)
          await new cases.RecordPayout().handle(now.officer, id, {
            amount: held,
            effectiveDate: day,
            payee: plan.obligation.payee,
          })
        await ev.handle(now.officer, id, { type: 'completed', effectiveDate: day })
        return
      }
      case 'revoke':
        return void (await new cases.RevokeDecision().handle(head, id, {
          effectiveDate: day,
          documentNumber: `${r.int(1, 99)}/QĐ-THQĐ`,
          reason: 'Quyết định thi hành án ban hành không đúng thẩm quyền',
        }))
      case 'withdraw': {
        const province = DEMO_UNITS.find((x) => plan.unit.code.startsWith(x.code + '-'))!
        const provinceHead = u(`head.${province.slug}@thads.demo`)
        const done = await new cases.WithdrawCase().handle(provinceHead, id, {
          effectiveDate: day,
          documentNumber: `${r.int(1, 60)}/QĐ-RHS`,
          reason: 'Vụ việc phức tạp, Cục trực tiếp tổ chức thi hành',
        })
        return accepted(done.newCase.id, province, day)
      }
      case 'delegate':
        return delegate(plan, s, day, head)
    }
  }

  async function delegate(
    plan: CasePlan,
    s: Extract<Step, { op: 'delegate' }>,
    day: string,
    head: User
  ) {
    const target = DEMO_UNITS.find((x) => x.code === s.target)!
    const unit = people.units.get(target.code)!
    const now = await officerOf(plan.id!)
    const partial = s.scope === 'partial' && now.remaining > 2000
    const d = await new cases.ProposeDelegation().handle(head, plan.id!, {
      toUnitId: unit.id,
      scope: partial ? 'partial' : 'full',
      amount: partial ? Math.round(now.remaining / 2000) * 1000 : null,
      reason: 'Người phải thi hành án có tài sản, nơi cư trú tại địa bàn nơi nhận ủy thác',
      confirm: { effectiveDate: day, decisionNumber: `${r.int(1, 200)}/QĐ-UTTHA` },
    })
    stats.delegations++
    const receiveDay = [addDays(day, r.int(0, 4))].map((x) =>
      x.slice(0, 7) === day.slice(0, 7) ? x : day
    )[0]
    schedule(receiveDay, {
      kind: 'unit',
      run: async () => {
        const receiver =
          r.chance(0.5) || target.code === 'QP-01'
            ? u(`head.${target.slug}@thads.demo`)
            : u(`clerk.${target.slug}@thads.demo`)
        if (s.returned) {
          await new cases.ReturnDelegation().handle(receiver, d.id, {
            reason: 'Hồ sơ ủy thác thiếu bản án có hiệu lực, đề nghị bổ sung',
            receivedOn: receiveDay,
          })
          return
        }
        const done = await new cases.AcceptDelegation().handle(receiver, d.id, {
          receivedOn: receiveDay,
        })
        await accepted(done.newCase.id, target, receiveDay)
      },
    })
  }

  /** The receiving head approves the transferred draft at once and the new case gets a short life of its own. */
  async function accepted(draftId: number, unit: (typeof DEMO_UNITS)[number], day: string) {
    const officer = u(`officer${r.chance(0.5) ? '' : '2'}.${unit.slug}@thads.demo`)
    const c = await new cases.ApproveDecision().handle(u(`head.${unit.slug}@thads.demo`), draftId, {
      decisionDate: day,
      officerId: officer.id,
    })
    stats.cases++
    const plan: CasePlan = { ...planCase(r, -1, unit, day, end), id: c.id }
    for (const s of plan.steps.filter((x) => x.step.op !== 'delegate' && x.step.op !== 'withdraw'))
      schedule(s.day, { kind: 'step', plan, step: s.step })
  }

  async function handover(slug: string, back: boolean, rr: Rng, day: string) {
    const [a, b] = back
      ? [u(`officer2.${slug}@thads.demo`), u(`officer.${slug}@thads.demo`)]
      : [u(`officer.${slug}@thads.demo`), u(`officer2.${slug}@thads.demo`)]
    const held = await db
      .from('cases')
      .where('officer_id', a.id)
      .where('draft_status', 'approved')
      .whereIn('status', ['in_progress', 'no_conditions', 'postponed', 'suspended'])
      .select('id')
    const chosen = held.filter(() => rr.chance(0.35)).map((x) => Number(x.id))
    if (!chosen.length) return
    const h = await new cases.ProposeHandover().handle(a, {
      fromOfficerId: a.id,
      toOfficerId: b.id,
      caseIds: chosen,
      effectiveDate: day,
      reasonKind: rr.pick(['moved', 'workload'] as const),
      reason: 'Điều chỉnh số việc giữa các chấp hành viên',
    })
    await new cases.ConfirmHandover().handle(u(`head.${slug}@thads.demo`), h.id, {
      note: 'Đồng ý bàn giao',
    })
    stats.handovers++
  }

  async function leave(slug: string, day: string) {
    const leaver = u(`officer3.${slug}@thads.demo`)
    await db.from('users').where('id', leaver.id).update({ status: 'revoked' })
    leaver.status = 'revoked'
    const left = await db
      .from('cases')
      .where('officer_id', leaver.id)
      .whereIn('status', ['in_progress', 'no_conditions', 'postponed', 'suspended'])
      .first()
    if (!left) return
    await new cases.ReassignInactiveOfficer().handle(u(`head.${slug}@thads.demo`), {
      fromOfficerId: leaver.id,
      toOfficerId: u(`officer2.${slug}@thads.demo`).id,
      effectiveDate: day,
      reason: 'Chấp hành viên nghỉ hưu',
    })
    stats.handovers++
  }

  try {
    let day = start
    let lastLog = Date.now()
    while (day <= end) {
      setToday(day)
      for (const job of buckets.get(day) ?? []) {
        try {
          if (job.kind === 'open') await open(job.plan, day)
          else if (job.kind === 'step') await step(job.plan, job.step, day)
          else await job.run()
          stats.steps++
        } catch (error) {
          if (!(error instanceof RuleViolation)) throw error
          stats.skipped++
        }
      }
      buckets.delete(day)
      if (Date.now() - lastLog > 5000 || day === end) {
        lastLog = Date.now()
        log(
          `demo cases: ${day} — ${stats.cases} cases, ${stats.steps} steps, ${stats.skipped} skipped (${((Date.now() - started) / 1000).toFixed(0)} s)`
        )
      }
      day = addDays(day, 1)
    }
  } finally {
    setToday(options.restoreToday ?? null)
    if (sqlite) await db.rawQuery('PRAGMA synchronous = FULL')
  }
  return { ...stats, from: start, to: end, seconds: (Date.now() - started) / 1000 }
}

function dayCount(from: string, to: string) {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)
}
