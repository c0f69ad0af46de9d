import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { loadPlugins, type LoadedPlugin } from '#reporting'
import { checkDefinition } from '#reporting/plugin/define'
import { foldKey } from '#integrations'

const manifest = {
  id: 'x-y',
  kind: 'integration' as const,
  version: '1.0.0',
  title: { vi: 'x', en: 'x' },
  host: '^1.0.0',
  legalBasis: null,
  validFrom: null,
  validTo: null,
}

test.group('Integration plugins', () => {
  test('the shipped integration plugins load through the shared plugin engine', async ({
    assert,
  }) => {
    const loaded = await loadPlugins(
      app.makePath('plugins'),
      undefined,
      new Map<string, LoadedPlugin>()
    )
    const mine = loaded
      .filter((p) => p.kind === 'integration')
      .map((p) => [p.id, p.status, p.error])
    assert.deepInclude(mine, ['debtor-database', 'loaded', null])
    assert.deepInclude(mine, ['court-judgments', 'loaded', null])
  })

  test('a definition that breaks the contract is refused with a readable reason', ({ assert }) => {
    const bad = (d: Record<string, unknown>) => () =>
      checkDefinition({ kind: 'integration', ...d } as any, manifest)
    assert.throws(bad({}), /dataKinds/)
    assert.throws(bad({ dataKinds: ['Bad Kind'] }), /dataKinds/)
    assert.throws(bad({ dataKinds: ['xx'], onCaseEvent: 1 }), /onCaseEvent/)
    assert.throws(
      bad({ dataKinds: ['xx'], inbound: [{ method: 'PUT', path: 'a', handle() {} }] }),
      /method/
    )
    assert.throws(
      bad({
        dataKinds: ['xx'],
        inbound: [{ method: 'POST', path: 'a', access: 'write', dataKind: 'yy', handle() {} }],
      }),
      /dataKinds/
    )
    assert.doesNotThrow(
      bad({
        dataKinds: ['xx'],
        inbound: [{ method: 'POST', path: 'a', access: 'write', dataKind: 'xx', handle() {} }],
      })
    )
  })

  test('search keys fold Vietnamese: no diacritics, đ → d, lower case, single spaces', ({
    assert,
  }) => {
    assert.equal(foldKey('  Đặng   Thị  Ngọc Ánh '), 'dang thi ngoc anh')
    assert.equal(foldKey('NGUYỄN VĂN ĐỨC'), 'nguyen van duc')
  })
})
