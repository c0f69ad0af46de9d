import vine from '@vinejs/vine'

export const overviewValidator = vine.compile(
  vine.object({
    unit_id: vine.number().positive().withoutDecimals().optional(),
    year: vine.number().withoutDecimals().range([2000, 2100]).optional(),
  })
)

export const closeYearValidator = vine.compile(
  vine.object({
    note: vine.string().trim().maxLength(2000).optional(),
  })
)
