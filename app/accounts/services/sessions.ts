import db from '@adonisjs/lucid/services/db'
import type { HttpContext } from '@adonisjs/core/http'
import type { TransactionClientContract } from '@adonisjs/lucid/types/database'
import { SESSIONS_TABLE } from './session_store.js'

export interface ActiveSession {
  id: string
  ip: string | null
  userAgent: string | null
  createdAt: Date | null
  lastSeenAt: Date | null
  current: boolean
}

function toDate(value: unknown): Date | null {
  if (value === null || value === undefined) return null
  const date = new Date(value as string | number)
  return Number.isNaN(date.getTime()) ? null : date
}

/** Marks the (freshly regenerated) session as the user's, so it can be listed and ended on the server. */
export async function tagSession(session: HttpContext['session'], userId: number) {
  try {
    await session.tag(String(userId))
  } catch {
    // The cookie store cannot tag: its sessions end through the epoch check only.
  }
}

/**
 * Ends every server-side session of an account (logout everywhere, revocation, reset, forced change), except
 * `exceptId` when given (the session that just changed its own password). Returns how many ended.
 */
export async function endSessionsOf(
  userId: number,
  options: { exceptId?: string; trx?: TransactionClientContract } = {}
): Promise<number> {
  const query = (options.trx ?? db).from(SESSIONS_TABLE).where('user_id', String(userId))
  if (options.exceptId) query.whereNot('id', options.exceptId)
  const deleted = await query.delete()
  return Array.isArray(deleted) ? Number(deleted[0] ?? 0) : Number(deleted)
}

/** The account's open sessions, most recently seen first. */
export async function activeSessionsOf(
  userId: number,
  currentId: string
): Promise<ActiveSession[]> {
  const rows = await db
    .from(SESSIONS_TABLE)
    .select('id', 'ip', 'user_agent', 'created_at', 'last_seen_at')
    .where('user_id', String(userId))
    .where('expires_at', '>', new Date())
    .orderBy('last_seen_at', 'desc')
    .limit(100)
  return rows.map((row) => ({
    id: row.id,
    ip: row.ip,
    userAgent: row.user_agent,
    createdAt: toDate(row.created_at),
    lastSeenAt: toDate(row.last_seen_at),
    current: row.id === currentId,
  }))
}

/** A short, readable device name from a user agent (no library: browser and system are enough). */
export function describeDevice(userAgent: string | null): string {
  if (!userAgent) return '—'
  const pick = (rules: [RegExp, string][], fallback: string) =>
    rules.find(([pattern]) => pattern.test(userAgent))?.[1] ?? fallback
  const browser = pick(
    [
      [/Edg\//, 'Edge'],
      [/Firefox\//, 'Firefox'],
      [/Chrom(e|ium)\//, 'Chrome'],
      [/Safari\//, 'Safari'],
    ],
    userAgent.split(/[ /]/)[0]
  )
  const system = pick(
    [
      [/Windows/, 'Windows'],
      [/Android/, 'Android'],
      [/iPhone|iPad/, 'iOS'],
      [/Mac OS X/, 'macOS'],
      [/Linux/, 'Linux'],
    ],
    ''
  )
  return system ? `${browser} · ${system}` : browser
}
