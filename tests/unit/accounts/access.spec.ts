import { test } from '@japa/runner'
import { makeUser, unitByCode, UNITS } from '#tests/helpers/factories'
import {
  ROLES,
  reaches,
  reachPrefix,
  grantableRoles,
  passwordPolicyFailures,
  managesUnits,
} from '#accounts'
import { toCsv } from '#core'

test.group('access rules', () => {
  test('a role reaches its holder unit and everything below, nothing beside or above', async ({
    assert,
  }) => {
    const head = await makeUser(UNITS.hanoi, ['head'])
    assert.isTrue(reaches(head, await unitByCode(UNITS.hanoi), ['head']))
    assert.isTrue(reaches(head, await unitByCode(UNITS.badinh), ['head']))
    assert.isFalse(reaches(head, await unitByCode(UNITS.laocai), ['head']))
    assert.isFalse(reaches(head, await unitByCode(UNITS.national), ['head']))
    assert.isFalse(
      reaches(head, await unitByCode(UNITS.badinh), ['admin']),
      'a role the user lacks reaches nothing'
    )
  })

  test('an inspector reaches the whole country wherever it sits', async ({ assert }) => {
    const inspector = await makeUser(UNITS.national, ['inspector'])
    assert.equal(reachPrefix(inspector, ['inspector']), '/')
    assert.isTrue(reaches(inspector, await unitByCode(UNITS.sapa), ['inspector']))
  })

  test('path prefixes do not confuse /1/2/ with /1/23/', async ({ assert }) => {
    const admin = await makeUser(UNITS.hanoi, ['admin'])
    const fake = { path: admin.unit.path.replace(/\/$/, '9/') }
    assert.isFalse(reaches(admin, fake, ['admin']))
  })

  test('grantable roles never exceed the admin reach', async ({ assert }) => {
    const national = await makeUser(UNITS.national, ['admin'])
    const province = await makeUser(UNITS.hanoi, ['admin'])
    const nationalUnit = await unitByCode(UNITS.national)
    const badinh = await unitByCode(UNITS.badinh)
    assert.include(grantableRoles(national, nationalUnit, ROLES), 'inspector')
    assert.notInclude(grantableRoles(national, badinh, ROLES), 'inspector')
    assert.notInclude(grantableRoles(province, badinh, ROLES), 'inspector')
    assert.include(grantableRoles(province, badinh, ROLES), 'head')
    assert.deepEqual(grantableRoles(province, await unitByCode(UNITS.laocai), ROLES), [])
    assert.deepEqual(grantableRoles(province, nationalUnit, ROLES), [])
  })

  test('only the national admin maintains the unit tree', async ({ assert }) => {
    assert.isTrue(managesUnits(await makeUser(UNITS.national, ['admin'])))
    assert.isFalse(managesUnits(await makeUser(UNITS.hanoi, ['admin'])))
    assert.isFalse(managesUnits(await makeUser(UNITS.national, ['head'])))
  })
})

test.group('password policy', () => {
  test('policy verdict for "{password}"')
    .with([
      { password: 'Abcdef@1', fails: [] },
      { password: 'Đổi@mậtKhẩu', fails: [] },
      { password: 'Ab@1', fails: ['password_length'] },
      { password: 'abcdefg@', fails: ['password_upper'] },
      { password: 'ABCDEFG@', fails: ['password_lower'] },
      { password: 'Abcdefgh', fails: ['password_special'] },
      { password: 'abc', fails: ['password_length', 'password_upper', 'password_special'] },
    ])
    .run(({ assert }, row) => {
      assert.deepEqual(passwordPolicyFailures(row.password), row.fails)
    })
})

test.group('csv', () => {
  test('quotes separators, keeps Vietnamese, and defuses formulas', ({ assert }) => {
    const csv = toCsv(
      ['a', 'b'],
      [
        ['Hà Nội, Việt Nam', '=SUM(A1)'],
        [-5, null],
      ]
    )
    assert.equal(csv, '\uFEFFa,b\r\n"Hà Nội, Việt Nam",\'=SUM(A1)\r\n-5,\r\n')
  })
})
