import type { DateTime } from 'luxon'
import type User from '../models/user.js'
import type Unit from '../models/unit.js'
import UnitName from '../models/unit_name.js'
import { managesUnits } from '../access.js'
import { AccessDenied, RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'

/**
 * Renames a unit from an effective date: the name history gets a new entry and the previous one ends the day
 * before, so reports of earlier periods keep the name the unit had then.
 */
export class RenameUnit {
  async handle(actor: User, unit: Unit, name: string, effectiveDate: DateTime): Promise<Unit> {
    if (!managesUnits(actor))
      throw new AccessDenied('national_admin_only', { type: 'unit', id: unit.id })
    const day = effectiveDate.toISODate()!
    if (!unit.isValidOn(day)) throw new RuleViolation('units.errors.not_valid_on', { date: day })
    const current = await UnitName.query()
      .where('unit_id', unit.id)
      .whereNull('valid_to')
      .orderBy('valid_from', 'desc')
      .first()
    if (current && current.validFrom.toISODate()! >= day) {
      throw new RuleViolation('units.errors.rename_before_current', {
        date: current.validFrom.toISODate()!,
      })
    }

    const before = { name: unit.name }
    await transaction(async (trx) => {
      if (current) {
        current.useTransaction(trx)
        current.validTo = effectiveDate.minus({ days: 1 })
        await current.save()
      }
      await UnitName.create({ unitId: unit.id, name, validFrom: effectiveDate }, { client: trx })
      unit.useTransaction(trx)
      unit.name = name
      await unit.save()
      await recordAudit(
        {
          actor,
          unit,
          action: 'unit.renamed',
          subjectType: 'unit',
          subjectId: unit.id,
          before,
          after: { name, effectiveDate: day },
        },
        trx
      )
    })
    return unit
  }
}
