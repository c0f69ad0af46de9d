import { DateTime } from 'luxon'
import limiter from '@adonisjs/limiter/services/main'
import type { Limiter } from '@adonisjs/limiter'
import User from '../models/user.js'
import { recordAudit } from '#audit'
import { transaction } from '#core'

/** Failed attempts tolerated before a pause: per account (guessing one password) and per IP (spraying many). */
export const LOGIN_LIMITS = {
  perAccount: { requests: 5, duration: '15 mins', blockDuration: '15 mins' },
  perIp: { requests: 30, duration: '15 mins', blockDuration: '15 mins' },
} as const

export type LoginOutcome =
  | { ok: true; user: User }
  | { ok: false; reason: 'invalid' | 'revoked' }
  | { ok: false; reason: 'throttled'; retryAfterSeconds: number }

/**
 * Checks credentials with throttling per account and per IP, and audits every attempt.
 * It does not open the session: the session and token guards do that with the returned user.
 */
export class AttemptLogin {
  async handle(email: string, password: string, ip: string): Promise<LoginOutcome> {
    const accountLimiter = limiter.use(LOGIN_LIMITS.perAccount)
    const ipLimiter = limiter.use(LOGIN_LIMITS.perIp)
    const accountKey = `login_account_${email}`
    const ipKey = `login_ip_${ip}`

    const blockedFor = Math.max(
      await this.blockedFor(accountLimiter, accountKey),
      await this.blockedFor(ipLimiter, ipKey)
    )
    if (blockedFor > 0) {
      await recordAudit({
        actorEmail: email,
        action: 'auth.login',
        outcome: 'refused',
        after: { reason: 'throttled' },
      })
      return { ok: false, reason: 'throttled', retryAfterSeconds: blockedFor }
    }

    let user: User
    try {
      user = await User.verifyCredentials(email, password)
    } catch {
      await this.penalize(accountLimiter, accountKey)
      await this.penalize(ipLimiter, ipKey)
      await recordAudit({
        actorEmail: email,
        action: 'auth.login',
        outcome: 'failed',
        after: { reason: 'invalid_credentials' },
      })
      return { ok: false, reason: 'invalid' }
    }

    await user.loadAccess()
    if (!user.isActive) {
      await recordAudit({
        actor: user,
        unit: user.unit,
        action: 'auth.login',
        outcome: 'refused',
        subjectType: 'user',
        subjectId: user.id,
        after: { reason: 'revoked' },
      })
      return { ok: false, reason: 'revoked' }
    }

    await accountLimiter.delete(accountKey)
    await transaction(async (trx) => {
      user.useTransaction(trx)
      user.lastLoginAt = DateTime.utc()
      await user.save()
      await recordAudit(
        {
          actor: user,
          unit: user.unit,
          action: 'auth.login',
          subjectType: 'user',
          subjectId: user.id,
        },
        trx
      )
    })
    return { ok: true, user }
  }

  private async blockedFor(limit: Limiter, key: string): Promise<number> {
    const response = await limit.get(key)
    if (!response || response.remaining > 0) return 0
    return Math.max(1, response.availableIn)
  }

  private async penalize(limit: Limiter, key: string) {
    const { consumed, limit: max } = await limit.increment(key)
    if (consumed >= max) await limit.block(key, limit.blockDuration)
  }
}
