import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

/** `exhibit` belongs to the warehouse, which registers its rules with `registerAttachmentOwner`. */
export const OWNER_TYPES = ['judgment', 'request', 'case', 'case_event', 'exhibit'] as const
export type OwnerType = (typeof OWNER_TYPES)[number]

/** A file attached to a judgment, request, case or case event; the bytes are on the private drive disk. */
export default class Attachment extends BaseModel {
  static table = 'attachments'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare ownerType: OwnerType

  @column()
  declare ownerId: number

  @column()
  declare caseId: number | null

  @column()
  declare unitId: number

  @column()
  declare unitPath: string

  @column()
  declare originalName: string

  @column()
  declare extension: string

  @column()
  declare mime: string

  @column({ consume: (v) => Number(v) })
  declare size: number

  @column({ columnName: 'sha256' })
  declare sha256: string

  @column({ serializeAs: null })
  declare storageKey: string

  @column()
  declare uploadedById: number

  @column.dateTime()
  declare uploadedAt: DateTime
}
