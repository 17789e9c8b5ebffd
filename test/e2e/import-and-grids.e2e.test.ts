// A secretary's first day at 1366×768: importing her old ledger (所在网格, bracket-matched
// grids, footer and template example left out, new grids listed before she agrees, the 导入
// button explaining itself and always on screen), then deleting a 网格 people belong to.
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { realLedgerXlsx } from '../backend/exchange/fixtures'
import { tempDir, saveJinhua, testBackend } from '../helpers/temp-backend'
import { expectCount, rows } from './register-helpers'
import { launchBrowser, startDoor, type Door } from './web-door'

let dataDir: string
let door: Door
let browser: Browser
let page: Page
const SHOTS = process.env['LIANJIAN_SHOTS']

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-first-')
  const b = testBackend(dataDir)
  await saveJinhua(b)
  await b.call('grids:create', { name: '第一网格（锦华苑）' })
  await b.call('grids:create', { name: '第二网格（金桂园）' })
  b.close()
  writeFileSync(join(dataDir, '能人台账.xlsx'), await realLedgerXlsx())
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  // The door admits a browser through a one-time address; later pages share its session.
  await page.goto(`${await door.openUrl()}#/talents`)
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/** The element lies fully inside the 1366×768 window. */
async function onScreen(selector: string): Promise<boolean> {
  const box = await page.locator(selector).boundingBox()
  return box !== null && box.y >= 0 && box.y + box.height <= 768 && box.x + box.width <= 1366
}

describe('first day at 1366×768', () => {
  it('imports a real ledger: mapping shown, footer and example left out, new grid only on her say', async () => {
    await page.locator('[data-test="exchange-menu"]').click()
    await page.locator('[data-test="exchange-import"]:visible').click()
    await page.setInputFiles(
      '[data-test="import-upload"] input[type=file]',
      join(dataDir, '能人台账.xlsx'),
    )
    const summary = page.locator('[data-test="import-summary"]')
    await summary.waitFor()
    expect(await summary.innerText()).toContain('共 4 行数据；可导入 2 行')
    expect(await page.locator('[data-test="import-grid-matches"]').innerText()).toContain(
      '「第一网格」→「第一网格（锦华苑）」',
    )
    const ignored = await page.locator('[data-test="import-ignored"]').innerText()
    expect(ignored).toContain('导入模板的示例行')
    expect(ignored).toContain('填表人：张三')
    expect(await page.locator('[data-test="import-unknown-grids"]').innerText()).toContain(
      '第五网格',
    )
    expect(await page.locator('[data-test="import-unknown-grids"]').innerText()).not.toContain(
      '第六网格',
    )
    // Disabled, and it says why; the button is on screen although the report is long.
    expect(await page.locator('[data-test="import-run"]').isDisabled()).toBe(true)
    expect(await page.locator('[data-test="import-blocked"]').innerText()).toContain(
      '勾选「跳过有问题的 2 行」',
    )
    expect(await onScreen('[data-test="import-run"]')).toBe(true)
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'import-check-1366.png') })

    await page.locator('[data-test="import-create-grids"]').click()
    await page.locator('[data-test="import-summary"]', { hasText: '可导入 3 行' }).waitFor()
    await page.locator('[data-test="import-skip-invalid"]').click()
    expect(await page.locator('[data-test="import-blocked"]').count()).toBe(0)
    expect(await onScreen('[data-test="import-run"]')).toBe(true)
    await page.locator('[data-test="import-run"]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    const result = page.locator('[data-test="import-result"]')
    await result.waitFor()
    expect(await result.innerText()).toContain('新增 3 条')
    await page.locator('.el-dialog:visible').getByRole('button', { name: '完成' }).click()
    await expectCount(page, 3)
    expect(await rows(page).allInnerTexts()).not.toContain(expect.stringContaining('李志红'))
  })

  it('deleting a 网格 people belong to says who and moves them in the same step', async () => {
    await page.goto(`${door.url}#/settings/grids`)
    const row = page.locator('[data-test="grid-table"] tr', { hasText: '第五网格' })
    await row.waitFor()
    // 第五网格 holds 万里, imported above.
    await row.locator('[data-test="grid-delete"]').click()
    const dialog = page.locator('[data-test="grid-delete-dialog"]')
    await dialog.waitFor()
    expect(await page.locator('[data-test="grid-delete-affected"]').innerText()).toBe(
      '社区能人 1 人',
    )
    expect(await page.locator('[data-test="grid-delete-confirm"]').isDisabled()).toBe(true)
    await page.locator('[data-test="grid-delete-target"] .el-select__wrapper').click()
    await page
      .locator('.el-select-dropdown:visible .el-select-dropdown__item', {
        hasText: '第二网格（金桂园）',
      })
      .click()
    if (SHOTS) await page.screenshot({ path: join(SHOTS, 'grid-delete-1366.png') })
    expect(await onScreen('[data-test="grid-delete-confirm"]')).toBe(true)
    await page.locator('[data-test="grid-delete-confirm"]').click()
    await page
      .locator('.el-message', { hasText: '已把 1 条记录移到「第二网格（金桂园）」' })
      .waitFor()
    await expect
      .poll(() => page.locator('[data-test="grid-table"]').innerText())
      .not.toContain('第五网格')

    // The moved talent shows its new 网格 in the list; nothing shows a raw id.
    await page.goto(`${door.url}#/talents`)
    const wan = rows(page).filter({ hasText: '万里' })
    await wan.waitFor()
    // The page may first show the list it had before, then the fresh one.
    await expect.poll(() => wan.innerText()).toContain('第二网格（金桂园）')

    // An empty 网格 goes after a plain confirmation.
    await page.goto(`${door.url}#/settings/grids`)
    await page.locator('[data-test="grid-add"]').click()
    await page.locator('[data-test="grid-form"] input').first().fill('临时网格')
    await page.locator('[data-test="grid-save"]').click()
    const temp = page.locator('[data-test="grid-table"] tr', { hasText: '临时网格' })
    await temp.waitFor()
    await temp.locator('[data-test="grid-delete"]').click()
    const box = page.locator('.el-message-box', { hasText: '没有登记任何人' })
    await box.waitFor()
    await box.locator('.el-button--primary').click()
    await expect
      .poll(() => page.locator('[data-test="grid-table"]').innerText())
      .not.toContain('临时网格')
  })
})
