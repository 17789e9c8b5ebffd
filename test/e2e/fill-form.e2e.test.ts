// 填报上级表格 in Chromium: drop the street's own form, fix the one column it cannot guess,
// download the filled copy and read it back; the next time the mapping is remembered.
import ExcelJS from 'exceljs'
import { readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { streetTalentForm } from '../helpers/street-forms'
import { saveJinhua, tempDir, testBackend } from '../helpers/temp-backend'
import { launchBrowser, startDoor, type Door } from './web-door'

let dataDir: string
let door: Door
let browser: Browser
let page: Page
const shots = process.env.LIANJIAN_EVIDENCE_DIR

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-fill-')
  const b = testBackend(dataDir)
  await saveJinhua(b)
  for (const [name, phone, political_status] of [
    ['李志红', '13812345678', '中共党员'],
    ['王建国', '13987654321', '群众'],
    ['张秀英', '13700001111', '中共预备党员'],
    ['赵敏', '13600002222', '群众'],
  ] as const)
    await b.call('talents:create', { name, phone, political_status, status: '在册' })
  b.close()
  writeFileSync(join(dataDir, '人才统计表.xlsx'), await streetTalentForm())
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true })
  await page.goto(`${await door.openUrl()}#/talents`)
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function openFill(shot?: string) {
  await page.locator('[data-test="exchange-menu"]').click()
  await page.locator('[data-test="exchange-fill"]:visible').click()
  await page.locator('[data-test="fill-upload"]').waitFor()
  if (shots && shot) {
    // Let the dialog's opening transition finish so the picture shows what a user sees.
    await page.locator('[data-test="fill-dialog"]').evaluate((el) =>
      Promise.all(
        el
          .closest('.el-overlay')
          ?.getAnimations({ subtree: true })
          .map((a: { finished: Promise<unknown> }) => a.finished) ?? [],
      ),
    )
    await page.screenshot({ path: join(shots, shot) })
  }
  await page.setInputFiles(
    '[data-test="fill-upload"] input[type=file]',
    join(dataDir, '人才统计表.xlsx'),
  )
}

describe('filling the street form in the browser', () => {
  it('maps the form, takes one correction, and downloads a filled copy', async () => {
    await openFill('fill-dialog-drop.png')
    await page.locator('[data-test="fill-mapping"]').waitFor()
    expect(await page.locator('[data-test="fill-where"]').innerText()).toContain(
      '表头第 3–4 行 · 从第 5 行起填写',
    )
    const blocked = page.locator('[data-test="fill-blocked"]')
    expect(await blocked.innerText()).toContain('联系方式/固定电话')
    expect(await page.locator('[data-test="fill-run"]').isDisabled()).toBe(true)
    const preview = await page.locator('[data-test="fill-preview"]').innerText()
    expect(preview).toContain('138****5678')
    expect(preview).toContain('锦华社区')
    if (shots) await page.screenshot({ path: join(shots, 'fill-dialog-mapping.png') })

    // By keyboard: focus the column's select, type to filter, pick with the arrow and Enter.
    await page.locator('[data-test="fill-target-G"] input').focus()
    await page.keyboard.type('留空')
    await page
      .locator('.el-select-dropdown__item:visible', { hasText: '留空（不填这一列）' })
      .waitFor()
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await blocked.waitFor({ state: 'detached' })
    const download = page.waitForEvent('download')
    await page.locator('[data-test="fill-run"]').click()
    const file = join(dataDir, 'filled.xlsx')
    const got = await download
    expect(got.suggestedFilename()).toBe('人才统计表（已填写）.xlsx')
    await got.saveAs(file)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(readFileSync(file) as unknown as ArrayBuffer)
    const ws = wb.worksheets[0]
    const names = [5, 6, 7, 8].map((r) => ws?.getCell(r, 2).value)
    expect(new Set(names)).toEqual(new Set(['李志红', '王建国', '张秀英', '赵敏']))
    const li = 5 + names.indexOf('李志红')
    expect(ws?.getCell(li, 6).value).toBe('138****5678')
    expect(ws?.getCell(li, 8).value).toBe('锦华社区')
    expect(ws?.getCell(li, 11).value).toBe('是')
    expect(ws?.getCell(li, 7).value).toBeNull()
    // One record more than the form's three rows: the notes moved down one row.
    expect(String(ws?.getCell('A10').value)).toMatch(/^注：/)
    expect(ws?.model.merges).toContain('A10:K10')
  })

  it('uses the remembered mapping silently the next time, with 修改对应关系 at hand', async () => {
    await openFill()
    const saved = page.locator('[data-test="fill-saved"]')
    await saved.waitFor()
    expect(await page.locator('[data-test="fill-run"]').isDisabled()).toBe(false)
    if (shots) await page.screenshot({ path: join(shots, 'fill-dialog-remembered.png') })
    await page.locator('[data-test="fill-edit"]').click()
    await page.locator('[data-test="fill-mapping"]').waitFor()
    expect(await page.locator('[data-test="fill-target-G"]').innerText()).toContain('留空')
  })
})
