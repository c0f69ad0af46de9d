import vine from '@vinejs/vine'
import { EXPORT_FORMATS } from '../types.js'

const base = {
  unit: vine.string().trim().maxLength(64),
  year: vine.number().withoutDecimals().range([2000, 2100]),
  period: vine.number().withoutDecimals().range([1, 12]),
  by: vine.enum(['officer', 'unit'] as const).optional(),
  format: vine.enum(EXPORT_FORMATS),
}

/** GET …/export?format=&unit=&year=&period=[&by=] */
export const exportQueryValidator = vine.compile(vine.object(base))

/** POST /reports/exports: a background export of a form, a list report or a cell's list. */
export const exportJobValidator = vine.compile(
  vine.object({
    ...base,
    form: vine
      .string()
      .trim()
      .regex(/^[a-z0-9][a-z0-9-]*$/),
    target: vine.enum(['form', 'list', 'cell'] as const).optional(),
    row: vine.number().withoutDecimals().min(-1).optional(),
    col: vine
      .string()
      .trim()
      .regex(/^[a-z][a-z0-9_]*$/)
      .optional(),
  })
)
