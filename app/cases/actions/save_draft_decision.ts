import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import type { User } from '#accounts'
import { AccessDenied, RuleViolation } from '#core'
import { recordAudit } from '#audit'
import Case from '../models/case.js'
import Judgment from '../models/judgment.js'
import EnforcementRequest from '../models/enforcement_request.js'
import type { PartyRole } from '../models/case_party.js'
import type { Payee } from '../models/case_obligation.js'
import { isClerkOf } from '../services/access.js'
import { refreshSearchTerms } from '../services/search/terms.js'
import { today, writeTransaction } from '../services/dates.js'

export interface DraftInput {
  kind: 'ex_officio' | 'on_request'
  judgmentId?: number | null
  requestId?: number | null
  creditInstitution?: boolean
  area?: string | null
  summary?: string | null
  parties: Array<{
    role: PartyRole
    name: string
    address?: string | null
    idNumber?: string | null
    isCreditInstitution?: boolean
  }>
  obligations: Array<{
    kind: 'money' | 'non_money'
    description: string
    amount?: number | null
    payee?: Payee | null
  }>
  /** Hand the draft to the head's approval queue at once. */
  submit?: boolean
}

/**
 * Use case: an intake clerk composes (or corrects) a draft enforcement decision — ex officio from a
 * judgment or on a party's request — with its parties and obligations. Drafts carry no effective date:
 * the decision date is fixed by the head at approval, so the period lock applies there.
 */
export class SaveDraftDecision {
  async handle(actor: User, input: DraftInput, draftId?: number): Promise<Case> {
    if (!isClerkOf(actor, actor.unitId))
      throw new AccessDenied('intake_only', { type: 'case', id: draftId ?? null })
    this.validate(input)
    return writeTransaction(async (trx) => {
      await this.checkSources(trx, actor, input)
      let draft: Case
      let before: Record<string, unknown> | null = null
      if (draftId) {
        draft = await Case.query({ client: trx }).where('id', draftId).firstOrFail()
        if (!isClerkOf(actor, draft.unitId))
          throw new AccessDenied('outside_jurisdiction', { type: 'case', id: draft.id })
        if (!['draft', 'rejected'].includes(draft.draftStatus))
          throw new RuleViolation('cases.errors.draft_locked')
        before = {
          draftStatus: draft.draftStatus,
          debtorName: draft.debtorName,
          creditorName: draft.creditorName,
        }
        await trx.from('case_parties').where('case_id', draft.id).delete()
        await trx.from('case_obligations').where('case_id', draft.id).delete()
      } else {
        draft = new Case()
        draft.useTransaction(trx)
        draft.fill({
          unitId: actor.unitId,
          unitPath: actor.unit.path,
          draftStatus: 'draft',
          status: 'draft',
          origin: 'new',
          draftedById: actor.id,
        })
      }
      const debtor = input.parties.find((p) => p.role === 'debtor')!
      const creditor = input.parties.find((p) => p.role === 'creditor')
      draft.merge({
        year: Number(today().slice(0, 4)),
        kind: input.kind,
        judgmentId: input.judgmentId ?? null,
        requestId: input.kind === 'on_request' ? input.requestId! : null,
        creditInstitution:
          Boolean(input.creditInstitution) ||
          input.parties.some((p) => p.role === 'creditor' && p.isCreditInstitution),
        area: input.area?.trim() || null,
        summary: input.summary?.trim() || null,
        debtorName: debtor.name.trim(),
        creditorName: creditor?.name.trim() ?? null,
        draftStatus: input.submit ? 'submitted' : 'draft',
      })
      draft.useTransaction(trx)
      await draft.save()
      await trx
        .insertQuery()
        .table('case_parties')
        .multiInsert(
          input.parties.map((p) => ({
            case_id: draft.id,
            role: p.role,
            name: p.name.trim(),
            address: p.address?.trim() || null,
            id_number: p.idNumber?.trim() || null,
            is_credit_institution: Boolean(p.isCreditInstitution),
          }))
        )
      await trx
        .insertQuery()
        .table('case_obligations')
        .multiInsert(
          input.obligations.map((o) => ({
            case_id: draft.id,
            kind: o.kind,
            description: o.description.trim(),
            amount: o.kind === 'money' ? o.amount : null,
            payee: o.kind === 'money' ? (o.payee ?? 'creditor') : null,
          }))
        )
      await refreshSearchTerms(trx, draft.id)
      await recordAudit(
        {
          actor,
          unit: actor.unit,
          action: draftId ? 'case.draft_updated' : 'case.draft_created',
          subjectType: 'case',
          subjectId: draft.id,
          before,
          after: {
            draftStatus: draft.draftStatus,
            kind: draft.kind,
            debtorName: draft.debtorName,
            parties: input.parties.length,
            obligations: input.obligations,
          },
        },
        trx
      )
      return draft
    })
  }

  private validate(input: DraftInput) {
    if (!input.parties.some((p) => p.role === 'debtor'))
      throw new RuleViolation('cases.errors.debtor_required')
    if (input.obligations.length === 0) throw new RuleViolation('cases.errors.obligation_required')
    for (const o of input.obligations) {
      if (o.kind === 'money' && !(Number.isSafeInteger(o.amount) && o.amount! > 0))
        throw new RuleViolation('cases.errors.amount_positive')
    }
    if (input.kind === 'ex_officio' && !input.judgmentId)
      throw new RuleViolation('cases.errors.judgment_required')
    if (input.kind === 'on_request' && !input.requestId)
      throw new RuleViolation('cases.errors.request_required')
  }

  private async checkSources(trx: TransactionClientContract, actor: User, input: DraftInput) {
    if (input.judgmentId) {
      const judgment = await Judgment.find(input.judgmentId, { client: trx })
      if (!judgment || judgment.unitId !== actor.unitId)
        throw new RuleViolation('cases.errors.judgment_not_found')
    }
    if (input.kind === 'on_request') {
      const request = await EnforcementRequest.find(input.requestId!, { client: trx })
      if (!request || request.unitId !== actor.unitId)
        throw new RuleViolation('cases.errors.request_not_found')
      if (request.status !== 'pending') throw new RuleViolation('cases.errors.request_not_pending')
    }
  }
}
