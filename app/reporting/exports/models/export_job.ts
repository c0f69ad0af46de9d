import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export type ExportTarget = 'form' | 'list' | 'cell' | 'cases'
export type ExportJobStatus = 'queued' | 'running' | 'done' | 'failed'

/** One background export (see database/migrations/0030_create_export_jobs_table.ts). */
export default class ExportJob extends BaseModel {
  static readonly table = 'export_jobs'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare userId: number

  @column()
  declare unitId: number

  @column()
  declare unitPath: string

  @column()
  declare form: string

  @column()
  declare target: ExportTarget

  @column()
  declare year: number

  @column()
  declare period: number

  @column()
  declare layout: 'officer' | 'unit' | null

  @column()
  declare rowKey: number | null

  @column()
  declare columnKey: string | null

  /** The case list's filters (JSON) of a `cases` job; null otherwise (migration 0135). */
  @column()
  declare params: string | null

  @column()
  declare format: string

  @column()
  declare locale: string

  @column()
  declare status: ExportJobStatus

  @column()
  declare progress: number

  @column()
  declare claimedBy: string | null

  @column({ serializeAs: null })
  declare filePath: string | null

  @column()
  declare fileName: string | null

  @column()
  declare fileSize: number | null

  @column()
  declare error: string | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @column.dateTime()
  declare startedAt: DateTime | null

  @column.dateTime()
  declare finishedAt: DateTime | null

  @column.dateTime()
  declare expiresAt: DateTime | null

  /** The file can still be downloaded. */
  get downloadable(): boolean {
    return (
      this.status === 'done' &&
      this.filePath !== null &&
      (!this.expiresAt || this.expiresAt > DateTime.utc())
    )
  }
}
