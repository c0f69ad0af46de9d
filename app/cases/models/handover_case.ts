import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import Case from './case.js'

/** One case of a handover with the money it held (collected, not paid out) and its remaining amount. */
export default class HandoverCase extends BaseModel {
  static table = 'handover_cases'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare handoverId: number

  @column()
  declare caseId: number

  @column({ consume: (v) => Number(v) })
  declare held: number

  @column({ consume: (v) => Number(v) })
  declare remaining: number

  @column()
  declare eventId: number | null

  @belongsTo(() => Case)
  declare case: BelongsTo<typeof Case>
}
