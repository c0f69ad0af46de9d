import type { HttpContext } from '@adonisjs/core/http'
import { scopeToReach, Unit, type User } from '#accounts'
import { FORM_READER_ROLES } from '../services/access.js'
import { periodOf } from '../services/period.js'

export const PER_PAGE = 50

/** Units a reader may choose: its report reach, or its own unit for an officer. */
export async function choosableUnits(user: User) {
  const query = Unit.query().orderBy('path')
  if (user.hasRole(...FORM_READER_ROLES)) scopeToReach(query, user, FORM_READER_ROLES)
  else query.where('id', user.unitId)
  return query
}

/** The statistical year and period of today (Vietnam time). */
export function currentPeriod() {
  const today = new Date(Date.now() + 7 * 3600 * 1000).toISOString().slice(0, 10)
  return periodOf(today)
}

export function qs(params: Record<string, unknown>) {
  return new URLSearchParams(
    Object.entries(params)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => [k, String(v)] as [string, string])
  ).toString()
}

export function wantsJson({ request }: HttpContext) {
  return request.accepts(['html', 'json']) === 'json'
}

/** What components/pagination.edge needs, for lists that are not Lucid paginators. */
export function pager(page: number, perPage: number, total: number, url: (page: number) => string) {
  const lastPage = Math.max(1, Math.ceil(total / perPage))
  return {
    currentPage: page,
    lastPage,
    total,
    getPreviousPageUrl: () => url(page - 1),
    getNextPageUrl: () => url(page + 1),
  }
}
