/**
 * Test data builders. Every test creates its own users (unique e-mails), so tests never depend on each
 * other's order; the reference unit tree is seeded once per run by tests/bootstrap.ts.
 */
import { randomUUID } from 'node:crypto'
import type { ApiRequest } from '@japa/api-client'
import { User, Unit, type Role } from '#accounts'
import { SESSION_EPOCH_KEY } from '#middleware/auth_middleware'

export const TEST_PASSWORD = 'Test@2026x'

/** Well-known units of the reference seed. */
export const UNITS = {
  national: 'TC',
  hanoi: 'T01',
  badinh: 'T01-BADINH',
  caugiay: 'T01-CAUGIAY',
  laocai: 'T10',
  sapa: 'T10-SAPA',
  camau: 'T96',
} as const

export async function unitByCode(code: string): Promise<Unit> {
  return Unit.findByOrFail('code', code)
}

export async function makeUser(
  unitCode: string,
  roles: Role[],
  overrides: Partial<{
    email: string
    mustChangePassword: boolean
    status: 'active' | 'revoked'
    password: string
  }> = {}
): Promise<User> {
  const unit = await unitByCode(unitCode)
  const user = await User.create({
    email: overrides.email ?? `${roles[0] ?? 'user'}-${randomUUID().slice(0, 8)}@test.thads`,
    fullName: `Test ${roles.join('+')} ${unit.code}`,
    unitId: unit.id,
    password: overrides.password ?? TEST_PASSWORD,
    status: overrides.status ?? 'active',
    mustChangePassword: overrides.mustChangePassword ?? false,
    sessionEpoch: 1,
  })
  if (roles.length) await user.related('roles').createMany(roles.map((role) => ({ role })))
  await user.load('roles')
  await user.load('unit')
  return user
}

/** Signs the request in as `user` the way the login page does (session guard + session epoch). */
export function as(request: ApiRequest, user: User): ApiRequest {
  return request.withSession({ [SESSION_EPOCH_KEY]: user.sessionEpoch }).loginAs(user)
}
