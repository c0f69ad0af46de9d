/**
 * Demo evidence warehouse (issue 8, item 7): for the demo units, items of every category (some linked to the
 * demo cases), their intake and every kind of outflow, a temporary extraction and its return, a transfer, a
 * stock-take with an explained difference, and orders still waiting — written THROUGH THE REAL ACTIONS with the
 * clock pinned to each day (as demo_cases does), so every write is a same-day write in an open month.
 * Runs only from the seed process (thads:prepare), only when no exhibit exists, deterministically.
 */
import db from '@adonisjs/lucid/services/db'
import { addDays, setToday, today } from '#core'
import { User } from '#accounts'
import {
  ApproveStocktake,
  ExecuteOrder,
  ProposeOrder,
  RecordStocktake,
  RegisterExhibit,
  SignOrder,
  quarterEnd,
  type Category,
  type ExecutionInput,
  type OrderKind,
} from '#warehouse'

const UNITS = [
  { slug: 'badinh', police: 'Cơ quan CSĐT Công an quận Ba Đình', place: 'Hà Nội' },
  { slug: 'sapa', police: 'Cơ quan CSĐT Công an thị xã Sa Pa', place: 'Sa Pa' },
  { slug: 'hanoi', police: 'Cơ quan CSĐT Công an thành phố Hà Nội', place: 'Hà Nội' },
]

interface ItemPlan {
  category: Category
  description: string
  measure: string
  quantity: number
  outside?: { location: string; custodian: string }
  condition: string
}

const ITEMS: ItemPlan[] = [
  {
    category: 'money',
    description: 'Tiền Việt Nam thu giữ của bị cáo',
    measure: 'đồng',
    quantity: 85_000_000,
    condition: 'Niêm phong trong phong bì',
  },
  {
    category: 'valuable_papers',
    description: 'Sổ tiết kiệm Ngân hàng Agribank',
    measure: 'cuốn',
    quantity: 2,
    condition: 'Còn nguyên',
  },
  {
    category: 'gold_gems',
    description: 'Nhẫn vàng 9999, 1 chỉ/chiếc (gửi Kho bạc Nhà nước)',
    measure: 'chiếc',
    quantity: 6,
    condition: 'Niêm phong, gửi Kho bạc',
  },
  {
    category: 'vehicle',
    description: 'Xe mô tô Honda Wave Alpha',
    measure: 'chiếc',
    quantity: 3,
    condition: 'Đã qua sử dụng, trầy xước',
  },
  {
    category: 'goods',
    description: 'Điện thoại di động các loại',
    measure: 'chiếc',
    quantity: 12,
    condition: 'Đã qua sử dụng',
  },
  {
    category: 'perishable',
    description: 'Thuốc lá điếu nhập lậu',
    measure: 'bao',
    quantity: 500,
    condition: 'Dễ ẩm mốc',
  },
  {
    category: 'dangerous',
    description: 'Pháo nổ tự chế',
    measure: 'kg',
    quantity: 15,
    condition: 'Hàng nguy hiểm, để khu riêng',
  },
  {
    category: 'documents',
    description: 'Hợp đồng, chứng từ kế toán bản gốc',
    measure: 'bộ',
    quantity: 4,
    condition: 'Đóng dấu giáp lai',
  },
  {
    category: 'immovable',
    description: 'Máy xúc bánh xích Komatsu',
    measure: 'chiếc',
    quantity: 1,
    condition: 'Không di chuyển được',
    outside: { location: 'Bãi xe Công an huyện', custodian: 'Ông Nguyễn Văn Trông' },
  },
]

async function account(email: string): Promise<User | null> {
  const user = await User.findBy('email', email)
  if (!user) return null
  await user.load('roles')
  await user.load('unit')
  return user
}

export interface DemoWarehouseOptions {
  /** Last day of the history (default: today). */
  end?: string
  /** The clock to put back afterwards (tests pin one); default: the real clock. */
  restoreToday?: string | null
  /** Tests: seed even when exhibits exist (a shared test database). */
  force?: boolean
}

