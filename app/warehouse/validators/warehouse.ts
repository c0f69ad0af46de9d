import vine from '@vinejs/vine'
import { labelledMessages } from '#core'
import type { I18n } from '@adonisjs/i18n'
import type { MessagesProviderContact } from '@vinejs/vine/types'
import {
  CATEGORIES,
  EXHIBIT_STATUSES,
  ORDER_KINDS,
  ORDER_STATUSES,
  STOCKTAKE_KINDS,
} from '../rules.js'

const isoDay = () =>
  vine
    .string()
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
const text = (max = 255) => vine.string().trim().maxLength(max)
const id = () => vine.number().positive().withoutDecimals()
/** Quantities are integers in the item's unit (VND for money); the bound keeps sums safe. */
const quantity = () => vine.number().withoutDecimals().min(1).max(1e15)

export const exhibitValidator = vine.compile(
  vine.object({
    category: vine.enum(CATEGORIES),
    description: text(2000).minLength(3),
    measure: text(32).minLength(1),
    declared_quantity: quantity(),
    condition: text(500).optional(),
    seal_number: text(64).optional(),
    source_body: text().minLength(2),
    seizure_record: text().minLength(2),
    seized_on: isoDay().optional(),
    case_id: id().optional(),
    judgment_id: id().optional(),
    location_kind: vine.enum(['warehouse', 'outside'] as const),
    location: text().optional(),
    custodian: text().optional(),
  })
)

export const orderValidator = vine.compile(
  vine.object({
    kind: vine.enum(ORDER_KINDS),
    quantity: quantity(),
    reason: text(2000).minLength(3),
  })
)

export const signValidator = vine.compile(vine.object({ order_number: text(40).optional() }))

export const refuseValidator = vine.compile(vine.object({ reason: text(2000).minLength(3) }))

export const executeValidator = vine.compile(
  vine.object({
    document_number: text(64).minLength(1),
    movement_date: isoDay(),
    handed_by: text().optional(),
    received_by: text().optional(),
    members: text(4000).optional(),
    result: text(2000).optional(),
    proceeds: vine.number().withoutDecimals().min(0).max(1e15).optional(),
    location_kind: vine.enum(['warehouse', 'outside'] as const).optional(),
    location: text().optional(),
    custodian: text().optional(),
  })
)

export const stocktakeValidator = vine.compile(
  vine.object({
    kind: vine.enum(STOCKTAKE_KINDS),
    count_date: isoDay(),
    members: text(4000).optional(),
  })
)

export const filterValidator = vine.compile(
  vine.object({
    category: vine.enum(CATEGORIES).optional(),
    status: vine.enum(EXHIBIT_STATUSES).optional(),
    location_kind: vine.enum(['warehouse', 'outside'] as const).optional(),
    judgment: vine.enum(['with', 'without'] as const).optional(),
    case_id: id().optional(),
    unit: id().optional(),
    from: isoDay().optional(),
    to: isoDay().optional(),
    q: text(100).optional(),
    watch: vine.enum(['unprocessed', 'outside_due', 'urgent'] as const).optional(),
    sort: vine.enum(['code', 'received_on', 'category', 'quantity_held'] as const).optional(),
    dir: vine.enum(['asc', 'desc'] as const).optional(),
    page: vine.number().positive().withoutDecimals().optional(),
  })
)

export const orderFilterValidator = vine.compile(
  vine.object({
    status: vine.enum(ORDER_STATUSES).optional(),
    page: vine.number().positive().withoutDecimals().optional(),
  })
)

/** Messages in the user's language with the warehouse's field labels (warehouse.fields.*). */
export function warehouseMessages(i18n: I18n): MessagesProviderContact {
  return labelledMessages(i18n, ['warehouse'])
}
