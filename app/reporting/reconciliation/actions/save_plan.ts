/** National staff set the plan of a statistical year (thresholds, tolerances, catch-up dates); audited. */
import type { User } from '#accounts'
import { recordAudit } from '#audit'
import { RuleViolation, transaction } from '#core'
import { authorizePlan } from '../access.js'
import { planFor, type Plan } from '../services/plan.js'

export type PlanInput = Omit<Plan, 'saved'>

export class SavePlan {
  async handle(user: User, input: PlanInput) {
    authorizePlan(user)
    if (input.dueSmall > input.dueLarge) throw new RuleViolation('reconciliation.plan.order', {})
    if (input.dueLarge > input.closeOn)
      throw new RuleViolation('reconciliation.plan.close_order', {})
    const before = await planFor(input.year)
    await transaction(async (trx) => {
      authorizePlan(user)
      const row = {
        threshold: input.threshold,
        due_small: input.dueSmall,
        due_large: input.dueLarge,
        close_on: input.closeOn,
        tolerance_cases: input.toleranceCases,
        tolerance_money: input.toleranceMoney,
        updated_by_id: user.id,
        updated_at: new Date(),
      }
      if (before.saved) await trx.from('reconciliation_plans').where('year', input.year).update(row)
      else
        await trx
          .insertQuery()
          .table('reconciliation_plans')
          .insert({ ...row, year: input.year, created_at: new Date() })
      await recordAudit(
        {
          actor: user,
          unit: { id: user.unit.id, path: user.unit.path },
          action: 'reconciliation.plan_saved',
          subjectType: 'reconciliation_plan',
          subjectId: input.year,
          before: before.saved ? { ...before } : null,
          after: { ...input },
        },
        trx
      )
    })
  }
}
