/**
 * Authentication of inbound integration calls: `Authorization: Bearer thc_…` (a client token, not a staff
 * account), then optional Standard Webhooks headers on the body (a wrong signature, a stale timestamp or a
 * replayed webhook-id is refused), a per-client rate limit, and one traffic row per call. Every refusal is
 * audited and answered `{ errors: [{ code, message }] }` like /api/v1.
 */
import { Exception } from '@adonisjs/core/exceptions'
import type { HttpContext } from '@adonisjs/core/http'
import db from '@adonisjs/lucid/services/db'
import limiter from '@adonisjs/limiter/services/main'
import { recordAudit } from '#audit'
import { hashToken, whereValid, signingSecrets } from './credentials.js'
import { verifySignature } from './signing.js'
import { stamp } from './time.js'

export interface InboundClient {
  id: number
  name: string
  ownerUnitPath: string
  ratePerMinute: number
  scopes: { unitPath: string; dataKind: string; access: string }[]
}

const MESSAGES: Record<string, { vi: string; en: string }> = {
  E_UNAUTHORIZED: {
    vi: 'Mã truy cập thiếu, sai, hết hạn hoặc đã bị thu hồi.',
    en: 'Missing, wrong, expired or revoked token.',
  },
  E_CLIENT_DISABLED: {
    vi: 'Ứng dụng tích hợp đang bị tạm dừng.',
    en: 'The integration client is disabled.',
  },
  E_BAD_SIGNATURE: {
    vi: 'Chữ ký webhook không hợp lệ.',
    en: 'The webhook signature does not verify.',
  },
  E_STALE_TIMESTAMP: {
    vi: 'Dấu thời gian webhook quá cũ hoặc ở tương lai (lệch quá 5 phút).',
    en: 'The webhook timestamp is more than 5 minutes off.',
  },
  E_REPLAYED: {
    vi: 'Thông điệp webhook-id này đã được nhận trước đó.',
    en: 'This webhook-id was already received.',
  },
  E_RATE_LIMITED: { vi: 'Vượt giới hạn số lần gọi mỗi phút.', en: 'Too many requests per minute.' },
  E_TOO_LARGE: { vi: 'Nội dung gửi quá lớn.', en: 'The request body is too large.' },
  E_INVALID_JSON: { vi: 'Nội dung không phải JSON hợp lệ.', en: 'The body is not valid JSON.' },
  E_OUT_OF_SCOPE: {
    vi: 'Yêu cầu nằm ngoài phạm vi được cấp cho ứng dụng.',
    en: 'The request is outside the client’s scope.',
  },
  E_UNKNOWN_FIELDS: {
    vi: 'Có trường không được phép trong nội dung gửi.',
    en: 'The body has fields that are not allowed.',
  },
  E_NOT_FOUND: { vi: 'Không có điểm cuối này.', en: 'No such endpoint.' },
}

export const MAX_BODY_BYTES = 64 * 1024

/** A refusal of an inbound call: audited, answered in the API's error shape (self-handled by the handler). */
export class IntegrationRefusal extends Exception {
  constructor(
    public code: string,
    public httpStatus: number,
    public detail: Record<string, unknown> = {},
    public clientId: number | null = null,
    public text: { vi: string; en: string } | null = null
  ) {
    super(code, { status: httpStatus })
  }

  async handle(error: IntegrationRefusal, ctx: HttpContext) {
    await recordAudit({
      actorEmail: error.clientId ? `client:${error.clientId}` : null,
      action: 'integration.refused',
      outcome: 'refused',
      subjectType: 'integration_client',
      subjectId: error.clientId,
      after: {
        method: ctx.request.method(),
        url: ctx.request.url(),
        code: error.code,
        ...error.detail,
      },
    })
    const m = error.text ?? MESSAGES[error.code] ?? { vi: error.code, en: error.code }
    const locale = (ctx.request.header('accept-language') ?? 'vi').startsWith('en') ? 'en' : 'vi'
    ctx.response
      .status(error.httpStatus)
      .send({ errors: [{ code: error.code, message: m[locale], ...error.detail }] })
  }
}

async function loadClient(token: string): Promise<InboundClient | 'disabled' | null> {
  const now = stamp()
  const row = await whereValid(
    db
      .from('integration_credentials as k')
      .join('integration_clients as c', 'c.id', 'k.client_id')
      .where('k.kind', 'token')
      .where('k.token_hash', hashToken(token)),
    now,
    'k'
  )
    .select(
      'k.id as key_id',
      'c.id',
      'c.name',
      'c.owner_unit_path',
      'c.rate_per_minute',
      'c.status'
    )
    .first()
  if (!row) return null
  if (row.status !== 'active') return 'disabled'
  const scopes = await db
    .from('integration_scopes')
    .where('client_id', row.id)
    .select('unit_path', 'data_kind', 'access')
  await db.from('integration_credentials').where('id', row.key_id).update({ last_used_at: now })
  return {
    id: Number(row.id),
    name: row.name,
    ownerUnitPath: row.owner_unit_path,
    ratePerMinute: Number(row.rate_per_minute),
    scopes: scopes.map((s) => ({ unitPath: s.unit_path, dataKind: s.data_kind, access: s.access })),
  }
}

export function holdsScope(
  client: InboundClient,
  dataKind: string,
  access: string,
  unitPath: string
) {
  return client.scopes.some(
    (s) => s.dataKind === dataKind && s.access === access && unitPath.startsWith(s.unitPath)
  )
}

/** Authenticates, verifies an optional signature, rate-limits. Returns the client. */
export async function authenticateInbound(ctx: HttpContext): Promise<InboundClient> {
  const header = ctx.request.header('authorization') ?? ''
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : ''
  const client = token ? await loadClient(token) : null
  if (client === 'disabled') throw new IntegrationRefusal('E_CLIENT_DISABLED', 401)
  if (!client) throw new IntegrationRefusal('E_UNAUTHORIZED', 401)
  ctx.response.header('x-integration-client', String(client.id))

  const length = Number(ctx.request.header('content-length') ?? 0)
  if (length > MAX_BODY_BYTES)
    throw new IntegrationRefusal('E_TOO_LARGE', 413, { max: MAX_BODY_BYTES }, client.id)

  const limit = limiter.use({ requests: client.ratePerMinute, duration: '1 minute' })
  const key = `integration_client_${client.id}`
  const remaining = await limit.remaining(key)
  if (remaining <= 0) throw new IntegrationRefusal('E_RATE_LIMITED', 429, {}, client.id)
  await limit.increment(key)

  const id = ctx.request.header('webhook-id')
  if (id || ctx.request.header('webhook-signature')) {
    const raw = ctx.request.raw() ?? ''
    const failure = verifySignature(
      await signingSecrets(client.id),
      {
        id,
        timestamp: ctx.request.header('webhook-timestamp'),
        signature: ctx.request.header('webhook-signature'),
      },
      raw
    )
    if (failure === 'stale_timestamp')
      throw new IntegrationRefusal('E_STALE_TIMESTAMP', 401, {}, client.id)
    if (failure) throw new IntegrationRefusal('E_BAD_SIGNATURE', 401, {}, client.id)
    try {
      await db
        .insertQuery()
        .table('integration_inbound_ids')
        .insert({
          client_id: client.id,
          message_id: String(id).slice(0, 64),
          received_at: stamp(),
        })
    } catch {
      throw new IntegrationRefusal('E_REPLAYED', 409, { webhookId: id }, client.id)
    }
  }
  return client
}
