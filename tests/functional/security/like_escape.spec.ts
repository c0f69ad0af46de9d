import { test } from '@japa/runner'
import { containsPattern } from '#core'
import { recordAudit } from '#audit'
import { makeUser, UNITS, as } from '#tests/helpers/factories'
import { acceptedCase, pinClock } from '../cases/_setup.js'

test.group('search q escapes LIKE wildcards', (group) => {
  pinClock(group)

  test('the pattern escapes %, _ and the escape character itself', ({ assert }) => {
    assert.equal(containsPattern('50%_off'), '%50!%!_off%')
    assert.equal(containsPattern('a!b'), '%a!!b%')
    assert.equal(containsPattern('plain'), '%plain%')
  })

  test('"%" and "_" in the cases search match themselves, not everything', async ({
    client,
    assert,
  }) => {
    const { head, c: percent } = await acceptedCase({ unit: UNITS.sapa, debtor: 'Giàng 100% Nợ' })
    const { c: plain } = await acceptedCase({ unit: UNITS.sapa, debtor: 'Vàng Seo Chứ' })
    const list = async (q: string) =>
      (await as(client.get(`/cases?q=${encodeURIComponent(q)}`), head)).text()
    const all = await list('')
    assert.include(all, 'Giàng 100% Nợ')
    assert.include(all, 'Vàng Seo Chứ')
    const byPercent = await list('%')
    assert.include(byPercent, 'Giàng 100% Nợ')
    assert.notInclude(byPercent, 'Vàng Seo Chứ')
    const byUnderscore = await list('_')
    assert.notInclude(byUnderscore, 'Giàng 100% Nợ')
    assert.notInclude(byUnderscore, 'Vàng Seo Chứ')
    assert.include(await list('Seo'), 'Vàng Seo Chứ')
    assert.notEqual(percent.id, plain.id)
  })

  test('the users search escapes them too', async ({ client, assert }) => {
    const admin = await makeUser(UNITS.camau, ['admin'])
    const officer = await makeUser(UNITS.camau, ['officer'])
    const page = await as(client.get('/users?q=_'), admin)
    page.assertStatus(200)
    assert.notInclude(page.text(), officer.email)
    assert.include(
      (await as(client.get(`/users?q=${encodeURIComponent(officer.email)}`), admin)).text(),
      officer.email
    )
  })

  test('the audit viewer actor filter escapes them too', async ({ client, assert }) => {
    const tag = Math.random().toString(36).slice(2, 8)
    const percent = await makeUser(UNITS.camau, ['officer'], { email: `pct%${tag}@test.thads` })
    const plain = await makeUser(UNITS.camau, ['officer'], { email: `pctx${tag}@test.thads` })
    for (const actor of [percent, plain])
      await recordAudit({
        actor,
        unit: null,
        action: 'test.like',
        subjectType: 'user',
        subjectId: actor.id,
      })
    const inspector = await makeUser(UNITS.national, ['inspector'])
    const csv = async (actor: string) =>
      (
        await as(client.get(`/audit/export.csv?actor=${encodeURIComponent(actor)}`), inspector)
      ).text()
    const byPercent = await csv(`pct%${tag}`)
    assert.include(byPercent, percent.email)
    assert.notInclude(byPercent, plain.email)
    const byUnderscore = await csv(`pct_${tag}`)
    assert.notInclude(byUnderscore, percent.email)
    assert.notInclude(byUnderscore, plain.email)
    assert.include(await csv(`PCTX${tag}`), plain.email)
    const page = await as(client.get(`/audit?actor=${encodeURIComponent(`pct%${tag}`)}`), inspector)
    page.assertStatus(200)
    assert.include(page.text(), percent.email)
  })
})
