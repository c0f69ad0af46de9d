import { errors as lucidErrors } from '@adonisjs/lucid'
import type { User } from '#accounts'
import { RuleViolation, today } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import Stocktake from '../models/stocktake.js'
import { statusAfter } from '../rules.js'
import { assertHead } from '../services/access.js'
import { locationText } from '../services/ledger.js'
import { affected, nowSql, writeTransaction } from '../services/tx.js'

/**
 * Use case: the head approves a recorded stock-take. Every counted item is marked checked on the count date;
 * each explained difference becomes a `stocktake_adjustment` movement in the item's history and sets the held
 * quantity to the counted one (refused if the item moved since it was counted).
 */
export class ApproveStocktake {
  async handle(actor: User, stocktakeId: number): Promise<Stocktake> {
    return writeTransaction(async (trx) => {
      const st = await Stocktake.query({ client: trx })
        .where('id', stocktakeId || 0)
        .first()
      if (!st) throw new lucidErrors.E_ROW_NOT_FOUND()
      assertHead(actor, st.unitId, { type: 'stocktake', id: st.id })
      if (st.status !== 'submitted') throw new RuleViolation('warehouse.errors.stocktake_done')
      const lock = await assertWritable(st.unitId, st.countDate, { actorId: actor.id, trx })
      const claimed = affected(
        await trx
          .from('stocktakes')
          .where('id', st.id)
          .where('status', 'submitted')
          .update({
            status: 'approved',
            approved_by_id: actor.id,
            approved_on: today(),
            version: st.version + 1,
            updated_at: nowSql(),
          })
      )
      if (claimed !== 1) throw new RuleViolation('warehouse.errors.stocktake_done')
      const lines = await trx
        .from('stocktake_lines')
        .join('exhibits', 'exhibits.id', 'stocktake_lines.exhibit_id')
        .where('stocktake_id', st.id)
        .select(
          'stocktake_lines.*',
          'exhibits.quantity_held',
          'exhibits.quantity_out',
          'exhibits.version',
          'exhibits.location_kind',
          'exhibits.location',
          'exhibits.custodian',
          'exhibits.code',
          'exhibits.case_id'
        )
      await trx
        .from('exhibits')
        .whereIn('id', (s) =>
          s.from('stocktake_lines').select('exhibit_id').where('stocktake_id', st.id)
        )
        .update({ last_checked_on: st.countDate })
      for (const l of lines.filter((x: any) => Number(x.difference) !== 0)) {
        const counted = Number(l.counted)
        const out = Number(l.quantity_out)
        const n = affected(
          await trx
            .from('exhibits')
            .where('id', l.exhibit_id)
            .where('quantity_held', l.expected)
            .update({
              quantity_held: counted,
              status: statusAfter(counted, out),
              closed_on: statusAfter(counted, out) === 'closed' ? st.countDate : null,
              version: Number(l.version) + 1,
              updated_at: nowSql(),
            })
        )
        if (n !== 1) throw new RuleViolation('warehouse.errors.stocktake_stale', { code: l.code })
        const place = locationText({
          locationKind: l.location_kind,
          location: l.location,
          custodian: l.custodian,
        })
        await trx.table('warehouse_movements').insert({
          exhibit_id: l.exhibit_id,
          order_id: null,
          stocktake_id: st.id,
          unit_id: st.unitId,
          unit_path: st.unitPath,
          case_id: l.case_id,
          kind: 'stocktake_adjustment',
          quantity: Number(l.difference),
          document_number: `KK-${st.id}`,
          movement_date: st.countDate,
          result: l.explanation,
          location_before: place,
          location_after: place,
          held_before: Number(l.expected),
          held_after: counted,
          out_before: out,
          out_after: out,
          copies: 1,
          edit_request_id: lock.editRequestId,
          recorded_by_id: actor.id,
          created_at: nowSql(),
        })
      }
      await recordAudit(
        {
          actor,
          unit: { id: st.unitId, path: st.unitPath },
          action: 'warehouse.stocktake_approved',
          subjectType: 'stocktake',
          subjectId: st.id,
          before: { status: 'submitted' },
          after: { status: 'approved', items: lines.length, differences: st.differences },
        },
        trx
      )
      return (await Stocktake.query({ client: trx }).where('id', st.id).first())!
    })
  }
}
