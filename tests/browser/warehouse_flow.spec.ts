import { test } from '@japa/runner'
import type { Page } from 'playwright'
import db from '@adonisjs/lucid/services/db'
import { today } from '#core'
import type { User } from '#accounts'
import { CreateJudgment, SaveDraftDecision, ApproveDecision } from '#cases'
import { makeProvinceTree } from '#database/synthetic/fixtures'
import { makeUser, TEST_PASSWORD } from '#tests/helpers/factories'

async function login(page: Page, user: User) {
  await page.goto('/login')
  await page.fill('#email', user.email)
  await page.fill('#password', TEST_PASSWORD)
  await page.click('#login-submit')
  await page.waitForURL((url) => url.pathname === '/')
}

async function logout(page: Page) {
  await page.click('#logout')
  await page.waitForURL('**/login')
}

/** A fresh district with its staff and one case assigned to the officer, dated today (real clock). */
async function districtWithCase() {
  const { districts } = await makeProvinceTree(1)
  const code = districts[0].code
  const [clerk, head, officer, keeper] = await Promise.all([
    makeUser(code, ['intake_clerk']),
    makeUser(code, ['head']),
    makeUser(code, ['officer']),
    makeUser(code, ['warehouse_keeper']),
  ])
  const day = today()
  const judgment = await new CreateJudgment().handle(clerk, {
    number: `${Date.now() % 100000}/2026/HS-ST`,
    judgmentDate: day,
    court: 'TAND huyện thử nghiệm',
    type: 'criminal',
    receivedOn: day,
  })
  const draft = await new SaveDraftDecision().handle(clerk, {
    kind: 'ex_officio',
    judgmentId: judgment.id,
    parties: [{ role: 'debtor', name: 'Lê Văn Bị' }],
    obligations: [{ kind: 'non_money', description: 'Xử lý vật chứng theo bản án' }],
    submit: true,
  })
  const c = await new ApproveDecision().handle(head, draft.id, {
    decisionDate: day,
    officerId: officer.id,
  })
  return { head, officer, keeper, c }
}

