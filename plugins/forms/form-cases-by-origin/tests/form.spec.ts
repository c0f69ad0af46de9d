/** The example plugin's own test: counts by origin on a fresh unit, rule passed, drill-down = cell. */
import { test } from '@japa/runner'
import {
  buildContext,
  computeForm,
  drillDown,
  formPlugin,
  periodRange,
  TOTAL_KEY,
  type MeasureFormDefinition,
} from '#reporting'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'

test.group('Plugin form-cases-by-origin', () => {
  test('counts newly accepted cases by origin', async ({ assert }) => {
    const { districts } = await makeProvinceTree(1)
    const unit = districts[0]
    await writeCase(unit, '2024-11-01', [])
    await writeCase(unit, '2024-12-01', [], { origin: 'delegated_in' })
    await writeCase(unit, '2024-09-30', [], { origin: 'withdrawn_in' }) // before the year: not counted

    const plugin = formPlugin('form-cases-by-origin')!
    assert.equal(plugin.status, 'loaded')
    const ctx = await buildContext({
      unit: {
        id: unit.id,
        code: unit.code,
        name: unit.name,
        path: unit.path,
        level: unit.level,
        parentId: unit.parentId,
      },
      period: periodRange(2025, 3),
      layout: 'officer',
      officerId: null,
    })
    const form = await computeForm(plugin.manifest, plugin.definition, ctx)
    const total = form.rows.find((r) => r.key === TOTAL_KEY)!
    assert.deepEqual(total.values, { c1: 2, c2: 1, c3: 1, c4: 0 })
    assert.isTrue(form.rules.every((r) => r.passed))

    const cell = await drillDown(
      plugin.definition as MeasureFormDefinition,
      ctx,
      TOTAL_KEY,
      'c3',
      1,
      50
    )
    assert.equal(cell.total, 1)
    assert.equal(cell.items[0].origin, 'delegated_in')
  })
})
