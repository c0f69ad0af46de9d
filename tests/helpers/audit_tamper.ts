import db from '@adonisjs/lucid/services/db'

/**
 * Runs `fn` with the append-only triggers of audit_events dropped, the way an intruder with database rights
 * would, then puts them back exactly as migration 0003 creates them.
 */
export async function withoutAuditTriggers(fn: () => Promise<void>) {
  const mysql = db.connection().dialect.name === 'mysql'
  await db.rawQuery('DROP TRIGGER IF EXISTS audit_events_no_update')
  await db.rawQuery('DROP TRIGGER IF EXISTS audit_events_no_delete')
  try {
    await fn()
  } finally {
    for (const op of ['UPDATE', 'DELETE']) {
      const name = `audit_events_no_${op.toLowerCase()}`
      await db.rawQuery(
        mysql
          ? `CREATE TRIGGER ${name} BEFORE ${op} ON audit_events FOR EACH ROW
             SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'audit_events is append-only'`
          : `CREATE TRIGGER ${name} BEFORE ${op} ON audit_events
             BEGIN SELECT RAISE(ABORT, 'audit_events is append-only'); END`
      )
    }
  }
}
