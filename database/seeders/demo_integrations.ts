/**
 * Practice-instance integrations (never in production): the debtor-database client (national, reads the
 * Art. 44a list of the whole country) and a court client posting judgments to Hà Nội's units. Their tokens and
 * secrets are fixed and public (practice only). Point the debtor client at a local stand-in receiver:
 *
 *   python3 docs/receiver.py 3421 <signing secret>   # the standalone receiver of docs/integrator.md
 *   DEMO_DEBTOR_ENDPOINT=http://127.0.0.1:3421/hook npm start   (first run; later change it on /integrations/<id>)
 *
 * The web process dispatches every 5 s (INTEGRATIONS_DISPATCH_MS), or run `node ace integrations:dispatch`.
 */
import db from '@adonisjs/lucid/services/db'
import { createHash } from 'node:crypto'

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex')

export const DEMO_DEBTOR_TOKEN = 'thc_demo_debtor_database_practice_only'
export const DEMO_DEBTOR_SECRET = 'whsec_ZGVtby1kZWJ0b3ItZGF0YWJhc2Utc2lnbmluZy1rZXk='
export const DEMO_COURT_TOKEN = 'thc_demo_court_hanoi_practice_only'
export const DEMO_COURT_SECRET = 'whsec_ZGVtby1jb3VydC1oYW5vaS1zaWduaW5nLWtleQ=='

const CLIENTS = [
  {
    name: 'Cơ sở dữ liệu người phải thi hành án chưa có điều kiện thi hành (thực hành)',
    owner: 'TC',
    email: 'csdl-44a@thads.demo',
    plugin: 'debtor-database',
    endpoint: process.env.DEMO_DEBTOR_ENDPOINT ?? 'http://127.0.0.1:3421/hook',
    scopes: [{ unit: 'TC', kind: 'debtors', access: 'read' }],
    token: DEMO_DEBTOR_TOKEN,
    secret: DEMO_DEBTOR_SECRET,
  },
  {
    name: 'Hệ thống quản lý án của Tòa án nhân dân TP Hà Nội (thực hành)',
    owner: 'T01',
    email: 'toaan-hanoi@thads.demo',
    plugin: 'court-judgments',
    endpoint: null,
    scopes: [{ unit: 'T01', kind: 'judgments', access: 'write' }],
    token: DEMO_COURT_TOKEN,
    secret: DEMO_COURT_SECRET,
  },
]

/** Seeds the two clients once; returns the lines thads:prepare prints (tokens of the practice instance). */
export async function seedDemoIntegrations(): Promise<string[]> {
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
  await db.transaction(async (trx) => {
    for (const c of CLIENTS) {
      if (await trx.from('integration_clients').where('contact_email', c.email).first()) continue
      const owner = await trx.from('units').where('code', c.owner).firstOrFail()
      const [id] = await trx.insertQuery().table('integration_clients').insert({
        name: c.name,
        owner_unit_id: owner.id,
        owner_unit_path: owner.path,
        contact_name: 'Demo',
        contact_email: c.email,
        plugin_id: c.plugin,
        endpoint_url: c.endpoint,
        status: 'active',
        rate_per_minute: 120,
        created_at: now,
        updated_at: now,
      })
      for (const s of c.scopes) {
        const unit = await trx.from('units').where('code', s.unit).firstOrFail()
        await trx
          .insertQuery()
          .table('integration_scopes')
          .insert({
            client_id: Number(id),
            unit_id: unit.id,
            unit_path: unit.path,
            data_kind: s.kind,
            access: s.access,
          })
      }
      await trx
        .insertQuery()
        .table('integration_credentials')
        .multiInsert([
          {
            client_id: Number(id),
            kind: 'token',
            token_hash: hashToken(c.token),
            secret: null,
            hint: c.token.slice(-4),
            status: 'active',
            created_at: now,
          },
          {
            client_id: Number(id),
            kind: 'secret',
            token_hash: null,
            secret: c.secret,
            hint: c.secret.slice(-4),
            status: 'active',
            created_at: now,
          },
        ])
    }
  })
  return [
    '',
    'Demo integration clients (practice only):',
    `  debtor database → ${CLIENTS[0].endpoint}  token ${DEMO_DEBTOR_TOKEN}  signing secret ${DEMO_DEBTOR_SECRET}`,
    `  court (Hà Nội)  → POST /api/integrations/v1/judgments  token ${DEMO_COURT_TOKEN}`,
  ]
}
