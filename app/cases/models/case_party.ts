import { BaseModel, column } from '@adonisjs/lucid/orm'

export const PARTY_ROLES = ['creditor', 'debtor', 'related'] as const
export type PartyRole = (typeof PARTY_ROLES)[number]

export default class CaseParty extends BaseModel {
  static table = 'case_parties'

  @column({ isPrimary: true })
  declare id: number

  @column()
  declare caseId: number

  @column()
  declare role: PartyRole

  @column()
  declare name: string

  @column()
  declare address: string | null

  @column()
  declare idNumber: string | null

  @column({ consume: (v) => Boolean(v) })
  declare isCreditInstitution: boolean
}
