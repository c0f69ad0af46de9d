/**
 * Issue 11, overdue trend: the head of a district sees the chart drawn (Chart.js canvas), reads the same
 * figures as a table, follows a point to the overdue list, and the page does not scroll sideways at 390 px.
 */
import { test } from '@japa/runner'
import type { Page } from 'playwright'
import db from '@adonisjs/lucid/services/db'
import type { User } from '#accounts'
import { addDays, today } from '#core'
import { takeOverdueSnapshot } from '#cases'
import { makeUser, UNITS, TEST_PASSWORD } from '#tests/helpers/factories'

async function login(page: Page, user: User) {
  await page.goto('/login')
  await page.fill('#email', user.email)
  await page.fill('#password', TEST_PASSWORD)
  await page.click('#login-submit')
  await page.waitForURL((url) => url.pathname === '/')
}

test.group('browser: overdue trend on the head dashboard', () => {
  test('chart, table of the same figures, link to the overdue list, no sideways scroll on a phone', async ({
    visit,
    assert,
  }) => {
    const head = await makeUser(UNITS.sapa, ['head'])
    const officer = await makeUser(UNITS.sapa, ['officer'])
    await db.table('case_deadlines').insert({
      case_id: 800000000 + Math.floor(Math.random() * 90000000),
      request_id: null,
      unit_id: officer.unitId,
      unit_path: officer.unit.path,
      officer_id: officer.id,
      kind: 'verification',
      anchor: 'decision',
      anchor_date: addDays(today(), -40),
      due_on: addDays(today(), -20),
      months: null,
    })
    await takeOverdueSnapshot(addDays(today(), -2))
    const page = await visit('/login')
    await page.setViewportSize({ width: 1366, height: 900 })
    await login(page, head)
    await page.assertExists('#chart-overdue-trend canvas')
    // Chart.js drew on the canvas (it sets the canvas size from the figure's width)
    const drawn = await page.evaluate<number>(
      `document.querySelector('#chart-overdue-trend canvas').width`
    )
    assert.isAbove(drawn, 0)
    const rows = await page.locator('#chart-overdue-trend tbody tr').count()
    assert.isAtLeast(rows, 2)
    const todayFigure = Number(
      (await page.locator('#overdue-today .figure').innerText()).replace(/\D/g, '')
    )
    assert.isAtLeast(todayFigure, 1)
    // a phone opens the page at its own width (a resized desktop page lets Chart.js redraw later)
    await page.setViewportSize({ width: 390, height: 844 })
    await page.reload()
    await page.waitForLoadState('load')
    await page.assertExists('#chart-overdue-trend canvas')
    assert.isTrue(
      await page.evaluate<boolean>('document.documentElement.scrollWidth <= window.innerWidth + 1')
    )
    await page.setViewportSize({ width: 1366, height: 900 })
    await page.click('#chart-overdue-trend summary')
    await page.locator('#chart-overdue-trend tbody tr:last-child a').click()
    await page.waitForURL((url) => url.pathname === '/deadlines')
    await page.assertTextContains('h2', 'quá hạn')
  })
})
