import { DateTime } from 'luxon'
import hash from '@adonisjs/core/services/hash'
import { compose } from '@adonisjs/core/helpers'
import { BaseModel, beforeSave, belongsTo, column, hasMany } from '@adonisjs/lucid/orm'
import { viSortKey } from '#core'
import type { BelongsTo, HasMany } from '@adonisjs/lucid/types/relations'
import { withAuthFinder } from '@adonisjs/auth/mixins/lucid'
import { DbAccessTokensProvider } from '@adonisjs/auth/access_tokens'
import Unit from './unit.js'
import UserRole from './user_role.js'
import type { Role } from '../roles.js'

const AuthFinder = withAuthFinder(() => hash.use('scrypt'), {
  uids: ['email'],
  passwordColumnName: 'password',
})

export type UserStatus = 'active' | 'revoked'

export default class User extends compose(BaseModel, AuthFinder) {
  @column({ isPrimary: true })
  declare id: number

  @column()
  declare email: string

  @column()
  declare fullName: string

  /** Collation key of the full name (Vietnamese alphabetical order in SQL; migration 0165). */
  @column({ serializeAs: null })
  declare nameKey: string

  @beforeSave()
  static keepNameKey(user: User) {
    if (user.$dirty.fullName !== undefined || !user.nameKey) user.nameKey = viSortKey(user.fullName)
  }

  @column()
  declare unitId: number

  @column({ serializeAs: null })
  declare password: string

  @column()
  declare status: UserStatus

  @column({ consume: (v) => Boolean(v) })
  declare mustChangePassword: boolean

  @column({ serializeAs: null })
  declare sessionEpoch: number

  @column.dateTime()
  declare passwordChangedAt: DateTime | null

  @column.dateTime()
  declare revokedAt: DateTime | null

  @column.dateTime()
  declare lastLoginAt: DateTime | null

  @column()
  declare createdById: number | null

  @column.dateTime({ autoCreate: true })
  declare createdAt: DateTime

  @column.dateTime({ autoCreate: true, autoUpdate: true })
  declare updatedAt: DateTime

  @belongsTo(() => Unit)
  declare unit: BelongsTo<typeof Unit>

  @hasMany(() => UserRole)
  declare roles: HasMany<typeof UserRole>

  static accessTokens = DbAccessTokensProvider.forModel(User, {
    expiresIn: '90 days',
    prefix: 'thads_',
    table: 'auth_access_tokens',
  })

  get roleNames(): Role[] {
    return (this.roles ?? []).map((r) => r.role)
  }

  hasRole(...roles: Role[]): boolean {
    return this.roleNames.some((r) => roles.includes(r))
  }

  get isActive(): boolean {
    return this.status === 'active'
  }

  /** Loads what every authorization decision needs: the unit (with its path) and the roles. */
  async loadAccess(): Promise<this> {
    const model = this as User
    if (!model.$preloaded.unit) await model.load('unit')
    if (!model.$preloaded.roles) await model.load('roles')
    return this
  }
}
