/**
 * Maps validated request bodies (snake_case, shared by the pages and the API) onto the actions, so both
 * doors run exactly the same use cases.
 */
import type { Infer } from '@vinejs/vine/types'
import type { User } from '#accounts'
import type { draftValidator } from '../validators/decisions.js'
import type { eventValidator, moneyValidator } from '../validators/cases.js'
import type { DraftInput } from '../actions/save_draft_decision.js'
import { RecordEvent } from '../actions/record_event.js'
import { RecordCollection } from '../actions/record_collection.js'
import { RecordPayout } from '../actions/record_payout.js'
import { RecordFee } from '../actions/record_fee.js'
import { AmendObligation } from '../actions/amend_obligation.js'

export function draftInput(body: Infer<typeof draftValidator>): DraftInput {
  return {
    kind: body.kind,
    judgmentId: body.judgment_id ?? null,
    requestId: body.request_id ?? null,
    creditInstitution: body.credit_institution ?? false,
    area: body.area ?? null,
    summary: body.summary ?? null,
    parties: body.parties.map((p) => ({
      role: p.role,
      name: p.name,
      address: p.address ?? null,
      idNumber: p.id_number ?? null,
      isCreditInstitution: p.is_credit_institution ?? false,
    })),
    obligations: body.obligations.map((o) => ({
      kind: o.kind,
      description: o.description,
      amount: o.amount ?? null,
      payee: o.payee ?? null,
    })),
    submit: body.submit ?? false,
  }
}

export async function recordEventFrom(
  actor: User,
  caseId: number,
  body: Infer<typeof eventValidator>
) {
  return new RecordEvent().handle(actor, caseId, {
    type: body.type,
    effectiveDate: body.effective_date,
    documentNumber: body.document_number ?? null,
    legalGround: body.legal_ground ?? null,
    amount: body.amount ?? null,
    note: body.note ?? null,
    data: body.result ? { result: body.result } : null,
  })
}

export async function recordMoneyFrom(
  actor: User,
  caseId: number,
  body: Infer<typeof moneyValidator>
): Promise<{ case: { id: number; remaining: number; held: number } }> {
  const base = { amount: body.amount, effectiveDate: body.effective_date }
  switch (body.kind) {
    case 'collected':
      return new RecordCollection().handle(actor, caseId, {
        ...base,
        receiptNumber: body.receipt_number ?? null,
      })
    case 'paid_out':
      return new RecordPayout().handle(actor, caseId, { ...base, payee: body.payee ?? null })
    case 'fee':
      return new RecordFee().handle(actor, caseId, {
        ...base,
        receiptNumber: body.receipt_number ?? null,
      })
    case 'obligation_amended':
      return new AmendObligation().handle(actor, caseId, {
        ...base,
        documentNumber: body.document_number ?? null,
        note: body.note ?? null,
      })
  }
}
