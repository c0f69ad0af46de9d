import vine from '@vinejs/vine'
import { PARTY_ROLES } from '../models/case_party.js'
import { PAYEES } from '../models/case_obligation.js'
import { isoDay, positiveVnd } from './shared.js'

export const draftValidator = vine.compile(
  vine.object({
    kind: vine.enum(['ex_officio', 'on_request']),
    judgment_id: vine.number().positive().withoutDecimals().optional(),
    request_id: vine.number().positive().withoutDecimals().optional(),
    credit_institution: vine.boolean().optional(),
    area: vine.string().trim().maxLength(255).optional(),
    summary: vine.string().trim().maxLength(5000).optional(),
    parties: vine
      .array(
        vine.object({
          role: vine.enum(PARTY_ROLES),
          name: vine.string().trim().minLength(2).maxLength(255),
          address: vine.string().trim().maxLength(512).optional(),
          id_number: vine.string().trim().maxLength(32).optional(),
          is_credit_institution: vine.boolean().optional(),
        })
      )
      .minLength(1)
      .maxLength(50),
    obligations: vine
      .array(
        vine.object({
          kind: vine.enum(['money', 'non_money']),
          description: vine.string().trim().minLength(2).maxLength(2000),
          amount: positiveVnd().optional(),
          payee: vine.enum(PAYEES).optional(),
        })
      )
      .minLength(1)
      .maxLength(50),
    submit: vine.boolean().optional(),
  })
)

export const approveValidator = vine.compile(
  vine.object({
    decision_date: isoDay(),
    officer_id: vine.number().positive().withoutDecimals(),
    comment: vine.string().trim().maxLength(2000).optional(),
  })
)

export const rejectValidator = vine.compile(
  vine.object({
    comment: vine.string().trim().minLength(5).maxLength(2000),
  })
)
