import { test } from '@japa/runner'
import { randomUUID } from 'node:crypto'
import { makeUser, as, UNITS } from '#tests/helpers/factories'
import { User } from '#accounts'
import { sortVi, viSortKey } from '#core'
import db from '@adonisjs/lucid/services/db'

const GIVEN = [
  'Bắc',
  'Ba',
  'Bà',
  'Bá',
  'An',
  'Ân',
  'Âu',
  'Đào',
  'Dương',
  'Duy',
  'Ô',
  'Ơn',
  'Ong',
  'Ưng',
  'Uông',
  'Yến',
  'Xuân',
  'Vũ',
  'Trần',
  'Thái',
  'Sơn',
  'Quang',
  'Phạm',
  'Nhật',
  'Mỹ',
  'Lò',
  'Khải',
]

/** The full names in the order the page lists them (the link text of each row's first cell). */
function listedNames(html: string, tag: string): string[] {
  return [...html.matchAll(/<td><a href="\/users\/\d+">([^<]+)<\/a><\/td>/g)]
    .map((m) => m[1])
    .filter((n) => n.includes(tag))
}

test.group('users list in Vietnamese alphabetical order', () => {
  test('the list pages accounts in Vietnamese order of the full name (stored key, 25 a page)', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.hanoi, ['admin'])
    const tag = `qz${randomUUID()
      .replace(/[^a-f]/g, '')
      .slice(0, 6)}`
    const names = GIVEN.map((g) => `${g} ${tag}`)
    for (const name of names) {
      const u = await makeUser(UNITS.badinh, ['officer'])
      u.fullName = name
      await u.save()
    }
    const expected = sortVi(names, (n) => n)
    const page1 = await as(client.get(`/users?q=${tag}`), admin)
    page1.assertStatus(200)
    const page2 = await as(client.get(`/users?q=${tag}&page=2`), admin)
    page2.assertStatus(200)
    const first = listedNames(page1.text(), tag)
    const second = listedNames(page2.text(), tag)
    assert.lengthOf(first, 25)
    assert.deepEqual([...first, ...second], expected)
    assert.deepEqual(first.slice(0, 4), [`An ${tag}`, `Ân ${tag}`, `Âu ${tag}`, `Ba ${tag}`])
  })

  test('the key is kept on every save of the name (create and the admin edit form)', async ({
    client,
    assert,
  }) => {
    const admin = await makeUser(UNITS.hanoi, ['admin'])
    const target = await makeUser(UNITS.badinh, ['officer'])
    const row = await db.from('users').where('id', target.id).first()
    assert.equal(row.name_key, viSortKey(target.fullName))
    const response = await as(
      client
        .put(`/users/${target.id}`)
        .form({ 'full_name': 'Đặng Thị Ánh', 'unit_id': target.unitId, 'roles[]': 'officer' })
        .withCsrfToken()
        .redirects(0),
      admin
    )
    response.assertStatus(302)
    const after = await User.findOrFail(target.id)
    assert.equal(after.fullName, 'Đặng Thị Ánh')
    assert.equal(
      (await db.from('users').where('id', target.id).first()).name_key,
      viSortKey('Đặng Thị Ánh')
    )
  })
})
