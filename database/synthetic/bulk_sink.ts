/**
 * Streams rows into a few tables with multi-row INSERTs on one raw connection, in explicit transactions:
 *   - SQLite (better-sqlite3): prepared `INSERT … VALUES (?,…),(?,…)…` statements of `chunk` rows, run
 *     synchronously inside BEGIN … COMMIT (the fastest path better-sqlite3 has), foreign keys off meanwhile;
 *   - MySQL/MariaDB (mysql2): one escaped multi-row INSERT text per chunk, pipelined on the connection (up to
 *     `depth` statements in flight) so that JavaScript generates the next chunk while the server writes, with
 *     foreign-key and unique checks off for the session (the generator's ids are consistent by construction).
 * Used only by the demo/bench generator; the application writes through its actions.
 */
import db from '@adonisjs/lucid/services/db'

type Value = string | number | null

interface TableBuffer {
  columns: readonly string[]
  rows: Value[][]
  written: number
}

export class BulkSink {
  private tables = new Map<string, TableBuffer>()
  private knexClient: any
  private raw: any
  private statements = new Map<string, any>()
  private inFlight: Promise<unknown>[] = []
  readonly dialect: 'sqlite' | 'mysql'

  constructor(
    private connectionName: string,
    private chunk = 500,
    private depth = 3
  ) {
    const client = db.connection(connectionName).dialect.name
    this.dialect = client.includes('sqlite') ? 'sqlite' : 'mysql'
  }

  table(name: string, columns: readonly string[]) {
    this.tables.set(name, { columns, rows: [], written: 0 })
    return this
  }

  async open() {
    this.knexClient = db.connection(this.connectionName).getWriteClient().client
    this.raw = await this.knexClient.acquireConnection()
    if (this.dialect === 'sqlite') {
      this.raw.pragma('foreign_keys = OFF')
      this.raw.pragma('synchronous = NORMAL')
      this.raw.pragma('cache_size = -1048576') // 1 GiB: random index inserts stay in memory
      this.raw.pragma('temp_store = MEMORY')
    } else {
      await this.mysql('SET SESSION foreign_key_checks = 0, unique_checks = 0')
    }
  }

  async begin() {
    if (this.dialect === 'sqlite') this.raw.exec('BEGIN')
    else await this.mysql('START TRANSACTION')
  }

  async commit() {
    await this.flushAll()
    if (this.dialect === 'sqlite') this.raw.exec('COMMIT')
    else {
      await this.drain()
      await this.mysql('COMMIT')
    }
  }

  /** Buffers a row; returns a promise only when a chunk had to be written (await it then). */
  push(table: string, row: Value[]): Promise<void> | undefined {
    const buffer = this.tables.get(table)!
    buffer.rows.push(row)
    return buffer.rows.length >= this.chunk ? this.flush(table) : undefined
  }

  written(table: string) {
    return this.tables.get(table)?.written ?? 0
  }

  async close() {
    try {
      await this.drain()
      await this.restoreChecks()
    } finally {
      await this.knexClient.releaseConnection(this.raw)
    }
  }

  /** Rolls back the open transaction (after an error) and releases the connection. */
  async abort() {
    try {
      await this.drain().catch(() => {})
      if (this.dialect === 'sqlite') {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK')
      } else {
        await this.mysql('ROLLBACK').catch(() => {})
      }
      await this.restoreChecks().catch(() => {})
    } finally {
      await this.knexClient.releaseConnection(this.raw)
    }
  }

  private async restoreChecks() {
    if (this.dialect === 'sqlite') this.raw.pragma('foreign_keys = ON')
    else await this.mysql('SET SESSION foreign_key_checks = 1, unique_checks = 1')
  }

  private async flushAll() {
    for (const name of this.tables.keys()) await this.flush(name)
  }

  private async flush(name: string) {
    const buffer = this.tables.get(name)!
    const rows = buffer.rows
    if (!rows.length) return
    buffer.rows = []
    buffer.written += rows.length
    if (this.dialect === 'sqlite') this.sqliteInsert(name, buffer.columns, rows)
    else await this.mysqlInsert(name, buffer.columns, rows)
  }

  private sqliteInsert(name: string, columns: readonly string[], rows: Value[][]) {
    const key = `${name}:${rows.length}`
    let statement = this.statements.get(key)
    if (!statement) {
      const tuple = `(${columns.map(() => '?').join(',')})`
      statement = this.raw.prepare(
        `INSERT INTO ${name} (${columns.join(',')}) VALUES ${Array(rows.length).fill(tuple).join(',')}`
      )
      this.statements.set(key, statement)
    }
    statement.run(rows.flat())
  }

  private async mysqlInsert(name: string, columns: readonly string[], rows: Value[][]) {
    const values = rows.map(
      (row) =>
        `(${row.map((v) => (v === null ? 'NULL' : typeof v === 'number' ? String(v) : this.raw.escape(v))).join(',')})`
    )
    const pending = this.mysql(
      `INSERT INTO ${name} (${columns.join(',')}) VALUES ${values.join(',')}`
    )
    pending.catch(() => {}) // reported when awaited (below or in drain), never as an unhandled rejection
    this.inFlight.push(pending)
    if (this.inFlight.length >= this.depth) await this.inFlight.shift()
  }

  private async drain() {
    const pending = this.inFlight
    this.inFlight = []
    await Promise.all(pending)
  }

  private mysql(sql: string) {
    return new Promise((resolve, reject) =>
      this.raw.query(sql, (error: Error | null, result: unknown) =>
        error ? reject(error) : resolve(result)
      )
    )
  }
}
