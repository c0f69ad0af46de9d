import { DateTime } from 'luxon'
import { BaseModel, belongsTo, column } from '@adonisjs/lucid/orm'
import type { BelongsTo } from '@adonisjs/lucid/types/relations'
import { User } from '#accounts'

export type DecisionAction = 'approved' | 'accepted' | 'returned'

/** A decision on a submitted version (append-only): the latest one is the version's status. */
export default class SubmissionDecision extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare submissionId: number

  @column()
  declare action: DecisionAction

  /** 1, 2, … within the version (unique): the guard against two concurrent decisions. */
  @column()
  declare step: number

  @column()
  declare actorId: number

  @column()
  declare reason: string | null

  @column.dateTime({ autoCreate: true })
  declare decidedAt: DateTime

  @belongsTo(() => User, { foreignKey: 'actorId' })
  declare actor: BelongsTo<typeof User>
}
