/**
 * Builders for the periods tests: approved (or pending) edit requests and year closings written straight to
 * the tables, so lock tests do not depend on the HTTP workflow.
 */
import db from '@adonisjs/lucid/services/db'
import type { User, Unit } from '#accounts'

const now = () => new Date().toISOString().slice(0, 19).replace('T', ' ')

export async function makeEditRequest(
  unit: Pick<Unit, 'id' | 'path'>,
  requester: User,
  input: {
    month: string
    status?: string
    from?: string
    until?: string
    caseIds?: number[]
    explanation?: string
  }
): Promise<number> {
  const [id] = await db.table('edit_requests').insert({
    unit_id: unit.id,
    unit_path: unit.path,
    month: input.month,
    explanation: input.explanation ?? 'Sửa số liệu do nhập sai ngày hiệu lực của quyết định',
    status: input.status ?? 'approved',
    requested_by_id: requester.id,
    requested_at: now(),
    exception_days: input.from ? 7 : null,
    exception_from: input.from ?? null,
    exception_until: input.until ?? null,
    edits_count: 0,
    created_at: now(),
    updated_at: now(),
  })
  const requestId = Number(id)
  if (input.caseIds?.length) {
    await db
      .table('edit_request_cases')
      .multiInsert(input.caseIds.map((caseId) => ({ edit_request_id: requestId, case_id: caseId })))
  }
  return requestId
}

export async function closeYearDirectly(year: number, by: User) {
  await db
    .table('year_closures')
    .insert({ year, closed_by_id: by.id, closed_at: now(), note: null })
}

export async function reopenYearDirectly(year: number) {
  await db.from('year_closures').where('year', year).delete()
}
