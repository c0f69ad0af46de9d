import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import { AccessDenied, today } from '#core'
import { ALLOWED_EXTENSIONS, uploadMaxMb } from '#cases'
import { reachPrefix } from '#accounts'
import { CATEGORIES, EXHIBIT_STATUSES, ORDER_KINDS } from '../rules.js'
import { exhibitValidator, filterValidator } from '../validators/warehouse.js'
import { RegisterExhibit } from '../actions/register_exhibit.js'
import {
  SUBTREE_READERS,
  assertCanRead,
  isCaseOfficer,
  isHeadOf,
  isKeeperOf,
} from '../services/access.js'
import { findExhibit } from '../services/ledger.js'
import { listExhibits, movementsOf, ordersOf } from '../services/queries.js'
import { exhibitFiles } from '../services/attachments.js'
import { validate, warehouseUser } from './helpers.js'

/** The exhibit ledger: list with filters and watch lists, registration, the item page with its history. */
export default class ExhibitsController {
  async index(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'exhibit_list')
    const filters = await validate(ctx, filterValidator, ctx.request.qs())
    const exhibits = await listExhibits(user, filters)
    // Province readers filter by district; a national reader filters with the unit id in the address.
    const prefix = reachPrefix(user, SUBTREE_READERS)
    const units =
      prefix && prefix !== '/'
        ? await db
            .from('units')
            .where('path', 'like', `${prefix}%`)
            .orderBy('path')
            .limit(200)
            .select('id', 'code', 'name')
        : []
    exhibits.baseUrl(ctx.request.url()).queryString({ ...ctx.request.qs(), page: undefined })
    return ctx.view.render('warehouse/exhibits/index', {
      exhibits,
      filters,
      units: units.length > 1 ? units : [],
      categories: CATEGORIES,
      statuses: EXHIBIT_STATUSES,
      canRegister: user.hasRole('warehouse_keeper', 'officer'),
      query: new URLSearchParams(ctx.request.qs() as any).toString(),
    })
  }

  async create(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole('warehouse_keeper', 'officer'))
      throw new AccessDenied('warehouse_not_keeper', { type: 'exhibit' })
    const caseId = Number(ctx.request.input('case_id')) || null
    return ctx.view.render('warehouse/exhibits/form', {
      categories: CATEGORIES,
      caseId,
      today: today(),
    })
  }

  async store(ctx: HttpContext) {
    const user = ctx.auth.getUserOrFail()
    if (!user.hasRole('warehouse_keeper', 'officer'))
      throw new AccessDenied('warehouse_not_keeper', { type: 'exhibit' })
    const body = await validate(ctx, exhibitValidator, ctx.request.body())
    const exhibit = await new RegisterExhibit().handle(user, {
      category: body.category,
      description: body.description,
      measure: body.measure,
      declaredQuantity: body.declared_quantity,
      condition: body.condition ?? null,
      sealNumber: body.seal_number ?? null,
      sourceBody: body.source_body,
      seizureRecord: body.seizure_record,
      seizedOn: body.seized_on ?? null,
      caseId: body.case_id ?? null,
      judgmentId: body.judgment_id ?? null,
      locationKind: body.location_kind,
      location: body.location ?? null,
      custodian: body.custodian ?? null,
    })
    ctx.session.flash('success', ctx.i18n.t('warehouse.flash.registered', { code: exhibit.code }))
    return ctx.response.redirect().toRoute('warehouse.exhibits.show', { id: exhibit.id })
  }

  async show(ctx: HttpContext) {
    const user = warehouseUser(ctx, 'exhibit')
    const e = await findExhibit(Number(ctx.params.id))
    await assertCanRead(user, e)
    const [unit, kase, judgment, movements, orders] = await Promise.all([
      db.from('units').where('id', e.unitId).first(),
      e.caseId ? db.from('cases').where('id', e.caseId).first() : null,
      e.judgmentId ? db.from('judgments').where('id', e.judgmentId).first() : null,
      movementsOf({ exhibitId: e.id }),
      ordersOf(e.id),
    ])
    const keeper = isKeeperOf(user, e.unitId)
    return ctx.view.render('warehouse/exhibits/show', {
      panel: {
        ...(await exhibitFiles(user, e)),
        maxMb: uploadMaxMb(),
        accept: ALLOWED_EXTENSIONS.map((x) => `.${x}`).join(','),
      },
      e,
      unit,
      kase,
      judgment,
      movements,
      orders,
      kinds: ORDER_KINDS,
      canPropose: keeper || (await isCaseOfficer(user, e.caseId)),
      keeper,
      head: isHeadOf(user, e.unitId),
      today: today(),
    })
  }
}
