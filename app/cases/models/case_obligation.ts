import { BaseModel, column } from '@adonisjs/lucid/orm'

export const PAYEES = ['creditor', 'state_budget'] as const
export type Payee = (typeof PAYEES)[number]

/** What the decision orders: money (integer VND, to a creditor or the State budget) or a non-money act as text. */
export default class CaseObligation extends BaseModel {
  static table = 'case_obligations'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare caseId: number

  @column()
  declare kind: 'money' | 'non_money'

  @column()
  declare description: string

  @column({ consume: (v) => (v === null ? null : Number(v)) })
  declare amount: number | null

  @column()
  declare payee: Payee | null
}
