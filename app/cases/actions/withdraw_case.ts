import { User, Unit, reaches } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import { RecordEvent } from './record_event.js'
import { writeTransaction } from '../services/dates.js'
import { createReceivingDraft } from '../services/transfers.js'

/**
 * Use case: the head of a province withdraws (rút hồ sơ) a case of one of its district offices. In one
 * transaction the district case ends as `withdrawn` with a withdrawn_amount entry for the whole remaining
 * (event core: case lock, period lock, audit), and a NEW case origin withdrawn_in (source_case_id set) is
 * created at the province as a submitted draft for the province head to approve with its own number.
 */
export class WithdrawCase {
  async handle(
    actor: User,
    caseId: number,
    input: { effectiveDate: string; documentNumber?: string | null; reason: string }
  ) {
    return writeTransaction(async (trx) => {
      let province: Unit | null = null
      let district: Unit | null = null
      const done = await new RecordEvent().within(
        trx,
        actor,
        caseId,
        {
          type: 'withdrawn',
          effectiveDate: input.effectiveDate,
          documentNumber: input.documentNumber ?? null,
          note: input.reason,
          data: { reason: input.reason },
        },
        async (c) => {
          district = await Unit.findOrFail(c.unitId, { client: trx })
          const subject = { type: 'case', id: c.id }
          if (
            !reaches(actor, district, ['admin', 'head', 'statistician', 'officer', 'intake_clerk'])
          )
            throw new AccessDenied('outside_jurisdiction', subject)
          if (!actor.hasRole('head') || district.parentId !== actor.unitId)
            throw new AccessDenied('not_province_head', subject)
          province = await Unit.findOrFail(actor.unitId, { client: trx })
          if (province.level !== 'province') throw new AccessDenied('not_province_head', subject)
          if (!input.reason?.trim()) throw new RuleViolation('transfers.errors.reason_required')
        }
      )
      const moved = done.moneyEntryId
        ? Number((await trx.from('money_entries').where('id', done.moneyEntryId).first()).amount)
        : 0
      await trx
        .from('case_events')
        .where('id', done.eventId)
        .update({ target_unit_id: province!.id })
      const draft = await createReceivingDraft(trx, actor, done.case, province!, {
        origin: 'withdrawn_in',
        amount: moved,
        receivedOn: input.effectiveDate,
        documentNumber: input.documentNumber ?? null,
        fromUnitName: district!.name,
        copyNonMoney: true,
      })
      await recordAudit(
        {
          actor,
          unit: { id: province!.id, path: province!.path },
          action: 'case.withdrawn',
          subjectType: 'case',
          subjectId: done.case.id,
          after: {
            amount: moved,
            newCaseId: draft.id,
            effectiveDate: input.effectiveDate,
            reason: input.reason,
          },
        },
        trx
      )
      return { source: done.case, newCase: draft, amount: moved }
    })
  }
}
