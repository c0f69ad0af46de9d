import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** Court judgments and decisions received for enforcement (sổ thụ lý bản án). Dates are ISO day strings. */
export const JUDGMENT_TYPES = [
  'criminal',
  'civil',
  'marriage_family',
  'business',
  'labour',
  'administrative',
  'bankruptcy',
  'other',
] as const
export type JudgmentType = (typeof JUDGMENT_TYPES)[number]

export default class Judgment extends BaseModel {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare unitId: number

  @column()
  declare number: string | null

  @column()
  declare judgmentDate: string

  @column()
  declare court: string

  @column()
  declare type: JudgmentType

  @column()
  declare parties: string | null

  @column()
  declare summary: string | null

  @column()
  declare receivedOn: string

  @column()
  declare createdById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  get label(): string {
    return `${this.number ?? '—'} (${this.court})`
  }
}
