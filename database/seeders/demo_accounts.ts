import db from '@adonisjs/lucid/services/db'
import hash from '@adonisjs/core/services/hash'
import { viSortKey } from '#core'
import type { Role } from '#accounts'

/** Demo seed only (refused in production): one account per role at national, province and district level. */
export const DEMO_PASSWORD = 'Demo@2026'

interface DemoAccount {
  email: string
  fullName: string
  unitCode: string
  roles: Role[]
}

const ALL_LOCAL: [string, Role[], string][] = [
  ['admin', ['admin'], 'Quản trị viên'],
  ['head', ['head'], 'Thủ trưởng'],
  ['officer', ['officer'], 'Chấp hành viên'],
  ['officer2', ['officer'], 'Chấp hành viên 2'],
  ['clerk', ['intake_clerk'], 'Công chức thụ lý'],
  ['statistician', ['statistician'], 'Công chức thống kê'],
  ['warehouse', ['warehouse_keeper'], 'Thủ kho'],
]

const PLACES: { slug: string; unitCode: string; label: string }[] = [
  { slug: 'hanoi', unitCode: 'T01', label: 'Cục THADS Hà Nội' },
  { slug: 'badinh', unitCode: 'T01-BADINH', label: 'Chi cục Ba Đình' },
  { slug: 'caugiay', unitCode: 'T01-CAUGIAY', label: 'Chi cục Cầu Giấy' },
  { slug: 'laocai', unitCode: 'T10', label: 'Cục THADS Lào Cai' },
  { slug: 'sapa', unitCode: 'T10-SAPA', label: 'Chi cục Sa Pa' },
  { slug: 'camau', unitCode: 'T96', label: 'Cục THADS Cà Mau' },
]

const PEOPLE = [
  'Nguyễn Văn An',
  'Trần Thị Bình',
  'Lê Văn Cường',
  'Phạm Thị Dung',
  'Hoàng Văn Em',
  'Vũ Thị Giang',
  'Đặng Văn Hùng',
]

/**
 * A person's name for demo account k: the name alone (the signature line of official forms prints it; the
 * unit is printed elsewhere), different in every unit.
 */
const SURNAMES = [
  'Nguyễn',
  'Trần',
  'Lê',
  'Phạm',
  'Hoàng',
  'Vũ',
  'Đặng',
  'Bùi',
  'Đỗ',
  'Hồ',
  'Ngô',
  'Dương',
]
const MIDDLES = ['Văn', 'Thị', 'Minh', 'Thu', 'Quốc', 'Thanh']
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Em',
  'Giang',
  'Hùng',
  'Khánh',
  'Lan',
  'Mai',
  'Nam',
  'Oanh',
  'Phúc',
  'Quân',
  'Sơn',
  'Tâm',
  'Uyên',
  'Vinh',
  'Xuân',
  'Yến',
  'Hà',
  'Hải',
  'Hạnh',
  'Hiếu',
  'Hòa',
  'Huệ',
  'Kiên',
  'Linh',
  'Long',
  'Ngọc',
  'Nhung',
  'Phương',
  'Quyên',
  'Thảo',
  'Trung',
  'Tuấn',
  'Việt',
  'Thủy',
  'Trang',
  'Đức',
  'Đạt',
  'Hương',
]
const personName = (k: number) =>
  k < PEOPLE.length
    ? PEOPLE[k]
    : `${SURNAMES[k % SURNAMES.length]} ${MIDDLES[k % MIDDLES.length]} ${GIVEN[k % GIVEN.length]}`

export function demoAccounts(): DemoAccount[] {
  const accounts: DemoAccount[] = [
    { email: 'admin@thads.demo', fullName: personName(50), unitCode: 'TC', roles: ['admin'] },
    { email: 'head@thads.demo', fullName: personName(51), unitCode: 'TC', roles: ['head'] },
    {
      email: 'inspector@thads.demo',
      fullName: personName(52),
      unitCode: 'TC',
      roles: ['inspector'],
    },
    {
      email: 'statistician@thads.demo',
      fullName: personName(53),
      unitCode: 'TC',
      roles: ['statistician'],
    },
  ]
  PLACES.forEach((place, p) => {
    ALL_LOCAL.forEach(([prefix, roles], i) => {
      accounts.push({
        email: `${prefix}.${place.slug}@thads.demo`,
        fullName: personName(p * ALL_LOCAL.length + i),
        unitCode: place.unitCode,
        roles,
      })
    })
  })
  return accounts
}

export async function seedDemoAccounts(): Promise<DemoAccount[]> {
  const accounts = demoAccounts()
  const password = await hash.make(DEMO_PASSWORD)
  const now = new Date().toISOString().slice(0, 19).replace('T', ' ')
  await db.transaction(async (trx) => {
    for (const account of accounts) {
      if (await trx.from('users').where('email', account.email).first()) continue
      const unit = await trx.from('units').where('code', account.unitCode).firstOrFail()
      const [id] = await trx
        .insertQuery()
        .table('users')
        .insert({
          email: account.email,
          full_name: account.fullName,
          name_key: viSortKey(account.fullName),
          unit_id: unit.id,
          password,
          status: 'active',
          must_change_password: false,
          session_epoch: 1,
          password_changed_at: now,
          created_at: now,
          updated_at: now,
        })
      await trx
        .insertQuery()
        .table('user_roles')
        .multiInsert(account.roles.map((role) => ({ user_id: Number(id), role, created_at: now })))
    }
  })
  return accounts
}
