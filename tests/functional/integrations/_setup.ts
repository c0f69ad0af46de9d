/** Builders for the integrations tests: a client with scopes and credentials, and a real loopback receiver. */
import { createServer, type IncomingMessage, type Server } from 'node:http'
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { verifySignature } from '#integrations'
import { RegisterClient } from '#integrations/actions/register_client'
import { SetScope } from '#integrations/actions/set_scope'
import { IssueCredential } from '#integrations/actions/issue_credential'
import { makeUser, unitByCode, UNITS } from '#tests/helpers/factories'

export const RECEIVER_PORT = Number(process.env.PORT ?? 3420) + 1

export async function makeClient(
  options: {
    admin?: User
    owner?: string
    scopes?: { unit: string; kind: string; access: 'read' | 'write' }[]
    endpoint?: string | null
  } = {}
) {
  const admin = options.admin ?? (await makeUser(UNITS.national, ['admin']))
  const owner = await unitByCode(options.owner ?? UNITS.national)
  const id = await new RegisterClient().handle(admin, {
    name: `Client ${Math.random().toString(36).slice(2, 8)}`,
    ownerUnitId: owner.id,
    contactEmail: 'ops@partner.test',
    endpointUrl: options.endpoint ?? null,
  })
  for (const s of options.scopes ?? []) {
    const unit = await unitByCode(s.unit)
    await new SetScope().handle(admin, id, { unitId: unit.id, dataKind: s.kind, access: s.access })
  }
  const token = await new IssueCredential().handle(admin, id, { kind: 'token', expiresInDays: 30 })
  const secret = await new IssueCredential().handle(admin, id, { kind: 'secret' })
  return { id, admin, token: token.value, secret: secret.value }
}

export interface Received {
  id: string
  body: string
  valid: boolean
}

/**
 * A stand-in receiver on loopback: answers `plan[i]` to the i-th request (a status, 'hang' to never answer,
 * or 'redirect'), then 200; verifies each signature with `secrets()` and deduplicates by webhook-id.
 */
export async function startReceiver(
  plan: (number | 'hang' | 'redirect')[] = [],
  secrets: () => string[] = () => [],
  port = RECEIVER_PORT
) {
  const received: Received[] = []
  const unique = new Set<string>()
  let n = 0
  const server: Server = createServer((req: IncomingMessage, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c) => chunks.push(c))
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const step = plan[n++] ?? 200
      const id = String(req.headers['webhook-id'] ?? '')
      const valid =
        verifySignature(
          secrets(),
          {
            id,
            timestamp: req.headers['webhook-timestamp'] as string,
            signature: req.headers['webhook-signature'] as string,
          },
          body,
          // Tests move the dispatcher's clock: check the signature at the message's own time.
          Number(req.headers['webhook-timestamp'])
        ) === null
      received.push({ id, body, valid })
      if (step === 'hang') return
      if (step === 'redirect') {
        res.writeHead(302, { location: 'http://127.0.0.1:9/' })
        return res.end()
      }
      if (step >= 200 && step < 300) unique.add(id)
      res.writeHead(step, { 'content-type': 'text/plain' })
      res.end('ok')
    })
  })
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    unique,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

export async function outboxOf(clientId: number) {
  return db.from('integration_outbox').where('client_id', clientId).orderBy('id').select('*')
}