export async function seedDemoWarehouse(options: DemoWarehouseOptions = {}) {
  const existing = await db.from('exhibits').count('* as n').first()
  if (Number(existing?.n ?? 0) > 0 && !options.force) return null
  const end = options.end ?? today()
  const stats = { items: 0, movements: 0, stocktakes: 0 }
  try {
    for (const place of UNITS) {
      const keeper = await account(`warehouse.${place.slug}@thads.demo`)
      const head = await account(`head.${place.slug}@thads.demo`)
      if (!keeper || !head) continue
      const on = async <T>(day: string, work: () => Promise<T>) => {
        setToday(day)
        return work()
      }
      const move = async (
        exhibitId: number,
        kind: OrderKind,
        quantity: number,
        day: string,
        extra: Partial<ExecutionInput> = {}
      ) =>
        on(day, async () => {
          const order = await new ProposeOrder().handle(keeper, exhibitId, {
            kind,
            quantity,
            reason: REASONS[kind],
          })
          await new SignOrder().handle(head, order.id)
          await new ExecuteOrder().handle(keeper, order.id, {
            documentNumber: `${PREFIX[kind]}-${order.id}/${day.slice(0, 4)}`,
            movementDate: day,
            handedBy: kind === 'intake' ? place.police : keeper.fullName,
            receivedBy: kind === 'intake' ? keeper.fullName : (RECEIVERS[kind] ?? keeper.fullName),
            locationKind: 'warehouse',
            location: 'Khu A, giá 1',
            ...extra,
          })
          stats.movements++
        })

      // Items received about fourteen months ago, some linked to the unit's demo cases.
      const start = addDays(end, -430)
      const cases = await db
        .from('cases')
        .where('unit_id', keeper.unitId)
        .where('draft_status', 'approved')
        .where('decision_date', '<=', start)
        .orderBy('id')
        .limit(4)
        .select('id')
      const ids: Record<string, number> = {}
      for (const [i, item] of ITEMS.entries()) {
        const day = addDays(start, i)
        const e = await on(day, () =>
          new RegisterExhibit().handle(keeper, {
            category: item.category,
            description: item.description,
            measure: item.measure,
            declaredQuantity: item.quantity,
            condition: item.condition,
            sealNumber: `NP-${place.slug.toUpperCase()}-${String(i + 1).padStart(3, '0')}`,
            sourceBody: place.police,
            seizureRecord: `Biên bản thu giữ số ${10 + i}/BB-CSĐT`,
            seizedOn: addDays(day, -3),
            caseId: cases[i % 5]?.id ?? null,
            locationKind: item.outside ? 'outside' : 'warehouse',
            location: item.outside?.location ?? null,
            custodian: item.outside?.custodian ?? null,
          })
        )
        stats.items++
        ids[item.category] = e.id
        await move(e.id, 'intake', item.quantity, day, {
          locationKind: item.outside ? 'outside' : 'warehouse',
          location:
            item.outside?.location ?? `Khu ${String.fromCharCode(65 + (i % 3))}, giá ${i + 1}`,
          custodian: item.outside?.custodian ?? null,
        })
      }
      // Every outflow, partial quantities, a temporary extraction and its return, a transfer.
      await move(ids.goods, 'return_owner', 4, addDays(end, -300), {
        result: 'Chủ sở hữu đã nhận đủ, ký biên bản',
      })
      await move(ids.money, 'to_finance', 85_000_000, addDays(end, -290), {
        result: 'Nộp ngân sách nhà nước',
      })
      await move(ids.vehicle, 'auction', 2, addDays(end, -250), {
        proceeds: 24_500_000,
        result: 'Đấu giá thành',
      })
      await move(ids.documents, 'extraction', 1, addDays(end, -200), {
        receivedBy: 'Tòa án nhân dân cấp phúc thẩm',
      })
      await move(ids.documents, 'extraction_return', 1, addDays(end, -170), {
        handedBy: 'Tòa án nhân dân cấp phúc thẩm',
      })
      await move(ids.goods, 'transfer', 8, addDays(end, -150), { location: 'Khu C, giá 4' })
      await move(ids.dangerous, 'destruction', 15, addDays(end, -120), {
        members: [
          'Thủ trưởng cơ quan THADS (Chủ tịch)',
          'Đại diện Phòng Tài chính',
          'Đại diện Công an',
          'Thủ kho',
        ],
        result: 'Đã tiêu hủy toàn bộ bằng phương pháp chuyên dụng',
      })
      // A stock-take at the last quarter end before today, with one explained difference.
      const quarter = quarterEnd(addDays(end, -95))
      await on(quarter, async () => {
        const held = await db
          .from('exhibits')
          .where('unit_id', keeper.unitId)
          .where('status', 'in_custody')
          .select('id', 'category', 'quantity_held')
        const lines: Record<number, { counted: number; explanation?: string }> = {}
        for (const row of held) {
          const short = row.category === 'perishable'
          lines[Number(row.id)] = {
            counted: Number(row.quantity_held) - (short ? 20 : 0),
            explanation: short ? '20 bao bị ẩm mốc hư hỏng, đã lập biên bản' : undefined,
          }
        }
        const kind =
          quarter.slice(5, 7) === '12'
            ? 'yearly'
            : quarter.slice(5, 7) === '06'
              ? 'half_year'
              : 'quarterly'
        const st = await new RecordStocktake().handle(keeper, {
          kind,
          countDate: quarter,
          members: `${keeper.fullName}\nKế toán đơn vị`,
          lines,
        })
        await new ApproveStocktake().handle(head, st.id)
        stats.stocktakes++
      })
      // Waiting today: an intake to sign, and a signed extraction to execute.
      await on(end, async () => {
        const fresh = await new RegisterExhibit().handle(keeper, {
          category: 'goods',
          description: 'Máy tính xách tay Dell',
          measure: 'chiếc',
          declaredQuantity: 2,
          sourceBody: place.police,
          seizureRecord: 'Biên bản thu giữ số 99/BB-CSĐT',
          seizedOn: addDays(end, -2),
          locationKind: 'warehouse',
        })
        stats.items++
        await new ProposeOrder().handle(keeper, fresh.id, {
          kind: 'intake',
          quantity: 2,
          reason: REASONS.intake,
        })
        const out = await new ProposeOrder().handle(keeper, ids.gold_gems, {
          kind: 'extraction',
          quantity: 1,
          reason: 'Trưng cầu giám định theo yêu cầu của Tòa án',
        })
        await new SignOrder().handle(head, out.id)
      })
    }
  } finally {
    setToday(options.restoreToday ?? null)
  }
  return stats
}

