import { test } from '@japa/runner'
import db from '@adonisjs/lucid/services/db'
import ace from '@adonisjs/core/services/ace'
import drive from '@adonisjs/drive/services/main'
import { recordAudit, createCheckpoint, verifyAudit } from '#audit'
import { withoutAuditTriggers } from '#tests/helpers/audit_tamper'

let nextUnit = 910_000 + Math.floor(Math.random() * 1000) * 10

/** A private chain for one test: audit rows of a unit id no other test uses. */
async function chainWith(rows: number) {
  const unit = { id: ++nextUnit, path: `/T99/X${nextUnit}/` }
  for (let i = 0; i < rows; i++) {
    await recordAudit({
      unit,
      action: 'test.event',
      subjectType: 'probe',
      subjectId: i,
      after: { i },
    })
  }
  const events = await db.from('audit_events').where('chain', `u:${unit.id}`).orderBy('chain_seq')
  return { unit, chain: `u:${unit.id}`, events }
}

function problemsOf(report: Awaited<ReturnType<typeof verifyAudit>>, chain: string) {
  return report.problems.filter((p) => p.chain === chain)
}

test.group('tamper-evident audit: hash chains, signed checkpoints, audit:verify', () => {
  test('each row is chained to the previous row of its unit', async ({ assert }) => {
    const { events } = await chainWith(3)
    assert.deepEqual(
      events.map((e) => Number(e.chain_seq)),
      [1, 2, 3]
    )
    assert.equal(events[1].prev_hash, events[0].row_hash)
    assert.equal(events[2].prev_hash, events[1].row_hash)
    assert.match(events[0].row_hash, /^[0-9a-f]{64}$/)
    const other = await chainWith(1)
    assert.equal(Number(other.events[0].chain_seq), 1, 'another unit has its own chain')
  })

  test('a checkpoint is signed, stored and published on the drive disk', async ({ assert }) => {
    await chainWith(2)
    const checkpoint = await createCheckpoint()
    assert.match(checkpoint.path, /^audit\/checkpoints\/.+\.json$/)
    const published = JSON.parse(await drive.use().get(checkpoint.path))
    assert.equal(published.signature, checkpoint.signature)
    const report = await verifyAudit()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
    assert.equal(report.checkpoint!.id, checkpoint.id)
    // A forged statement (one head changed) fails its signature.
    const forged = {
      ...published,
      payload: published.payload.replace(/"[0-9a-f]{64}"/, `"${'f'.repeat(64)}"`),
    }
    const bad = await verifyAudit(forged)
    assert.equal(bad.problems[0].kind, 'bad_signature')
  })

  test('audit:verify finds a row altered by hand', async ({ assert }) => {
    const { chain, events } = await chainWith(4)
    const target = events[1]
    await withoutAuditTriggers(async () => {
      await db.from('audit_events').where('id', target.id).update({ after: '{"i":99}' })
    })
    try {
      const report = await verifyAudit()
      const [problem] = problemsOf(report, chain)
      assert.equal(problem.kind, 'altered')
      assert.equal(problem.rowId, Number(target.id))
      assert.equal(problem.seq, 2)
      const command = await ace.exec('audit:verify', [])
      assert.equal(command.exitCode, 1)
    } finally {
      await withoutAuditTriggers(async () => {
        await db.from('audit_events').where('id', target.id).update({ after: target.after })
      })
    }
    assert.lengthOf(problemsOf(await verifyAudit(), chain), 0)
  })

  test('audit:verify finds a deleted row', async ({ assert }) => {
    const { chain, events } = await chainWith(4)
    const target = events[2]
    await withoutAuditTriggers(async () => {
      await db.from('audit_events').where('id', target.id).delete()
    })
    try {
      const [problem] = problemsOf(await verifyAudit(), chain)
      assert.equal(problem.kind, 'deleted')
      assert.equal(problem.seq, 3)
    } finally {
      await db.insertQuery().table('audit_events').insert(target)
    }
    assert.lengthOf(problemsOf(await verifyAudit(), chain), 0)
  })

  test('audit:verify finds a chain cut at its end, against the checkpoint', async ({ assert }) => {
    const { chain, events } = await chainWith(3)
    await createCheckpoint()
    const last = events[2]
    // The intruder removes the last row and rewinds the head so that the chain itself looks whole.
    await withoutAuditTriggers(async () => {
      await db.from('audit_events').where('id', last.id).delete()
    })
    await db
      .from('audit_chain_heads')
      .where('chain', chain)
      .update({ seq: 2, head_hash: events[1].row_hash })
    try {
      const [problem] = problemsOf(await verifyAudit(), chain)
      assert.equal(problem.kind, 'cut_off')
      assert.equal(problem.seq, 3)
      assert.include(problem.detail, 'cut off')
    } finally {
      await db.insertQuery().table('audit_events').insert(last)
      await db
        .from('audit_chain_heads')
        .where('chain', chain)
        .update({ seq: 3, head_hash: last.row_hash })
    }
    const report = await verifyAudit()
    assert.isTrue(report.ok, JSON.stringify(report.problems))
    assert.equal((await ace.exec('audit:verify', [])).exitCode, 0)
  })
})
