import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import { readdirSync } from 'node:fs'
import {
  loadPlugins,
  pluginRegistry,
  satisfies,
  periodRange,
  periodOf,
  parseSide,
  type LoadedPlugin,
} from '#reporting'

const FIXTURES = app.makePath('tests/fixtures/reporting_plugins')

test.group('Reporting plugin loader', () => {
  test('a broken plugin is reported and skipped, the good one still loads', async ({ assert }) => {
    const errors: string[] = []
    const logger = { error: (_: unknown, msg: string) => errors.push(msg), debug: () => {} } as any
    const registry = new Map<string, LoadedPlugin>()
    const entries = await loadPlugins(FIXTURES, logger, registry)
    const byId = new Map(entries.map((e) => [e.id, e]))

    assert.equal(byId.get('good-form')!.status, 'loaded')
    assert.equal(byId.get('good-form')!.manifest!.version, '1.0.0')
    const failures: Record<string, RegExp> = {
      'bad-json': /not valid JSON/,
      'missing-index': /index.ts is missing/,
      'throwing-import': /boom at import/,
      'bad-manifest': /needs host \^2.0.0/,
      'wrong-id': /differs from its folder name/,
      'not-defined': /definePlugin/,
      'bad-rules': /no column 99/,
      'form-in-exports': /not allowed in the exports/,
    }
    for (const [id, message] of Object.entries(failures)) {
      const entry = byId.get(id)!
      assert.equal(entry.status, 'failed', id)
      assert.isNull(entry.definition, id)
      assert.match(entry.error!, message, id)
    }
    assert.lengthOf(errors, Object.keys(failures).length)
    assert.isTrue(errors.some((e) => e.includes('throwing-import')))
  })

  test('every folder of plugins/ is in the registry and loads without error', async ({
    assert,
  }) => {
    const registry = pluginRegistry()
    for (const kind of ['forms', 'exports', 'integrations']) {
      let folders: string[] = []
      try {
        folders = readdirSync(app.makePath('plugins', kind), { withFileTypes: true })
          .filter((d) => d.isDirectory())
          .map((d) => d.name)
      } catch {}
      for (const folder of folders) {
        const entry = registry.find((p) => p.id === folder)
        assert.exists(entry, folder)
        assert.equal(entry!.status, 'loaded', `${folder}: ${entry!.error}`)
      }
    }
    assert.isTrue(registry.some((p) => p.id === 'form-06-cases' && p.status === 'loaded'))
    assert.isTrue(registry.some((p) => p.id === 'form-07-money' && p.status === 'loaded'))
  })
})

test.group('Reporting helpers', () => {
  test('host version ranges', ({ assert }) => {
    assert.isTrue(satisfies('1.0.0', '^1.0.0'))
    assert.isTrue(satisfies('1.4.2', '>=1.0.0 <2.0.0'))
    assert.isTrue(satisfies('1.0.0', '~1.0.0 || ^2'))
    assert.isTrue(satisfies('1.0.0', '*'))
    assert.isFalse(satisfies('1.0.0', '^2.0.0'))
    assert.isFalse(satisfies('1.0.0', '>1.0.0'))
    assert.isFalse(satisfies('0.9.0', '^0.8.0'))
  })

  test('statistical periods run from 1 October, cumulatively', ({ assert }) => {
    assert.deepEqual(periodRange(2025, 1), {
      year: 2025,
      n: 1,
      start: '2024-10-01',
      end: '2024-10-31',
    })
    assert.deepEqual(periodRange(2025, 5), {
      year: 2025,
      n: 5,
      start: '2024-10-01',
      end: '2025-02-28',
    })
    assert.deepEqual(periodRange(2024, 5).end, '2024-02-29')
    assert.deepEqual(periodRange(2025, 12).end, '2025-09-30')
    assert.deepEqual(periodOf('2024-10-15'), { year: 2025, n: 1 })
    assert.deepEqual(periodOf('2025-09-30'), { year: 2025, n: 12 })
    assert.throws(() => periodRange(2025, 13))
  })

  test('rule sides parse as signed sums of column numbers', ({ assert }) => {
    assert.deepEqual(parseSide('1 - 4 - 5'), [
      { sign: 1, no: 1 },
      { sign: -1, no: 4 },
      { sign: -1, no: 5 },
    ])
    assert.throws(() => parseSide('1 * 2'))
  })
})