const REASONS: Record<OrderKind, string> = {
  intake: 'Nhập kho theo quyết định chuyển giao vật chứng',
  return_owner: 'Trả lại tài sản cho chủ sở hữu theo bản án',
  to_finance: 'Giao cơ quan tài chính để nộp ngân sách theo bản án',
  destruction: 'Tiêu hủy vật chứng theo bản án',
  auction: 'Bán đấu giá theo quyết định của Thủ trưởng',
  extraction: 'Xuất tạm thời phục vụ xét xử phúc thẩm',
  extraction_return: 'Nhập lại sau khi phục vụ xét xử',
  transfer: 'Sắp xếp lại nơi bảo quản',
}
const PREFIX: Record<OrderKind, string> = {
  intake: 'BBGN',
  return_owner: 'BBTL',
  to_finance: 'BBGTC',
  destruction: 'BBTH',
  auction: 'BBDG',
  extraction: 'BBXT',
  extraction_return: 'BBNL',
  transfer: 'BBDC',
}
const RECEIVERS: Partial<Record<OrderKind, string>> = {
  return_owner: 'Ông Trần Văn Chủ (chủ sở hữu)',
  to_finance: 'Phòng Tài chính - Kế hoạch',
  auction: 'Công ty đấu giá hợp danh Việt Nam',
  extraction: 'Tòa án nhân dân cấp phúc thẩm',
}
