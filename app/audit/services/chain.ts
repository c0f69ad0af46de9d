import { createHash } from 'node:crypto'

/** The hash before the first row of every chain. */
export const GENESIS = '0'.repeat(64)

/** The fields a row's hash covers, in this order (everything but the id and the chain columns themselves). */
export const HASHED_FIELDS = [
  'occurred_at',
  'actor_id',
  'actor_email',
  'unit_id',
  'unit_path',
  'action',
  'outcome',
  'subject_type',
  'subject_id',
  'before',
  'after',
  'ip',
  'user_agent',
  'request_id',
] as const

export function chainOf(unitId: number | null | undefined): string {
  return unitId ? `u:${unitId}` : 'system'
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null
  return String(value)
}

/** sha256(prev ‖ chain ‖ seq ‖ fields) over a canonical JSON array, so no field can move into another. */
export function rowHash(
  prev: string,
  chain: string,
  seq: number,
  row: Record<string, unknown>
): string {
  const canonical = JSON.stringify([
    prev,
    chain,
    String(seq),
    ...HASHED_FIELDS.map((f) => text(row[f])),
  ])
  return createHash('sha256').update(canonical).digest('hex')
}
