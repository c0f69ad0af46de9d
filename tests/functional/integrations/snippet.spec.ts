import { test } from '@japa/runner'
import { spawn, spawnSync } from 'node:child_process'
import db from '@adonisjs/lucid/services/db'
import { Dispatcher, enqueue } from '#integrations'
import { IssueCredential } from '#integrations/actions/issue_credential'
import { makeClient, outboxOf, RECEIVER_PORT } from './_setup.js'

const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0

test.group('Integrations / the documented standalone receiver', () => {
  test('docs/receiver.py (no THADS code) verifies our signatures, also across a secret rotation', async ({
    assert,
  }) => {
    const port = RECEIVER_PORT + 3
    const client = await makeClient({ endpoint: `http://127.0.0.1:${port}/hook` })
    const child = spawn('python3', ['docs/receiver.py', String(port), client.secret], {
      stdio: ['ignore', 'pipe', 'ignore'],
    })
    let out = ''
    child.stdout.on('data', (c) => (out += c))
    try {
      for (let i = 0; i < 50; i++) {
        try {
          await fetch(`http://127.0.0.1:${port}/`, { method: 'POST', body: '' })
          break
        } catch {
          await new Promise((r) => setTimeout(r, 100))
        }
      }
      await db.transaction((trx) =>
        enqueue(trx, {
          clientId: client.id,
          eventType: 'debtor.published',
          payload: { debtor_name: 'Lê Thị Hoa' },
        })
      )
      // Rotated: THADS now signs with the new and the old secret; the receiver still knows only the old one.
      await new IssueCredential().handle(client.admin, client.id, {
        kind: 'secret',
        rotate: true,
        graceHours: 1,
      })
      await new Dispatcher({ clientIds: [client.id] }).drain()
      const [row] = await outboxOf(client.id)
      assert.equal(row.status, 'delivered')
      await new Promise((r) => setTimeout(r, 200))
      assert.include(out, 'Lê Thị Hoa')
      // A wrong secret is refused by the snippet (401 → a failed attempt).
      await db
        .from('integration_credentials')
        .where({ client_id: client.id, kind: 'secret' })
        .update({ secret: 'whsec_' + Buffer.from('wrong').toString('base64') })
      await db.transaction((trx) =>
        enqueue(trx, { clientId: client.id, eventType: 'debtor.updated', payload: {} })
      )
      await new Dispatcher({ clientIds: [client.id] }).runOnce()
      const rows = await outboxOf(client.id)
      assert.equal(rows[1].status, 'pending')
      assert.equal(rows[1].last_status, 401)
    } finally {
      child.kill('SIGKILL')
    }
  })
    .skip(!HAS_PYTHON, 'python3 is not installed')
    .timeout(60_000)
})
