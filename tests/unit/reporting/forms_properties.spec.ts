/**
 * Property tests over seeded random case histories: every SPEC §5 identity on every row of every period,
 * the cross-period rules, drill-down = cell, and province = Σ units, nation = Σ provinces.
 */
import { test } from '@japa/runner'
import { Unit } from '#accounts'
import {
  checkAcrossPeriods,
  formPlugin,
  TOTAL_KEY,
  type ComputedForm,
  type MeasureFormDefinition,
} from '#reporting'
import { generateHistories } from '#database/synthetic/history_generator'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { makeUser } from '#tests/helpers/factories'
import { compute, failures, FORMS, openCell } from './helpers.js'

const SEEDS = [20251, 7]
let tree: { province: Unit; districts: Unit[] }
const cache = new Map<string, Promise<ComputedForm>>()
const cached = (
  formId: string,
  unit: Unit,
  year: number,
  n: number,
  layout?: 'officer' | 'unit'
) => {
  const key = `${formId}|${unit.id}|${year}|${n}|${layout ?? ''}`
  if (!cache.has(key)) cache.set(key, compute(formId, unit, year, n, layout))
  return cache.get(key)!
}

/** The reports checked: the province per unit, the province office per officer, each district per officer. */
const views = (): [Unit, 'officer' | 'unit' | undefined][] => [
  [tree.province, undefined],
  [tree.province, 'officer'],
  ...tree.districts.map((d): [Unit, undefined] => [d, undefined]),
]

test.group('Forms 06/07 over random histories', (group) => {
  group.setup(async () => {
    tree = await makeProvinceTree(2)
    const units = []
    for (const unit of [tree.province, ...tree.districts]) {
      const officers = []
      for (let i = 0; i < 2; i++) officers.push((await makeUser(unit.code, ['officer'])).id)
      units.push({ id: unit.id, path: unit.path, officers })
    }
    for (const seed of SEEDS) {
      await generateHistories({
        seed,
        units,
        cases: 150,
        from: '2021-10-01',
        to: '2025-09-30',
        horizon: '2025-12-31',
      })
    }
  })

  test('every identity holds on every row of every period (years 2023–2025)', async ({
    assert,
  }) => {
    const problems: string[] = []
    let checked = 0
    for (const formId of FORMS) {
      for (const year of [2023, 2024, 2025]) {
        for (let n = 1; n <= 12; n++) {
          for (const [unit, layout] of views()) {
            const form = await cached(formId, unit, year, n, layout)
            checked += form.rules.length
            problems.push(...failures(form))
          }
        }
      }
    }
    assert.deepEqual(problems, [])
    assert.isAbove(checked, 5000)
  }).timeout(120_000)

  test('the data is not trivial: every column of form 06 is non-zero somewhere', async ({
    assert,
  }) => {
    const form = await cached('form-06-cases', tree.province, 2025, 12)
    const total = form.rows.find((r) => r.key === TOTAL_KEY)!
    for (const col of ['c2', 'c3', 'c4', 'c5', 'c8', 'c9', 'c11', 'c12', 'c13', 'c14'])
      assert.isAbove(total.values[col]!, 0, col)
    assert.equal(total.values.c10, 0)
  })

  test("cross-period rules: column 2 constant and = last year's column 16, flows never decrease", async ({
    assert,
  }) => {
    for (const formId of FORMS) {
      const spec = (formPlugin(formId)!.definition as MeasureFormDefinition).crossPeriod!
      for (const [unit, layout] of views()) {
        for (const year of [2024, 2025]) {
          const periods = await Promise.all(
            Array.from({ length: 12 }, (_, i) => cached(formId, unit, year, i + 1, layout))
          )
          const previous = await cached(formId, unit, year - 1, 12, layout)
          const violations = checkAcrossPeriods(spec, periods, previous)
          assert.deepEqual(
            violations.filter((v) => v.importance === 'error'),
            [],
            `${formId} ${unit.code} ${year}`
          )
          // Only a lowered obligation (negative amendment) may make money column 3 go down.
          for (const v of violations) assert.equal(`${formId}:${v.column}`, 'form-07-money:c3')
        }
      }
    }
  }).timeout(120_000)

  test('the cross-period check catches a changed opening balance', async ({ assert }) => {
    const spec = (formPlugin('form-06-cases')!.definition as MeasureFormDefinition).crossPeriod!
    const p1 = await cached('form-06-cases', tree.province, 2025, 1)
    const p2 = structuredClone(await cached('form-06-cases', tree.province, 2025, 2))
    p2.rows[0].values.c2 = Number(p2.rows[0].values.c2) + 1
    p2.rows[0].values.c3 = -1
    const violations = checkAcrossPeriods(spec, [p1, p2])
    assert.includeMembers(
      violations.map((v) => v.rule),
      ['opening_constant', 'flow_never_decreases']
    )
  })

  test('drill-down: the listed cases / entries add up to every cell', async ({ assert }) => {
    for (const formId of FORMS) {
      const def = formPlugin(formId)!.definition as MeasureFormDefinition
      for (const [year, n] of [
        [2025, 6],
        [2024, 12],
      ]) {
        const form = await cached(formId, tree.province, year, n)
        for (const row of form.rows) {
          for (const column of def.columns.filter((c) => !c.derive)) {
            const cell = await openCell(formId, tree.province, year, n, row.key, column.key)
            const expected = row.values[column.key]
            assert.equal(
              cell.value,
              expected,
              `${formId} ${year}/${n} row ${row.key} ${column.key}`
            )
            assert.lengthOf(cell.items, cell.total)
            if (def.source === 'cases') {
              assert.equal(cell.total, expected)
              assert.equal(new Set(cell.items.map((i) => i.case_id)).size, cell.total)
            } else {
              assert.equal(
                cell.items.reduce((s, i) => s + Number(i.contribution), 0),
                expected
              )
            }
          }
        }
      }
    }
  }).timeout(120_000)

  test('province = Σ its units, nation = Σ provinces', async ({ assert }) => {
    const national = await Unit.findByOrFail('code', 'TC')
    for (const formId of FORMS) {
      for (const [year, n] of [
        [2025, 3],
        [2025, 12],
      ]) {
        const province = await cached(formId, tree.province, year, n)
        for (const district of tree.districts) {
          const own = await cached(formId, district, year, n)
          const row = province.rows.find((r) => r.key === district.id)!
          assert.deepEqual(
            row.values,
            own.rows.find((r) => r.kind === 'total')!.values,
            `${formId} ${district.code}`
          )
        }
        const officerView = await cached(formId, tree.province, year, n, 'officer')
        assert.deepEqual(
          province.rows.find((r) => r.kind === 'own')!.values,
          officerView.rows.find((r) => r.kind === 'total')!.values
        )
        const nation = await compute(formId, national, year, n)
        assert.deepEqual(
          nation.rows.find((r) => r.key === tree.province.id)!.values,
          province.rows.find((r) => r.kind === 'total')!.values
        )
        assert.deepEqual(failures(nation), [])
      }
    }
  }).timeout(120_000)
})
