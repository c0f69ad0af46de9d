import { test } from '@japa/runner'
import { spawn, type ChildProcess } from 'node:child_process'
import db from '@adonisjs/lucid/services/db'
// @ts-ignore smtp-server ships no types
import { SMTPServer } from 'smtp-server'
import { enqueue } from '#integrations'
import { makeClient, outboxOf, RECEIVER_PORT, startReceiver } from './_setup.js'

const SMTP_PORT = RECEIVER_PORT + 2

/** `node ace integrations:dispatch` as a real child process on the same database. */
function dispatcherProcess(clientId: number, extraEnv: Record<string, string> = {}): ChildProcess {
  return spawn(
    process.execPath,
    ['ace', 'integrations:dispatch', '--lease=2', '--interval=200', `--client=${clientId}`],
    {
      env: { ...process.env, INTEGRATIONS_DISPATCH_MS: '0', ...extraEnv },
      stdio: 'ignore',
    }
  )
}

async function until(check: () => Promise<boolean> | boolean, ms = 60_000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (await check()) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('condition not met in time')
}

test.group('Integrations / dispatcher process', () => {
  test('a dispatcher killed with kill -9 mid-delivery loses nothing: delivered after restart, same webhook-id', async ({
    assert,
  }) => {
    const receiver = await startReceiver(['hang'])
    let child: ChildProcess | null = null
    try {
      const client = await makeClient({ endpoint: receiver.url })
      await db.transaction((trx) =>
        enqueue(trx, { clientId: client.id, eventType: 'test.kill', payload: { n: 1 } })
      )
      child = dispatcherProcess(client.id)
      await until(() => receiver.received.length === 1)
      child.kill('SIGKILL')
      await new Promise((r) => child!.once('exit', r))
      let [row] = await outboxOf(client.id)
      assert.equal(row.status, 'pending')
      assert.isNotNull(row.lease_owner) // claimed by the dead process, lease running out
      child = dispatcherProcess(client.id)
      await until(async () => (await outboxOf(client.id))[0].status === 'delivered')
      ;[row] = await outboxOf(client.id)
      assert.equal(receiver.received.length, 2)
      assert.equal(receiver.received[0].id, receiver.received[1].id)
      assert.equal(receiver.unique.size, 1) // the receiver deduplicates by webhook-id
    } finally {
      child?.kill('SIGKILL')
      await receiver.close()
    }
  }).timeout(120_000)

  test('a 410 disables the client and its contact gets an e-mail (SMTP on loopback)', async ({
    assert,
  }) => {
    const mails: string[] = []
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream: any, _session: any, callback: () => void) {
        let data = ''
        stream.on('data', (c: Buffer) => (data += c.toString('utf8')))
        stream.on('end', () => {
          mails.push(data)
          callback()
        })
      },
    })
    await new Promise<void>((r) => smtp.listen(SMTP_PORT, '127.0.0.1', r))
    const receiver = await startReceiver([410])
    let child: ChildProcess | null = null
    try {
      const client = await makeClient({ endpoint: receiver.url })
      await db.transaction((trx) =>
        enqueue(trx, { clientId: client.id, eventType: 'test.gone', payload: {} })
      )
      child = dispatcherProcess(client.id, { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(SMTP_PORT) })
      await until(() => mails.length === 1)
      const c = await db.from('integration_clients').where('id', client.id).first()
      assert.equal(c.status, 'disabled')
      assert.include(mails[0], 'ops@partner.test')
      assert.include(mails[0], '410')
    } finally {
      child?.kill('SIGKILL')
      await receiver.close()
      await new Promise<void>((r) => smtp.close(() => r()))
    }
  }).timeout(120_000)
})
