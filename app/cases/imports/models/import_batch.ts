import { DateTime } from 'luxon'
import { BaseModel, column } from '@adonisjs/lucid/orm'

export const BATCH_STATUSES = [
  'checking',
  'checked',
  'refused',
  'failed_check',
  'confirmed',
  'committing',
  'committed',
  'rolling_back',
  'rolled_back',
  'failed',
] as const
export type BatchStatus = (typeof BATCH_STATUSES)[number]

/** One uploaded import file and where it stands (see migration 0140). */
export default class ImportBatch extends BaseModel {
  static table = 'import_batches'

  @column({ isPrimary: true }) declare id: number
  @column() declare userId: number
  @column() declare unitId: number
  @column() declare unitPath: string
  @column() declare fileName: string
  @column() declare fileKey: string
  @column() declare format: 'csv' | 'xlsx'
  @column({ consume: (v) => Number(v) }) declare fileSize: number
  @column({ columnName: 'sha256' }) declare sha256: string | null
  @column() declare unitCodes: string | null
  @column() declare status: BatchStatus
  @column() declare totalRows: number
  @column() declare totalRecords: number
  @column() declare toCreate: number
  @column() declare toUpdate: number
  @column() declare unchanged: number
  @column() declare rejected: number
  @column() declare errorRows: number
  @column() declare doneRecords: number
  @column() declare progress: number
  @column() declare message: string | null
  @column() declare confirmedById: number | null
  @column.dateTime() declare confirmedAt: DateTime | null
  @column() declare claimedBy: string | null
  @column.dateTime() declare heartbeatAt: DateTime | null
  @column.dateTime() declare finishedAt: DateTime | null
  @column() declare rolledBackById: number | null
  @column.dateTime({ autoCreate: true }) declare createdAt: DateTime
  @column.dateTime({ autoCreate: true, autoUpdate: true }) declare updatedAt: DateTime

  get codes(): string[] {
    return this.unitCodes ? this.unitCodes.split(',').filter(Boolean) : []
  }

  get canConfirm(): boolean {
    return (
      this.status === 'checked' &&
      this.rejected === 0 &&
      this.errorRows === 0 &&
      this.toCreate + this.toUpdate > 0
    )
  }
}
