import type { User } from '#accounts'
import { RuleViolation, today } from '#core'
import { assertWritable } from '#periods'
import { recordAudit } from '#audit'
import Stocktake from '../models/stocktake.js'
import type { StocktakeKind } from '../rules.js'
import { assertKeeper } from '../services/access.js'
import { nowSql, writeTransaction } from '../services/tx.js'
import { stocktakeItems } from '../services/queries.js'

export interface StocktakeInput {
  kind: StocktakeKind
  countDate: string
  members?: string | null
  /** Counted quantity and explanation per item id. */
  lines: Record<number, { counted: number | null; explanation?: string | null }>
}

/**
 * Use case: the keeper records a stock-take of its unit's warehouse (every held item; for the monthly check
 * only the items kept outside). Every item needs a count; a difference needs an explanation. The head
 * approves it afterwards (ApproveStocktake), which writes the differences into the items' history.
 */
export class RecordStocktake {
  async handle(actor: User, input: StocktakeInput): Promise<Stocktake> {
    return writeTransaction(async (trx) => {
      assertKeeper(actor, actor.unitId, { type: 'stocktake' })
      if (input.countDate > today()) throw new RuleViolation('warehouse.errors.future_date')
      await assertWritable(actor.unitId, input.countDate, { actorId: actor.id, trx })
      const items = await stocktakeItems(actor.unitId, input.kind, trx)
      if (items.length === 0) throw new RuleViolation('warehouse.errors.nothing_to_count')
      const lines = items.map((item) => {
        const line = input.lines[item.id]
        const counted = line?.counted
        if (
          counted === null ||
          counted === undefined ||
          !Number.isSafeInteger(counted) ||
          counted < 0
        )
          throw new RuleViolation('warehouse.errors.count_missing', { code: item.code })
        const difference = counted - item.held
        const explanation = line?.explanation?.trim() || null
        if (difference !== 0 && (!explanation || explanation.length < 3))
          throw new RuleViolation('warehouse.errors.explanation_required', { code: item.code })
        return { exhibit_id: item.id, expected: item.held, counted, difference, explanation }
      })
      const differences = lines.filter((l) => l.difference !== 0).length
      const stocktake = await Stocktake.create(
        {
          unitId: actor.unitId,
          unitPath: actor.unit.path,
          kind: input.kind,
          countDate: input.countDate,
          status: 'submitted',
          members: input.members?.trim() || null,
          createdById: actor.id,
          differences,
          version: 0,
        },
        { client: trx }
      )
      await trx
        .table('stocktake_lines')
        .multiInsert(lines.map((l) => ({ ...l, stocktake_id: stocktake.id })))
      await recordAudit(
        {
          actor,
          unit: { id: actor.unitId, path: actor.unit.path },
          action: 'warehouse.stocktake_recorded',
          subjectType: 'stocktake',
          subjectId: stocktake.id,
          after: {
            kind: input.kind,
            countDate: input.countDate,
            items: lines.length,
            differences,
            at: nowSql(),
          },
        },
        trx
      )
      return stocktake
    })
  }
}
