/**
 * The multi-instance suite (run by .ci/galera.sh, skipped elsewhere): fixtures are written in-process on Galera
 * node 1 through the real actions; instance a (node 2) and instance b (node 3) are driven over HTTP.
 */
import { readdir, readFile, stat } from 'node:fs/promises'
import { test } from '@japa/runner'
import app from '@adonisjs/core/services/app'
import db from '@adonisjs/lucid/services/db'
import { DateTime } from 'luxon'
import { User } from '#accounts'
import { CreateJudgment, SaveDraftDecision } from '#cases'
import { APP_ZONE } from '#core'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { makeUser, TEST_PASSWORD, unitByCode, UNITS } from '#tests/helpers/factories'
import { acceptedCase, day, pinClock, staff } from '../functional/cases/_setup.js'
import { Browser, waitFor } from './http.js'

const A = process.env.CLUSTER_A_URL!
const B = process.env.CLUSTER_B_URL!
const both = [A, B]

async function mailsTo(address: string): Promise<number> {
  const text = await readFile(process.env.SMTP_LOG!, 'utf8').catch(() => '')
  return text
    .split('\n')
    .filter(Boolean)
    .filter((l) => JSON.parse(l).to === address).length
}

test.group('Cluster: two instances on a three-node Galera cluster', (group) => {
  pinClock(group)

  test('a login on one instance is valid on the other; logout on one ends it on both', async ({
    assert,
  }) => {
    const user = await makeUser(UNITS.badinh, ['statistician'])
    const browser = new Browser()
    await browser.login(A, user.email, TEST_PASSWORD)
    assert.equal((await browser.request(B, '/schedules')).status, 200)
    const replay = new Browser()
    replay.cookies = new Map(browser.cookies)
    const csrf = await browser.csrf(B, '/schedules/new')
    const out = await browser.post(A, '/logout', { _csrf: csrf })
    assert.equal(out.status, 302)
    // The old cookie, replayed on the other instance, no longer opens a session.
    const after = await replay.request(B, '/schedules')
    assert.equal(after.status, 302)
    assert.include(after.headers.get('location') ?? '', '/login')
  })

  test('50 parallel collections on one case split across both instances: the balance is exact', async ({
    assert,
  }) => {
    const { c, officer } = await acceptedCase({ amount: 100_000_000 })
    const token = await User.accessTokens.create(officer, ['cases:write'])
    const auth = `Bearer ${token.value!.release()}`
    const statuses = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        fetch(`${both[i % 2]}/api/v1/cases/${c.id}/money`, {
          method: 'POST',
          headers: {
            'authorization': auth,
            'content-type': 'application/json',
            'accept': 'application/json',
          },
          body: JSON.stringify({
            kind: 'collected',
            amount: 1_000 + i,
            receipt_number: `GL-${i}`,
            effective_date: day(1 + (i % 5)),
          }),
        }).then((r) => r.status)
      )
    )
    assert.deepEqual([...new Set(statuses)], [201])
    const expected = Array.from({ length: 50 }, (_, i) => 1_000 + i).reduce((x, y) => x + y, 0)
    const sum = await db
      .from('money_entries')
      .where('case_id', c.id)
      .where('kind', 'collected')
      .sum('amount as total')
      .count('* as n')
      .first()
    assert.equal(Number(sum.total), expected)
    assert.equal(Number(sum.n), 50)
    const row = await db.from('cases').where('id', c.id).first()
    assert.equal(Number(row.remaining), 100_000_000 - expected)
    assert.equal(Number(row.held), expected)
  })

  test('parallel approvals in one unit on both instances: numbers unique and gap-free', async ({
    assert,
  }) => {
    const { districts } = await makeProvinceTree(1)
    const people = await staff(districts[0].code)
    const drafts = []
    for (let i = 0; i < 10; i++) {
      const judgment = await new CreateJudgment().handle(people.clerk, {
        number: `${i + 1}/2026/GL-ST`,
        judgmentDate: day(0),
        court: 'TAND huyện Thử Nghiệm',
        type: 'civil',
        receivedOn: day(0),
      })
      drafts.push(
        await new SaveDraftDecision().handle(people.clerk, {
          kind: 'ex_officio',
          judgmentId: judgment.id,
          parties: [{ role: 'debtor', name: `Người phải thi hành ${i}` }],
          obligations: [
            { kind: 'money', description: 'Trả tiền', amount: 1_000_000, payee: 'creditor' },
          ],
          submit: true,
        })
      )
    }
    const token = await User.accessTokens.create(people.head, ['cases:write'])
    const auth = `Bearer ${token.value!.release()}`
    const statuses = await Promise.all(
      drafts.map((d, i) =>
        fetch(`${both[i % 2]}/api/v1/decisions/${d.id}/approve`, {
          method: 'POST',
          headers: {
            'authorization': auth,
            'content-type': 'application/json',
            'accept': 'application/json',
          },
          body: JSON.stringify({ decision_date: day(1), officer_id: people.officer.id }),
        }).then((r) => r.status)
      )
    )
    assert.deepEqual([...new Set(statuses)], [200])
    const numbers = await db
      .from('cases')
      .whereIn(
        'id',
        drafts.map((d) => d.id)
      )
      .orderBy('seq')
      .select('seq', 'number')
    assert.deepEqual(
      numbers.map((n) => Number(n.seq)),
      Array.from({ length: 10 }, (_, i) => i + 1)
    )
    assert.equal(new Set(numbers.map((n) => n.number)).size, 10)
  })

  test('an export job requested once is produced once', async ({ assert }) => {
    const user = await makeUser(UNITS.badinh, ['statistician'])
    const badinh = await unitByCode(UNITS.badinh)
    const browser = new Browser()
    await browser.login(A, user.email, TEST_PASSWORD)
    const token = await browser.csrf(A, '/schedules/new')
    const requestedAt = Date.now() - 1000
    const res = await browser.post(
      A,
      '/reports/exports',
      {
        _csrf: token,
        form: 'form-06-cases',
        unit: String(badinh.id),
        year: '2027',
        period: '2',
        format: 'xlsx',
      },
      { accept: 'application/json' }
    )
    assert.equal(res.status, 202)
    const { id } = (await res.json()) as { id: number }
    const job = await waitFor(
      'the export job to finish',
      async () => {
        const row = await db.from('export_jobs').where('id', id).first()
        return row && ['done', 'failed'].includes(row.status) ? row : null
      },
      120
    )
    assert.equal(job.status, 'done')
    assert.include(['a', 'b'], job.claimed_by)
    // Files of this job (storage/ outlives the stage's database, so older runs' job ids may repeat).
    const dir = app.makePath('storage/exports')
    const files: string[] = []
    for (const f of await readdir(dir).catch(() => [] as string[])) {
      if (f.startsWith(`${id}-`) && (await stat(`${dir}/${f}`)).mtimeMs >= requestedAt)
        files.push(f)
    }
    assert.lengthOf(files, 1)
  })

  test('a schedule due now sends exactly one e-mail; kill -9 of the instance mid-run → the other finishes it', async ({
    assert,
  }) => {
    const owner = await makeUser(UNITS.badinh, ['statistician'])
    const unit = await unitByCode(UNITS.badinh)
    const now = DateTime.now().setZone(APP_ZONE)
    const at = now.plus({ minutes: now.second < 40 ? 1 : 2 }).startOf('minute')
    const cron = `${at.minute} ${at.hour} ${at.day} ${at.month} *`
    const stamp = DateTime.utc().toFormat('yyyy-MM-dd HH:mm:ss')
    const base = {
      owner_id: owner.id,
      unit_id: unit.id,
      unit_path: unit.path,
      report: 'form:form-06-cases',
      period_rule: 'last_closed',
      format: 'link',
      cron,
      recipient_roles: '[]',
      locale: 'vi',
      active: true,
      version: 1,
      created_at: stamp,
      updated_at: stamp,
    }
    const [once] = await db
      .table('schedules')
      .insert({ ...base, name: 'once', extra_emails: 'once@x.test' })
    const [killed] = await db
      .table('schedules')
      .insert({ ...base, name: 'killed', extra_emails: 'slow@x.test, r1@x.test, r2@x.test' })

    const first = await waitFor(
      'the due schedule to be sent',
      async () => {
        const runs = await db.from('schedule_runs').where('schedule_id', once)
        return runs.length && runs.every((r) => r.status !== 'running') ? runs : null
      },
      150
    )
    assert.lengthOf(first, 1)
    assert.equal(first[0].status, 'sent')
    assert.equal(await mailsTo('once@x.test'), 1)

    // The second schedule's run is stuck handing slow@ to SMTP: kill its instance outright.
    const stuck = await waitFor(
      'the second run to reach its slow recipient',
      async () => {
        const run = await db.from('schedule_runs').where('schedule_id', killed).first()
        if (!run) return null
        const d = await db
          .from('schedule_deliveries')
          .where('run_id', run.id)
          .where('email', 'slow@x.test')
          .first()
        return d?.status === 'sending' ? run : null
      },
      90
    )
    const victim = stuck.claimed_by === 'a' ? process.env.CLUSTER_A_PID : process.env.CLUSTER_B_PID
    process.kill(Number(victim), 'SIGKILL')
    const finished = await waitFor(
      'the surviving instance to finish the run',
      async () => {
        const run = await db.from('schedule_runs').where('id', stuck.id).first()
        return run.status !== 'running' ? run : null
      },
      150
    )
    assert.notEqual(finished.claimed_by, stuck.claimed_by)
    assert.equal(finished.attempts, 2)
    assert.equal(finished.status, 'partial')
    assert.equal(await mailsTo('r1@x.test'), 1)
    assert.equal(await mailsTo('r2@x.test'), 1)
    assert.isAtMost(await mailsTo('slow@x.test'), 1)
    const deliveries = await db
      .from('schedule_deliveries')
      .where('run_id', stuck.id)
      .orderBy('email')
    assert.deepEqual(
      deliveries.map((d) => `${d.email}:${d.status}`),
      ['r1@x.test:sent', 'r2@x.test:sent', 'slow@x.test:uncertain']
    )
    assert.lengthOf(await db.from('schedule_runs').where('schedule_id', killed), 1)
  })
})
