import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import {
  Dispatcher,
  enqueue,
  nextAttemptDelay,
  RETRY_SCHEDULE_SECONDS,
  signHeaders,
  verifySignature,
} from '#integrations'
import { makeClient, outboxOf, startReceiver } from './_setup.js'

async function queueOne(clientId: number, data: Record<string, unknown> = { hello: 'world' }) {
  await db.transaction((trx) => enqueue(trx, { clientId, eventType: 'test.ping', payload: data }))
}

test.group('Integrations / dispatcher', () => {
  test('the retry schedule is Svix’s: 0 s, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then give up', ({
    assert,
  }) => {
    assert.deepEqual(RETRY_SCHEDULE_SECONDS, [0, 5, 300, 1800, 7200, 18000, 36000, 36000])
    assert.equal(nextAttemptDelay(1), 5)
    assert.equal(nextAttemptDelay(2), 300)
    assert.equal(nextAttemptDelay(7), 36000)
    assert.isNull(nextAttemptDelay(8))
  })

  test('signatures: valid, wrong secret, stale timestamp', ({ assert }) => {
    const h = signHeaders(
      ['whsec_' + Buffer.from('k1').toString('base64')],
      'msg_1',
      1_700_000_000,
      '{}'
    )
    const hdr = {
      id: h['webhook-id'],
      timestamp: h['webhook-timestamp'],
      signature: h['webhook-signature'],
    }
    assert.isNull(
      verifySignature(['whsec_' + Buffer.from('k1').toString('base64')], hdr, '{}', 1_700_000_010)
    )
    assert.equal(
      verifySignature(['whsec_' + Buffer.from('k2').toString('base64')], hdr, '{}', 1_700_000_010),
      'bad_signature'
    )
    assert.equal(
      verifySignature(
        ['whsec_' + Buffer.from('k1').toString('base64')],
        hdr,
        '{"x":1}',
        1_700_000_010
      ),
      'bad_signature'
    )
    assert.equal(
      verifySignature(['whsec_' + Buffer.from('k1').toString('base64')], hdr, '{}', 1_700_000_400),
      'stale_timestamp'
    )
  })

  test('a receiver failing twice (500, then a 302 redirect) gets the message once, signed, on the schedule', async ({
    assert,
  }) => {
    let secrets: string[] = []
    const receiver = await startReceiver([500, 'redirect'], () => secrets)
    try {
      const client = await makeClient({ endpoint: receiver.url })
      secrets = [client.secret]
      await queueOne(client.id)
      let clock = Date.now()
      const d = new Dispatcher({ now: () => clock, clientIds: [client.id] })
      assert.equal(await d.runOnce(), 1) // 500
      assert.equal(await d.runOnce(), 0) // not due before 5 s
      clock += 5_000
      assert.equal(await d.runOnce(), 1) // 302 = failure
      clock += 299_000
      assert.equal(await d.runOnce(), 0)
      clock += 1_000
      assert.equal(await d.runOnce(), 1) // 200
      const [row] = await outboxOf(client.id)
      assert.equal(row.status, 'delivered')
      assert.equal(row.attempts, 3)
      assert.equal(receiver.received.length, 3)
      assert.isTrue(receiver.received.every((r) => r.valid))
      assert.equal(new Set(receiver.received.map((r) => r.id)).size, 1)
      assert.equal(receiver.unique.size, 1)
      const attempts = await db
        .from('integration_attempts')
        .where('outbox_id', row.id)
        .orderBy('attempt_no')
      assert.deepEqual(
        attempts.map((a) => a.status_code),
        [500, 302, 200]
      )
      assert.include(attempts[1].error, 'redirect')
    } finally {
      await receiver.close()
    }
  })

  test('410 Gone disables the client at once, audited; the message stays visible as failed', async ({
    assert,
  }) => {
    const receiver = await startReceiver([410])
    try {
      const client = await makeClient({ endpoint: receiver.url })
      await queueOne(client.id)
      await queueOne(client.id)
      const d = new Dispatcher({ concurrency: 1, batchSize: 1, clientIds: [client.id] })
      await d.runOnce()
      const c = await db.from('integration_clients').where('id', client.id).first()
      assert.equal(c.status, 'disabled')
      assert.equal(c.disabled_reason, 'gone_410')
      const rows = await outboxOf(client.id)
      assert.equal(rows[0].status, 'failed')
      assert.equal(rows[1].status, 'pending') // kept, not claimed while disabled
      assert.equal(await d.runOnce(), 0)
      const audit = await db
        .from('audit_events')
        .where({ action: 'integration.client_disabled', subject_id: String(client.id) })
        .first()
      assert.exists(audit)
    } finally {
      await receiver.close()
    }
  })

  test('a receiver that times out is a failure, retried later', async ({ assert }) => {
    const receiver = await startReceiver(['hang'])
    try {
      const client = await makeClient({ endpoint: receiver.url })
      await queueOne(client.id)
      let clock = Date.now()
      const d = new Dispatcher({ timeoutMs: 300, now: () => clock, clientIds: [client.id] })
      await d.runOnce()
      let [row] = await outboxOf(client.id)
      assert.equal(row.status, 'pending')
      assert.include(row.last_error, 'timeout')
      clock += 5_000
      await d.runOnce()
      ;[row] = await outboxOf(client.id)
      assert.equal(row.status, 'delivered')
    } finally {
      await receiver.close()
    }
  })

  test('failing for more than 5 days disables the client', async ({ assert }) => {
    const receiver = await startReceiver([503, 503, 503])
    try {
      const client = await makeClient({ endpoint: receiver.url })
      await queueOne(client.id)
      let clock = Date.now()
      const d = new Dispatcher({
        now: () => clock,
        schedule: [0, 3 * 86_400, 3 * 86_400],
        clientIds: [client.id],
      })
      await d.runOnce()
      clock += 3 * 86_400_000
      await d.runOnce()
      let c = await db.from('integration_clients').where('id', client.id).first()
      assert.equal(c.status, 'active')
      clock += 3 * 86_400_000
      await d.runOnce()
      c = await db.from('integration_clients').where('id', client.id).first()
      assert.equal(c.status, 'disabled')
      assert.equal(c.disabled_reason, 'failing_days')
    } finally {
      await receiver.close()
    }
  })

  test('two dispatchers racing deliver each message once', async ({ assert }) => {
    const receiver = await startReceiver()
    try {
      const client = await makeClient({ endpoint: receiver.url })
      for (let i = 0; i < 30; i++) await queueOne(client.id, { i })
      const a = new Dispatcher({ batchSize: 7, clientIds: [client.id] })
      const b = new Dispatcher({ batchSize: 7, clientIds: [client.id] })
      await Promise.all([a.drain(), b.drain()])
      const rows = await outboxOf(client.id)
      assert.isTrue(rows.every((r) => r.status === 'delivered'))
      assert.equal(receiver.received.length, 30)
      assert.equal(receiver.unique.size, 30)
    } finally {
      await receiver.close()
    }
  })
})
