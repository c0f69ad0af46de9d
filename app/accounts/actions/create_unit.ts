import { DateTime } from 'luxon'
import type User from '../models/user.js'
import Unit from '../models/unit.js'
import UnitName from '../models/unit_name.js'
import { CHILD_LEVELS, type UnitLevel } from '../roles.js'
import { managesUnits } from '../access.js'
import { AccessDenied, RuleViolation, transaction } from '#core'
import { recordAudit } from '#audit'

export interface CreateUnitInput {
  code: string
  name: string
  level: UnitLevel
  parentId: number
  validFrom: DateTime
}

/** The national admin adds a unit under a parent, valid from a date. */
export class CreateUnit {
  async handle(actor: User, input: CreateUnitInput): Promise<Unit> {
    if (!managesUnits(actor)) throw new AccessDenied('national_admin_only', { type: 'unit' })
    const parent = await Unit.find(input.parentId)
    if (!parent) throw new RuleViolation('units.errors.parent_not_found')
    if (!CHILD_LEVELS[parent.level].includes(input.level)) {
      throw new RuleViolation('units.errors.level_not_allowed', {
        level: input.level,
        parentLevel: parent.level,
      })
    }
    const day = input.validFrom.toISODate()!
    if (!parent.isValidOn(day))
      throw new RuleViolation('units.errors.parent_not_valid_on', { date: day })
    if (await Unit.findBy('code', input.code))
      throw new RuleViolation('units.errors.code_taken', { code: input.code })

    return transaction(async (trx) => {
      const unit = await Unit.create(
        {
          code: input.code,
          name: input.name,
          level: input.level,
          parentId: parent.id,
          validFrom: input.validFrom,
          path: '/',
          depth: parent.depth + 1,
        },
        { client: trx }
      )
      unit.path = `${parent.path}${unit.id}/`
      await unit.save()
      await UnitName.create(
        { unitId: unit.id, name: unit.name, validFrom: input.validFrom },
        { client: trx }
      )
      await recordAudit(
        {
          actor,
          unit,
          action: 'unit.created',
          subjectType: 'unit',
          subjectId: unit.id,
          after: {
            code: unit.code,
            name: unit.name,
            level: unit.level,
            parentId: parent.id,
            validFrom: day,
          },
        },
        trx
      )
      return unit
    })
  }
}
