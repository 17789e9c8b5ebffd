// Excel in and out through the real UI in Chromium: import a messy ledger (report first,
// nothing written until asked), then export the roster and read the downloaded file.
import ExcelJS from 'exceljs'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { messyTalentsXlsx } from '../backend/exchange/fixtures'
import { tempDir, saveJinhua, testBackend } from '../helpers/temp-backend'
import { count, expectCount } from './register-helpers'
import { launchBrowser, startDoor, type Door } from './web-door'

let dataDir: string
let door: Door
let browser: Browser
let page: Page

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-ex-')
  const b = testBackend(dataDir)
  await saveJinhua(b)
  b.close()
  writeFileSync(join(dataDir, 'messy.xlsx'), await messyTalentsXlsx())
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 900 }, acceptDownloads: true })
  // A fresh browser gets in through a one-time start-up address, as a user does.
  await page.goto(`${await door.openUrl()}#/talents`)
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function openMenu(item: 'exchange-export' | 'exchange-import') {
  await page.locator('[data-test="exchange-menu"]').click()
  await page.locator(`[data-test="${item}"]:visible`).click()
}

describe('Excel import and export in the browser', () => {
  it('a messy ledger is checked row by row, the grids it names created, good rows imported', async () => {
    await openMenu('exchange-import')
    await page.setInputFiles(
      '[data-test="import-upload"] input[type=file]',
      join(dataDir, 'messy.xlsx'),
    )
    const summary = page.locator('[data-test="import-summary"]')
    await summary.waitFor()
    expect(await summary.innerText()).toContain('表头在第 4 行，共 8 行数据；可导入 0 行')
    const report = await page.locator('[data-test="import-report"]').innerText()
    expect(report).toContain('身份证号显示成了科学计数法')
    expect(report).toContain('与第 5 行重复')
    expect(await count(page)).toBe(0) // checking wrote nothing

    await page.locator('[data-test="import-create-grids"]').click()
    await page.locator('[data-test="import-summary"]', { hasText: '可导入 3 行' }).waitFor()
    expect(await page.locator('[data-test="import-run"]').isDisabled()).toBe(true)
    await page.locator('[data-test="import-skip-invalid"]').click()
    await page.locator('[data-test="import-run"]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    const result = page.locator('[data-test="import-result"]')
    await result.waitFor()
    expect(await result.innerText()).toContain('新增 3 条')
    await page.locator('.el-dialog:visible').getByRole('button', { name: '完成' }).click()
    await expectCount(page, 3)
  })

  it('exports the roster masked by default, as a real .xlsx with the street layout', async () => {
    await openMenu('exchange-export')
    await page.locator('[data-test="export-columns"] .column').first().waitFor()
    const download = page.waitForEvent('download')
    await page.locator('[data-test="export-run"]').click()
    const file = join(dataDir, 'out.xlsx')
    await (await download).saveAs(file)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    expect(String(ws?.getCell('A1').value)).toBe('青云街道锦华社区治理人才库花名册')
    const header = (ws?.getRow(3).values as unknown[]).filter(Boolean)
    expect(header.slice(0, 6)).toEqual(['序号', '姓名', '性别', '出生年月', '政治面貌', '联系电话'])
    const phones = [4, 5, 6].map((r) => String(ws?.getRow(r).getCell(6).value))
    for (const p of phones) expect(p).toMatch(/^1\d{2}\*{4}\d{4}$/)
  })
})
