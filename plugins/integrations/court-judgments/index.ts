/**
 * Court judgments inbound: a court system POSTs /api/integrations/v1/judgments with its client token. The body
 * is validated like the judgment form (the cases module's validator and CreateJudgment.receive), routed to the
 * receiving unit's judgment register; the same court, number and date twice is refused (409).
 */
import { errors as vineErrors } from '@vinejs/vine'
import { CreateJudgment, judgmentValidator } from '#cases'
import { defineIntegration, foldKey, IntegrationRefusal } from '#integrations'

const TEXTS = {
  E_UNIT_REQUIRED: {
    vi: 'Thiếu mã cơ quan thi hành án nhận bản án (unit_code).',
    en: 'unit_code (the receiving unit) is required.',
  },
  E_NUMBER_REQUIRED: { vi: 'Thiếu số bản án (number).', en: 'The judgment number is required.' },
  E_VALIDATION: {
    vi: 'Dữ liệu bản án không hợp lệ, xem từng trường.',
    en: 'The judgment is invalid; see the fields.',
  },
  E_UNKNOWN_UNIT: { vi: 'Không có cơ quan thi hành án với mã này.', en: 'No unit has this code.' },
  E_DUPLICATE_JUDGMENT: {
    vi: 'Bản án này (cùng Tòa án, số và ngày) đã được gửi trước đó.',
    en: 'This judgment (same court, number and date) was already received.',
  },
}

const refuse = (
  code: keyof typeof TEXTS,
  status: number,
  detail: Record<string, unknown>,
  clientId: number
) => new IntegrationRefusal(code, status, detail, clientId, TEXTS[code])

const FIELDS = [
  'unit_code',
  'number',
  'judgment_date',
  'court',
  'type',
  'parties',
  'summary',
  'received_on',
]

export default defineIntegration({
  dataKinds: ['judgments'],
  inbound: [
    {
      method: 'POST',
      path: 'judgments',
      dataKind: 'judgments',
      access: 'write',
      async handle({ ctx, client, requireScope, transaction, rejectUnknownFields, audit }) {
        const body = ctx.request.body() as Record<string, unknown>
        rejectUnknownFields(body, FIELDS)
        const unitCode = typeof body.unit_code === 'string' ? body.unit_code.trim() : ''
        if (!unitCode) throw refuse('E_UNIT_REQUIRED', 422, { field: 'unit_code' }, client.id)
        if (typeof body.number !== 'string' || !body.number.trim())
          throw refuse('E_NUMBER_REQUIRED', 422, { field: 'number' }, client.id)
        const form = { ...body }
        delete form.unit_code
        let input
        try {
          input = await judgmentValidator.validate(form)
        } catch (error) {
          if (error instanceof vineErrors.E_VALIDATION_ERROR)
            throw refuse('E_VALIDATION', 422, { fields: (error as any).messages }, client.id)
          throw error
        }
        return transaction(async (trx) => {
          const unit = await trx
            .from('units')
            .where('code', unitCode)
            .select('id', 'path', 'name')
            .first()
          if (!unit) throw refuse('E_UNKNOWN_UNIT', 422, { unit_code: unitCode }, client.id)
          requireScope('judgments', 'write', unit.path)
          const courtKey = foldKey(input.court)
          const number = input.number!.trim()
          const dup = await trx
            .from('court_judgment_arrivals')
            .where({ court_key: courtKey, number, judgment_date: input.judgment_date })
            .first()
          if (dup)
            throw refuse(
              'E_DUPLICATE_JUDGMENT',
              409,
              {
                court: input.court,
                number,
                judgment_date: input.judgment_date,
                judgment_id: dup.judgment_id,
              },
              client.id
            )
          const judgment = await new CreateJudgment().receive(trx, unit.id, {
            number,
            judgmentDate: input.judgment_date,
            court: input.court,
            type: input.type,
            parties: input.parties ?? null,
            summary: input.summary ?? null,
            receivedOn: input.received_on,
          })
          try {
            await trx
              .insertQuery()
              .table('court_judgment_arrivals')
              .insert({
                client_id: client.id,
                judgment_id: judgment.id,
                unit_id: unit.id,
                court_key: courtKey,
                number,
                judgment_date: input.judgment_date,
                received_at: new Date().toISOString().slice(0, 19).replace('T', ' '),
              })
          } catch {
            // Two posts of the same judgment at once: the UNIQUE index lets one through.
            throw refuse(
              'E_DUPLICATE_JUDGMENT',
              409,
              { court: input.court, number, judgment_date: input.judgment_date },
              client.id
            )
          }
          await audit(trx, {
            action: 'judgment.received',
            unit: { id: unit.id, path: unit.path },
            subjectType: 'judgment',
            subjectId: judgment.id,
            after: { ...judgment.serialize(), client: client.id },
          })
          ctx.response.status(201)
          return {
            data: { id: judgment.id, unit: unitCode, number, judgment_date: input.judgment_date },
          }
        })
      },
    },
  ],
})
