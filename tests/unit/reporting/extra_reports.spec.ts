/** The extra reports agree with forms 06/07 on the same random histories. */
import { test } from '@japa/runner'
import {
  buildContext,
  formPlugin,
  periodRange,
  TOTAL_KEY,
  type ListReportDefinition,
} from '#reporting'
import type { Unit } from '#accounts'
import { generateHistories } from '#database/synthetic/history_generator'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { makeUser } from '#tests/helpers/factories'
import { compute, failures, unitRef } from './helpers.js'

let province: Unit

async function readAll(id: string, unit: Unit, year: number, n: number) {
  const def = formPlugin(id)!.definition as ListReportDefinition
  const ctx = await buildContext({
    unit: unitRef(unit),
    period: periodRange(year, n),
    layout: 'unit',
    officerId: null,
  })
  return def.list(ctx, { page: 1, perPage: 100_000 })
}

const total = async (id: string, year: number, n: number) =>
  (await compute(id, province, year, n)).rows.find((r) => r.key === TOTAL_KEY)!.values

test.group('Extra reports', (group) => {
  group.setup(async () => {
    const tree = await makeProvinceTree(2)
    province = tree.province
    const units = []
    for (const unit of [tree.province, ...tree.districts])
      units.push({
        id: unit.id,
        path: unit.path,
        officers: [(await makeUser(unit.code, ['officer'])).id],
      })
    await generateHistories({
      seed: 99,
      units,
      cases: 120,
      from: '2022-10-01',
      to: '2025-09-30',
      horizon: '2025-12-31',
    })
  })

  test('unexecuted cases = column 16 of form 06, their remaining = column 16 of form 07', async ({
    assert,
  }) => {
    for (const [year, n] of [
      [2025, 4],
      [2025, 12],
      [2024, 12],
    ]) {
      const list = await readAll('report-unexecuted-cases', province, year, n)
      assert.equal(list.total, (await total('form-06-cases', year, n)).c16)
      assert.lengthOf(list.rows, list.total)
      assert.equal(
        list.rows.reduce((s, r) => s + Number(r.remaining), 0),
        (await total('form-07-money', year, n)).c16
      )
    }
  })

  test('the unexecuted list read by keyset cursor (exports) equals the list read at once, with no count', async ({
    assert,
  }) => {
    const def = formPlugin('report-unexecuted-cases')!.definition as ListReportDefinition
    const ctx = await buildContext({
      unit: unitRef(province),
      period: periodRange(2025, 12),
      layout: 'unit',
      officerId: null,
    })
    const all = await def.list(ctx, { page: 1, perPage: 100_000 })
    assert.isAbove(all.total, 3)
    const streamed: Record<string, unknown>[] = []
    let page = await def.list(ctx, { page: 1, perPage: 3, withTotal: false })
    assert.equal(page.total, -1)
    for (let guard = 0; guard < 10_000; guard++) {
      streamed.push(...page.rows)
      if (!page.next) break
      page = await def.list(ctx, { page: 1, perPage: 3, after: page.next, withTotal: false })
    }
    assert.deepEqual(
      streamed.map((r) => r.id),
      all.rows.map((r) => r.id)
    )
    assert.deepEqual(
      streamed.map((r) => r.remaining),
      all.rows.map((r) => r.remaining)
    )
  })

  test("credit-institution cases are the year's cases flagged as such", async ({ assert }) => {
    const list = await readAll('report-credit-institution-cases', province, 2025, 12)
    const all = await compute('form-06-cases', province, 2025, 12)
    assert.isAbove(list.total, 0)
    assert.isBelow(list.total, all.rows.find((r) => r.key === TOTAL_KEY)!.values.c1!)
  })

  test('cases per area add up to the form 06 totals; with/without conditions match columns 17 and 14', async ({
    assert,
  }) => {
    for (const [year, n] of [
      [2025, 6],
      [2025, 12],
    ]) {
      const f06 = await total('form-06-cases', year, n)
      const area = await compute('report-cases-by-area', province, year, n)
      assert.deepEqual(failures(area), [])
      const areaTotal = area.rows.find((r) => r.key === TOTAL_KEY)!.values
      assert.equal(areaTotal.c1, f06.c1)
      assert.equal(areaTotal.c2, f06.c3)
      assert.equal(areaTotal.c3, Number(f06.c8) + Number(f06.c9))
      assert.equal(areaTotal.c4, f06.c16)
      const conditions = await compute('report-cases-by-conditions', province, year, n)
      assert.deepEqual(failures(conditions), [])
      const c = conditions.rows.find((r) => r.key === TOTAL_KEY)!.values
      assert.deepEqual([c.c1, c.c2, c.c6], [f06.c16, f06.c17, f06.c14])
    }
  })
})
