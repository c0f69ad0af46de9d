import string from '@poppinss/utils/string'
import { MessageBuilder } from '@adonisjs/core/helpers'
import type { HttpContext } from '@adonisjs/core/http'
import type { QueryClientContract } from '@adonisjs/lucid/types/database'
import type {
  SessionData,
  SessionStoreContract,
  SessionStoreWithTaggingContract,
} from '@adonisjs/session/types'

export const SESSIONS_TABLE = 'sessions'

/** Ids this process ever kept in the database (test mode only: they are never served from memory). */
const DATABASE_IDS = new Set<string>()

/**
 * The database session store of @adonisjs/session, plus what "my sessions" shows: the client address, the device
 * (user agent) and when the session was last seen. Several app instances share sessions through this table.
 *
 * In tests a second store may be given: the japa API client injects sessions (`withSession`, `loginAs`) into the
 * memory store only, so an id the database never held is read from memory. Sessions opened through the real
 * login form live in the database like in production, which is what the replay tests exercise.
 */
export class ThadsSessionStore implements SessionStoreWithTaggingContract {
  #ttlSeconds: number
  #fromMemory = new Set<string>()

  constructor(
    private client: QueryClientContract,
    private ctx: HttpContext | null,
    age: string | number,
    private testMemory: SessionStoreContract | null = null
  ) {
    this.#ttlSeconds = string.seconds.parse(age)
  }

  #expiry() {
    return new Date(Date.now() + this.#ttlSeconds * 1000)
  }

  #client() {
    if (!this.ctx) return { ip: null, user_agent: null }
    return {
      ip: this.ctx.request.ip()?.slice(0, 64) ?? null,
      user_agent: (this.ctx.request.header('user-agent') ?? '').slice(0, 255) || null,
    }
  }

  #parse(contents: string, sessionId: string): SessionData | null {
    try {
      return new MessageBuilder().verify<SessionData>(contents, sessionId)
    } catch {
      return null
    }
  }

  async read(sessionId: string): Promise<SessionData | null> {
    const row = await this.client.from(SESSIONS_TABLE).where('id', sessionId).first()
    if (row) {
      if (Date.now() > new Date(row.expires_at).getTime()) {
        await this.destroy(sessionId)
        return null
      }
      return this.#parse(row.data, sessionId)
    }
    if (this.testMemory && !DATABASE_IDS.has(sessionId)) {
      const injected = await this.testMemory.read(sessionId)
      if (injected) this.#fromMemory.add(sessionId)
      return injected
    }
    return null
  }

  async write(sessionId: string, values: SessionData): Promise<void> {
    if (this.#fromMemory.has(sessionId)) return this.testMemory!.write(sessionId, values)
    const now = new Date()
    const data = new MessageBuilder().build(values, undefined, sessionId)
    await this.client
      .insertQuery()
      .table(SESSIONS_TABLE)
      .insert({
        id: sessionId,
        data,
        expires_at: this.#expiry(),
        created_at: now,
        last_seen_at: now,
        ...this.#client(),
      })
      .knexQuery.onConflict('id')
      .merge(['data', 'expires_at', 'last_seen_at', 'ip', 'user_agent'])
    if (this.testMemory) {
      DATABASE_IDS.add(sessionId)
      // Mirror for the japa client, which reads flash messages of the response from memory.
      await this.testMemory.write(sessionId, values)
    }
    if (Math.random() < 0.02) {
      await this.client.from(SESSIONS_TABLE).where('expires_at', '<=', now).delete()
    }
  }

  async destroy(sessionId: string): Promise<void> {
    await this.client.from(SESSIONS_TABLE).where('id', sessionId).delete()
    if (this.testMemory) await this.testMemory.destroy(sessionId)
  }

  async touch(sessionId: string): Promise<void> {
    if (this.#fromMemory.has(sessionId)) return
    await this.client
      .from(SESSIONS_TABLE)
      .where('id', sessionId)
      .update({ expires_at: this.#expiry(), last_seen_at: new Date(), ...this.#client() })
  }

  async tag(sessionId: string, userId: string): Promise<void> {
    if (this.#fromMemory.has(sessionId)) return
    const now = new Date()
    await this.client
      .insertQuery()
      .table(SESSIONS_TABLE)
      .insert({
        id: sessionId,
        user_id: userId,
        data: new MessageBuilder().build({}, undefined, sessionId),
        expires_at: this.#expiry(),
        created_at: now,
        last_seen_at: now,
        ...this.#client(),
      })
      .knexQuery.onConflict('id')
      .merge(['user_id'])
    if (this.testMemory) DATABASE_IDS.add(sessionId)
  }

  async tagged(userId: string) {
    const rows = await this.client
      .from(SESSIONS_TABLE)
      .select('id', 'data')
      .where('user_id', userId)
      .where('expires_at', '>', new Date())
    return rows
      .map((row) => ({ id: row.id as string, data: this.#parse(row.data, row.id) }))
      .filter((s): s is { id: string; data: SessionData } => s.data !== null)
  }
}
