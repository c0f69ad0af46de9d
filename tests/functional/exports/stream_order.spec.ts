/**
 * An export of the unexecuted-cases list streams its cases by id (issue 10 item 4: the span and money lookups
 * then read their case-id indexes in order): the same rows with the same figures as the screen's date order,
 * every row once, followed by the keyset cursor with no count after the first page.
 */
import { test } from '@japa/runner'
import { makeUser } from '#tests/helpers/factories'
import { makeProvinceTree, writeCase } from '#database/synthetic/fixtures'
import { ReadList } from '#reporting'
import { listSource } from '#reporting/exports/services/list_source'

test.group('Exports: the unexecuted-cases list streams by id', () => {
  test('same rows and figures as the screen, every row once', async ({ assert }) => {
    const { province, districts } = await makeProvinceTree(2)
    // Ids not in date order: later cases are decided earlier.
    const days = ['2024-11-20', '2024-11-03', '2024-11-15', '2024-11-01', '2024-11-09']
    for (const [i, d] of days.entries())
      await writeCase(
        districts[i % 2],
        d,
        [
          { day: d, money: [['obligation', (i + 1) * 1_000_000]] },
          { day: '2025-01-10', money: [['collected', 100_000]] },
        ],
        { number: `SO-${i + 1}` }
      )
    const user = await makeUser(province.code, ['statistician'])
    const request = { form: 'report-unexecuted-cases', unit: province.code, year: 2025, period: 6 }
    const screen = await new ReadList().handle(user, { ...request, page: 1, perPage: 100 })
    assert.deepEqual(
      screen.rows.map((r: any) => r.number),
      ['SO-4', 'SO-2', 'SO-5', 'SO-3', 'SO-1']
    )

    const list = await listSource(user, { ...request, target: 'list' }, 2)
    const streamed: any[] = []
    for await (const page of list.pages()) streamed.push(...page)
    assert.equal(list.total, 5)
    assert.deepEqual(
      streamed.map((r) => r.number),
      ['SO-1', 'SO-2', 'SO-3', 'SO-4', 'SO-5']
    )
    const figures = (rows: any[]) =>
      rows.map((r) => `${r.number}|${r.unit_code}|${r.status}|${r.remaining}`).sort()
    assert.deepEqual(figures(streamed), figures(screen.rows))
    assert.include(figures(streamed), `SO-1|${districts[0].code}|in_progress|900000`)
  })
})