test.group('browser: an exhibit from proposal to destruction', () => {
  test('officer registers and proposes, head signs, keeper takes it in, counts it, and it is destroyed', async ({
    visit,
    assert,
  }) => {
    const { head, officer, keeper, c } = await districtWithCase()
    const page = await visit('/login')

    // Officer: registers the item of its case and proposes the intake.
    await login(page, officer)
    await page.click('a[data-nav="warehouse.exhibits.index"]')
    await page.click('#new-exhibit')
    await page.selectOption('select[name="category"]', 'dangerous')
    await page.fill('input[name="case_id"]', String(c.id))
    await page.fill('input[name="description"]', 'Bình gas mini nhập lậu')
    await page.fill('input[name="declared_quantity"]', '40')
    await page.fill('input[name="measure"]', 'bình')
    await page.fill('input[name="source_body"]', 'Đội Quản lý thị trường số 1')
    await page.fill('input[name="seizure_record"]', 'BB tạm giữ số 3/BB-QLTT')
    await page.click('#exhibit-submit')
    await page.waitForURL(/\/warehouse\/exhibits\/\d+$/)
    const itemUrl = new URL(page.url()).pathname
    await page.assertTextContains('#exhibit-status', 'Chờ nhập kho')
    await page.selectOption('#propose-order select[name="kind"]', 'intake')
    await page.fill('#propose-order input[name="reason"]', 'Nhập kho theo quyết định chuyển giao')
    await page.click('#order-propose')
    await page.waitForURL(/\/warehouse\/orders\/\d+$/)
    const intakeUrl = new URL(page.url()).pathname
    await page.assertTextContains('#order-status', 'Chờ Thủ trưởng ký')
    await logout(page)

    // Head: the dashboard shows the order waiting; signs it.
    await login(page, head)
    await page.assertTextContains('#wh-to-sign', '1')
    await page.goto(intakeUrl)
    await page.fill('#order-decision input[name="order_number"]', '01/LNK')
    await page.click('#order-sign')
    await page.waitForURL(intakeUrl)
    await page.assertTextContains('#order-status', 'Đã ký, chờ thực hiện')
    await logout(page)

    // Keeper: its menu shows the warehouse; executes the intake.
    await login(page, keeper)
    await page.assertTextContains('#wh-to-execute', '1')
    await page.goto(intakeUrl)
    await page.fill('#order-execution input[name="document_number"]', 'BBGN-01')
    await page.fill('#order-execution input[name="handed_by"]', 'Đội QLTT số 1')
    await page.fill('#order-execution input[name="received_by"]', keeper.fullName)
    await page.fill('#order-execution input[name="location"]', 'Khu nguy hiểm, ô 2')
    await page.click('#order-execute')
    await page.waitForURL(intakeUrl)
    await page.assertTextContains('#order-status', 'Đã thực hiện')
    await page.goto(itemUrl)
    await page.assertTextContains('#exhibit-held', '40')

    // Keeper: quarterly stock-take, two short with an explanation.
    await page.click('a[data-nav="warehouse.stocktakes.index"]')
    await page.click('#new-stocktake')
    const line = page.locator('#stocktake-lines tr', { hasText: 'Bình gas mini nhập lậu' })
    await line.locator('input[name^="counted_"]').fill('38')
    await page.click('#stocktake-submit')
    // Without an explanation the count is refused and nothing is stored.
    await page.assertTextContains('.flash-error', 'phải giải trình')
    assert.equal(
      Number(
        (await db.from('stocktakes').where('created_by_id', keeper.id).count('* as n').first())!.n
      ),
      0
    )
    await line.locator('input[name^="counted_"]').fill('38')
    await line.locator('input[name^="explanation_"]').fill('Hai bình rò rỉ, đã lập biên bản')
    await page.click('#stocktake-submit')
    await page.waitForURL(/\/warehouse\/stocktakes\/\d+$/)
    const stocktakeUrl = new URL(page.url()).pathname
    await logout(page)

    await login(page, head)
    await page.goto(stocktakeUrl)
    await page.click('#stocktake-approve')
    await page.waitForURL(stocktakeUrl)
    await page.assertTextContains('#stocktake-status', 'Đã duyệt')
    await logout(page)

    // Officer proposes the destruction of what is left; head signs; keeper executes with the council.
    await login(page, officer)
    await page.goto(itemUrl)
    await page.assertTextContains('#exhibit-held', '38')
    await page.click('#propose-order summary')
    await page.selectOption('#propose-order select[name="kind"]', 'destruction')
    await page.fill('#propose-order input[name="quantity"]', '38')
    await page.fill('#propose-order input[name="reason"]', 'Tiêu hủy theo bản án')
    await page.click('#order-propose')
    await page.waitForURL(/\/warehouse\/orders\/\d+$/)
    const destructionUrl = new URL(page.url()).pathname
    await logout(page)

    await login(page, head)
    await page.goto(destructionUrl)
    await page.click('#order-sign')
    await page.waitForURL(destructionUrl)
    await logout(page)

    await login(page, keeper)
    await page.goto(destructionUrl)
    await page.fill('#order-execution input[name="document_number"]', 'BBTH-01')
    await page.fill(
      '#order-execution textarea[name="members"]',
      'Thủ trưởng (Chủ tịch hội đồng)\nĐại diện Phòng Tài chính\nĐại diện Công an'
    )
    await page.fill('#order-execution input[name="result"]', 'Đã tiêu hủy toàn bộ')
    await page.click('#order-execute')
    await page.waitForURL(destructionUrl)
    await page.assertTextContains('#order-council', 'Đại diện Phòng Tài chính')
    await page.goto(itemUrl)
    await page.assertTextContains('#exhibit-status', 'Đã xử lý xong')
    await page.assertExists('#exhibit-history tr[data-movement="intake"]')
    await page.assertExists('#exhibit-history tr[data-movement="stocktake_adjustment"]')
    await page.assertExists('#exhibit-history tr[data-movement="destruction"]')

    // Label with its QR code and the stock card print.
    await page.click('#exhibit-label')
    await page.assertExists('#label-qr')
    const qr = await page.getAttribute('#label-qr', 'src')
    assert.match(qr!, /^data:image\/svg\+xml;base64,/)
    assert.isTrue((await page.getAttribute('#label-qr', 'data-url'))!.endsWith(itemUrl))
    await page.goto(`${itemUrl}/card`)
    await page.assertTextContains('#card-movements', 'BBTH-01')
  })
})
