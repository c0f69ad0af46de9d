import vine from '@vinejs/vine'

export const calendarDayValidator = vine.compile(
  vine.object({
    kind: vine.enum(['holiday', 'make_up'] as const),
    day: vine.date({ formats: ['YYYY-MM-DD'] }),
    name: vine.string().trim().minLength(3).maxLength(255),
  })
)

export const calendarYearValidator = vine.compile(
  vine.object({
    year: vine.number().withoutDecimals().range([2000, 2100]).optional(),
  })
)
