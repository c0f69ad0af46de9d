/**
 * The demo practice history as a plan: for each case, dated steps (accept, notify, verify, collect, pay out,
 * postpone, delegate…) drawn from a seeded random generator, so the same seed always gives the same data.
 * demo_cases.ts executes the plan day by day through the real actions.
 */
import { seededRandom } from '#core/random'
import { addDays } from '#core'
import { amountOf, bankName, companyName, personName } from '#database/synthetic/vocabulary'

export { amountOf, personName } from '#database/synthetic/vocabulary'

/** The shared seeded generator (app/core/random.ts). */
export const rng = seededRandom
export type Rng = ReturnType<typeof rng>

export interface DemoUnit {
  slug: string
  code: string
  courts: string[]
  place: string
  wards: string[]
  /** Share of the demo cases. */
  weight: number
  /** Codes of the units this one delegates to. */
  peers: string[]
}

export const DEMO_UNITS: DemoUnit[] = [
  {
    slug: 'hanoi',
    code: 'T01',
    courts: ['TAND thành phố Hà Nội', 'TAND cấp cao tại Hà Nội'],
    place: 'Hà Nội',
    wards: [
      'phường Hàng Bạc, quận Hoàn Kiếm',
      'phường Láng Hạ, quận Đống Đa',
      'phường Yên Hòa, quận Cầu Giấy',
    ],
    weight: 0.2,
    peers: ['T10', 'T96', 'QP-01', 'T01-CAUGIAY'],
  },
  {
    slug: 'badinh',
    code: 'T01-BADINH',
    courts: ['TAND quận Ba Đình', 'TAND thành phố Hà Nội'],
    place: 'quận Ba Đình, Hà Nội',
    wards: ['phường Đội Cấn', 'phường Kim Mã', 'phường Ngọc Hà', 'phường Liễu Giai'],
    weight: 0.22,
    peers: ['T01-CAUGIAY', 'T10-SAPA', 'T96', 'QP-01'],
  },
  {
    slug: 'caugiay',
    code: 'T01-CAUGIAY',
    courts: ['TAND quận Cầu Giấy', 'TAND thành phố Hà Nội'],
    place: 'quận Cầu Giấy, Hà Nội',
    wards: ['phường Dịch Vọng', 'phường Nghĩa Đô', 'phường Mai Dịch', 'phường Trung Hòa'],
    weight: 0.2,
    peers: ['T01-BADINH', 'T10', 'T96'],
  },
  {
    slug: 'laocai',
    code: 'T10',
    courts: ['TAND tỉnh Lào Cai'],
    place: 'tỉnh Lào Cai',
    wards: ['phường Cốc Lếu, thành phố Lào Cai', 'xã Bản Qua, huyện Bát Xát'],
    weight: 0.12,
    peers: ['T01', 'T01-BADINH', 'QP-01'],
  },
  {
    slug: 'sapa',
    code: 'T10-SAPA',
    courts: ['TAND thị xã Sa Pa', 'TAND tỉnh Lào Cai'],
    place: 'thị xã Sa Pa, Lào Cai',
    wards: ['phường Sa Pa', 'xã Tả Van', 'phường Ô Quý Hồ'],
    weight: 0.1,
    peers: ['T10', 'T01-CAUGIAY'],
  },
  {
    slug: 'camau',
    code: 'T96',
    courts: ['TAND tỉnh Cà Mau', 'TAND thành phố Cà Mau'],
    place: 'tỉnh Cà Mau',
    wards: ['phường 5, thành phố Cà Mau', 'xã Tân Thành, thành phố Cà Mau', 'thị trấn Năm Căn'],
    weight: 0.14,
    peers: ['T01', 'T01-BADINH', 'T10'],
  },
  {
    slug: 'qp01',
    code: 'QP-01',
    courts: ['Tòa án quân sự Quân khu 1'],
    place: 'Quân khu 1',
    wards: ['phường Hoàng Văn Thụ, thành phố Thái Nguyên'],
    weight: 0.02,
    peers: ['T01-BADINH', 'T01'],
  },
]

const KINDS = [
  // judgment type, number suffix, obligation description, payee, share
  ['civil', 'DS-ST', 'Trả nợ tiền vay và lãi', 'creditor', 0.3],
  ['business', 'KDTM-ST', 'Thanh toán tiền hàng theo hợp đồng mua bán', 'creditor', 0.2],
  ['criminal', 'HS-ST', 'Bồi thường thiệt hại do hành vi phạm tội', 'creditor', 0.15],
  ['criminal', 'HS-ST', 'Nộp tiền phạt sung công quỹ Nhà nước', 'state_budget', 0.1],
  ['marriage_family', 'HNGĐ-ST', 'Cấp dưỡng nuôi con và chia tài sản chung', 'creditor', 0.1],
  ['civil', 'DS-ST', 'Nộp án phí dân sự sơ thẩm', 'state_budget', 0.1],
  ['labour', 'LĐ-ST', 'Trả lương và trợ cấp thôi việc', 'creditor', 0.05],
] as const

export type Step =
  | { op: 'event'; type: string; ground?: string; amount?: number; result?: string }
  | { op: 'collect'; share: number }
  | { op: 'pay'; payee: 'creditor' | 'state_budget' }
  | { op: 'fee'; amount: number }
  | { op: 'amend'; share: number }
  | { op: 'complete' }
  | { op: 'delegate'; target: string; scope: 'full' | 'partial'; returned: boolean }
  | { op: 'withdraw' }
  | { op: 'revoke' }

