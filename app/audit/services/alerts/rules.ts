import db from '@adonisjs/lucid/services/db'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'

export const ALERT_RULES = [
  'refusals',
  'failed_login_burst',
  'token_scope',
  'unusual_hour',
  'new_network',
  'volume',
] as const
export type AlertRule = (typeof ALERT_RULES)[number]

export interface RuleSettings {
  rule: AlertRule
  enabled: boolean
  /** refusals: count; failed_login_burst: distinct accounts; token_scope: count; unusual_hour: first working
   *  hour; new_network: days of history compared; volume: minimum reads in the window. */
  threshold: number
  /** The window counted (and within which one open alert per subject is not repeated). */
  windowMinutes: number
  /** unusual_hour: the hour work ends (exclusive); volume: how many times the account's usual day. */
  extra: number | null
}

export const DEFAULT_RULES: Record<AlertRule, Omit<RuleSettings, 'rule'>> = {
  refusals: { enabled: true, threshold: 10, windowMinutes: 10, extra: null },
  failed_login_burst: { enabled: true, threshold: 5, windowMinutes: 10, extra: null },
  token_scope: { enabled: true, threshold: 1, windowMinutes: 60, extra: null },
  unusual_hour: { enabled: true, threshold: 6, windowMinutes: 60, extra: 21 },
  new_network: { enabled: true, threshold: 90, windowMinutes: 60, extra: null },
  volume: { enabled: true, threshold: 200, windowMinutes: 1440, extra: 5 },
}

/** Every rule with the admin's overrides laid over the defaults. */
export async function ruleSettings(): Promise<Record<AlertRule, RuleSettings>> {
  const rows = await db.from('alert_rules')
  const out = {} as Record<AlertRule, RuleSettings>
  for (const rule of ALERT_RULES) {
    const row = rows.find((r) => r.rule === rule)
    const base = DEFAULT_RULES[rule]
    out[rule] = row
      ? {
          rule,
          enabled: Boolean(row.enabled),
          threshold: Number(row.threshold),
          windowMinutes: Number(row.window_minutes),
          extra: row.extra === null ? base.extra : Number(row.extra),
        }
      : { rule, ...base }
  }
  return out
}

export async function saveRule(
  settings: RuleSettings,
  actorId: number,
  trx?: TransactionClientContract
) {
  const row = {
    rule: settings.rule,
    enabled: settings.enabled,
    threshold: settings.threshold,
    window_minutes: settings.windowMinutes,
    extra: settings.extra,
    updated_by_id: actorId,
    updated_at: new Date(),
  }
  await (trx ?? db)
    .insertQuery()
    .table('alert_rules')
    .insert(row)
    .knexQuery.onConflict('rule')
    .merge(['enabled', 'threshold', 'window_minutes', 'extra', 'updated_by_id', 'updated_at'])
}
