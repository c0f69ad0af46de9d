import { test } from '@japa/runner'
import { rm } from 'node:fs/promises'
import { randomUUID } from 'node:crypto'
import app from '@adonisjs/core/services/app'
import { loadPlugins, type LoadedPlugin } from '#reporting'

test.group('make:plugin', () => {
  test('scaffolds form, export and integration folders that the host loads', async ({
    assert,
    cleanup,
  }) => {
    // Inside the project (tmp/) so that the scaffold's `#reporting` import resolves.
    const root = app.tmpPath(`plugin-scaffold-${randomUUID().slice(0, 8)}`)
    cleanup(() => rm(root, { recursive: true, force: true }))
    const ace = await app.container.make('ace')
    for (const [kind, id] of [
      ['form', 'my-form'],
      ['export', 'my-export'],
      ['integration', 'my-link'],
    ]) {
      const command = await ace.exec('make:plugin', [kind, id, '--dir', root])
      assert.equal(command.exitCode, 0, `${kind}: ${command.error?.message ?? ''}`)
    }
    assert.equal((await ace.exec('make:plugin', ['form', 'my-form', '--dir', root])).exitCode, 1)
    assert.equal((await ace.exec('make:plugin', ['widget', 'x-y', '--dir', root])).exitCode, 1)
    const loaded = await loadPlugins(root, undefined, new Map<string, LoadedPlugin>())
    assert.deepEqual(
      loaded.map((p) => [p.id, p.kind, p.status, p.error]),
      [
        ['my-form', 'form', 'loaded', null],
        ['my-export', 'export', 'loaded', null],
        ['my-link', 'integration', 'loaded', null],
      ]
    )
  })
})
