import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

/** Whether national staff closed statistical year `year` (chốt số liệu). */
export async function isYearClosed(
  year: number,
  trx?: TransactionClientContract
): Promise<boolean> {
  const row = await (trx ?? db).from('year_closures').where('year', year).select('year').first()
  return Boolean(row)
}