export interface CasePlan {
  n: number
  unit: DemoUnit
  day: string
  officerSlot: 0 | 1 | 2
  judgment: { type: string; number: string; court: string; date: string }
  kind: 'ex_officio' | 'on_request'
  debtor: { name: string; address: string }
  creditor: { name: string; bank: boolean }
  obligation: { description: string; amount: number; payee: 'creditor' | 'state_budget' }
  steps: Array<{ day: string; step: Step }>
  id?: number
}

/** One case's plan: its acceptance and the dated steps that follow, never past `end`. */
export function planCase(r: Rng, n: number, unit: DemoUnit, day: string, end: string): CasePlan {
  const row = (() => {
    let x = r.next()
    for (const k of KINDS) if ((x -= k[4]) < 0) return k
    return KINDS[0]
  })()
  const bank = row[3] === 'creditor' && row[0] === 'civil' && r.chance(0.5)
  const year = Number(day.slice(0, 4))
  const plan: CasePlan = {
    n,
    unit,
    day,
    officerSlot: r.chance(0.15) ? 2 : r.chance(0.5) ? 0 : 1,
    judgment: {
      type: row[0],
      number: `${r.int(1, 480)}/${year}/${row[1]}`,
      court: r.pick(unit.courts),
      date: addDays(day, -r.int(20, 90)),
    },
    kind: r.chance(0.25) ? 'on_request' : 'ex_officio',
    debtor: {
      name: r.chance(0.2) ? companyName(r) : personName(r),
      address: `số ${r.int(1, 199)}, ${r.pick(unit.wards)}, ${unit.place}`,
    },
    creditor: {
      name:
        row[3] === 'state_budget'
          ? 'Ngân sách Nhà nước'
          : bank
            ? bankName(r)
            : r.chance(0.3)
              ? companyName(r)
              : personName(r),
      bank,
    },
    obligation: {
      description: row[2],
      amount: row[3] === 'state_budget' ? Math.min(amountOf(r), 400_000_000) : amountOf(r),
      payee: row[3],
    },
    steps: [],
  }
  let cursor = day
  const at = (min: number, max: number, step: Step) => {
    cursor = addDays(cursor, r.int(min, max))
    if (cursor <= end) plan.steps.push({ day: cursor, step })
  }
  const payee = plan.obligation.payee
  if (r.chance(0.85)) at(1, 8, { op: 'event', type: 'notified' })
  if (r.chance(0.75))
    at(5, 30, {
      op: 'event',
      type: 'verified',
      result: r.chance(0.8) ? 'has_conditions' : 'no_conditions',
    })
  if (r.chance(0.1)) at(1, 10, { op: 'event', type: r.pick(['security_measure', 'coercion']) })
  if (r.chance(0.04)) at(1, 20, { op: 'amend', share: r.pick([0.1, -0.1, 0.05]) })
  const x = r.next()
  const district = ['T01-BADINH', 'T01-CAUGIAY', 'T10-SAPA'].includes(unit.code)
  if (x < 0.34) {
    for (let i = r.int(0, 2); i > 0; i--) {
      at(10, 60, { op: 'collect', share: r.pick([0.2, 0.3, 0.5]) })
      if (r.chance(0.2)) at(0, 2, { op: 'fee', amount: r.int(2, 40) * 50_000 })
      at(0, 20, { op: 'pay', payee })
    }
    at(10, 90, { op: 'complete' })
    if (r.chance(0.5)) at(1, 20, { op: 'event', type: 'result_confirmed' })
    if (r.chance(0.25)) at(5, 60, { op: 'event', type: 'archived' })
  } else if (x < 0.54) {
    for (let i = r.int(1, 3); i > 0; i--) {
      at(15, 90, { op: 'collect', share: r.pick([0.1, 0.15, 0.25]) })
      if (r.chance(0.7)) at(0, 15, { op: 'pay', payee })
    }
  } else if (x < 0.67) {
    at(5, 40, {
      op: 'event',
      type: 'no_conditions',
      ground: r.pick(['44a.1.a', '44a.1.b', '44a.1.c']),
    })
    if (r.chance(0.35)) {
      at(120, 200, { op: 'event', type: 'resume' })
      at(10, 60, { op: 'collect', share: 0.3 })
      at(0, 10, { op: 'pay', payee })
    }
  } else if (x < 0.73) {
    at(5, 40, {
      op: 'event',
      type: 'postponed',
      ground: r.pick(['48.1.a', '48.1.b', '48.1.c', '48.1.d']),
    })
    if (r.chance(0.6)) at(30, 120, { op: 'event', type: 'resume' })
  } else if (x < 0.76) {
    at(5, 60, { op: 'event', type: 'suspended' })
  } else if (x < 0.82) {
    if (r.chance(0.4)) at(10, 40, { op: 'collect', share: 0.2 })
    at(10, 90, {
      op: 'event',
      type: 'terminated',
      ground: r.pick(['50.1.a', '50.1.c', '50.1.d', '50.1.g']),
    })
  } else if (x < 0.86) {
    at(10, 60, { op: 'event', type: 'reduction', amount: 0.3 })
    at(10, 60, { op: 'collect', share: 0.4 })
    at(0, 10, { op: 'pay', payee })
  } else if (x < 0.93) {
    if (r.chance(0.3)) {
      at(10, 40, { op: 'collect', share: 0.2 })
      at(0, 10, { op: 'pay', payee })
    }
    at(5, 60, {
      op: 'delegate',
      target: r.pick(unit.peers),
      scope: r.chance(0.7) ? 'full' : 'partial',
      returned: r.chance(0.1),
    })
  } else if (x < 0.96 && district) {
    at(10, 90, { op: 'withdraw' })
  } else if (x < 0.98) {
    at(3, 40, { op: 'revoke' })
  }
  return plan
}
