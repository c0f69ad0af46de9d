import type { DateTime } from 'luxon'
import type User from '../models/user.js'
import Unit from '../models/unit.js'
import { managesUnits } from '../access.js'
import { AccessDenied, RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'

/**
 * Closes a unit on a date (its last valid day), optionally naming the successor that takes over
 * (the 2025 mergers). A unit with open children cannot close: close or move them first.
 */
export class CloseUnit {
  async handle(actor: User, unit: Unit, validTo: DateTime, successorId?: number): Promise<Unit> {
    if (!managesUnits(actor))
      throw new AccessDenied('national_admin_only', { type: 'unit', id: unit.id })
    if (unit.level === 'national') throw new RuleViolation('units.errors.cannot_close_national')
    if (unit.validTo) throw new RuleViolation('units.errors.already_closed')
    const day = validTo.toISODate()!
    if (day < unit.validFrom.toISODate()!) throw new RuleViolation('units.errors.close_before_open')

    let successor: Unit | null = null
    if (successorId !== undefined) {
      successor = await Unit.find(successorId)
      if (!successor || successor.id === unit.id)
        throw new RuleViolation('units.errors.successor_not_found')
      const nextDay = validTo.plus({ days: 1 }).toISODate()!
      if (!successor.isValidOn(nextDay))
        throw new RuleViolation('units.errors.successor_not_valid', { date: nextDay })
    }
    const openChildren = await Unit.query()
      .where('parent_id', unit.id)
      .where((q) => q.whereNull('valid_to').orWhere('valid_to', '>', day))
      .count('* as total')
    if (Number(openChildren[0].$extras.total) > 0)
      throw new RuleViolation('units.errors.has_open_children')

    await transaction(async (trx) => {
      unit.useTransaction(trx)
      unit.merge({ validTo, successorId: successor?.id ?? null })
      await unit.save()
      await trx
        .from('unit_names')
        .where('unit_id', unit.id)
        .whereNull('valid_to')
        .update({ valid_to: day })
      await recordAudit(
        {
          actor,
          unit,
          action: 'unit.closed',
          subjectType: 'unit',
          subjectId: unit.id,
          before: { validTo: null },
          after: { validTo: day, successorId: successor?.id ?? null },
        },
        trx
      )
    })
    return unit
  }
}
