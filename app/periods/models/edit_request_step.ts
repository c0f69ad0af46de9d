import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { User } from '#accounts'
import { isoDay } from './iso.js'

export type StepAction =
  'filed' | 'confirmed' | 'declined' | 'approved' | 'rejected' | 'cancelled' | 'edited'

/** One line of a request's history; `edited` lines are the edits made under the approved exception. */
export default class EditRequestStep extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare editRequestId: number

  @column()
  declare action: StepAction

  @column()
  declare actorId: number | null

  @column()
  declare comment: string | null

  @column({ consume: isoDay })
  declare effectiveDate: string | null

  @column()
  declare caseId: number | null

  @column.dateTime({ autoCreate: true })
  declare occurredAt: DateTime

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>
}
