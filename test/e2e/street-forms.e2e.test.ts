// 街道 mode's form pieces in Chromium: 社区信息 asks a street office for 街道名称 and 街道党工委名称
// (no 社区名称); 合并人才库 → 按上级表格导出… fills the district's own form from the pool with each
// person's 社区; 民情事项 offers 填报上级表格… like the other registers.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importInto, streetSheet } from '../helpers/street-files'
import { streetTalentForm } from '../helpers/street-forms'
import { tempDir, testBackend } from '../helpers/temp-backend'
import { launchBrowser, settled, startDoor, type Door } from './web-door'

// Screenshots for the note, when asked for (EVIDENCE_DIR=/work/evidence/street).
const evidence = process.env.EVIDENCE_DIR
let dataDir: string
let files: string
let door: Door
let browser: Browser

async function shot(page: Page, name: string): Promise<void> {
  if (!evidence) return
  mkdirSync(evidence, { recursive: true })
  await settled(page)
  await page.screenshot({ path: join(evidence, `${name}.png`) })
}

async function open(route: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  await page.goto(`${await door.openUrl()}#${route}`)
  return page
}

beforeAll(async () => {
  files = tempDir('lianjian-e2e-streetform-files-')
  writeFileSync(join(files, '区人才统计表.xlsx'), await streetTalentForm())
  dataDir = tempDir('lianjian-e2e-streetform-')
  const b = testBackend(dataDir)
  await b.call('street:settings-save', { mode: '街道' })
  const yuxi = [
    ['陈刚', '男', '13300005555', '', '技能服务', '水电维修'],
    ['周燕', '女', '13300006666', '', '法律服务', '调解'],
  ]
  await importInto(b, '玉溪社区.xlsx', await streetSheet('玉溪社区', yuxi))
  const nanhu = [['吴芳', '女', '13400004444', '', '法律服务', '合同纠纷']]
  await importInto(b, '南湖社区.xlsx', await streetSheet('南湖社区', nanhu))
  b.close()
  door = await startDoor(dataDir)
  browser = await launchBrowser()
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(files, { recursive: true, force: true })
})

describe('街道 mode: 社区信息 and the district form', () => {
  it('社区信息 asks a street office for 街道名称 and 街道党工委名称 only', async () => {
    const page = await open('/settings/basic')
    const form = page.locator('[data-test="settings-form"]')
    await form.getByText('街道党工委名称').waitFor()
    const labels = await form.locator('.el-form-item__label').allInnerTexts()
    expect(labels).toContain('街道名称')
    expect(labels).not.toContain('社区名称')
    await form.getByLabel('街道名称').fill('青云街道')
    await form.getByLabel('街道名称').blur()
    await expect
      .poll(() => form.getByLabel('街道党工委名称').inputValue())
      .toBe('中共青云街道工作委员会')
    await shot(page, 'settings-street-mode')
    await form.getByRole('button', { name: '保存', exact: true }).click()
    await page.locator('.el-message', { hasText: '社区信息已保存' }).waitFor()
    await page.close()
  })

  it('合并人才库 → 按上级表格导出… fills the district form with each person’s 社区', async () => {
    const page = await open('/street/pool')
    await page.locator('[data-test="street-pool-table"]').getByText('吴芳').waitFor()
    await page.getByRole('button', { name: '导出 Excel' }).hover()
    await page.locator('[data-test="street-export-form"]').click()
    const dialog = page.locator('[data-test="fill-dialog"]')
    await dialog.getByText('按上级表格导出（合并人才库）').waitFor()
    const chooser = page.waitForEvent('filechooser')
    await dialog.locator('[data-test="fill-upload"] .el-upload-dragger').click()
    await (await chooser).setFiles(join(files, '区人才统计表.xlsx'))
    const preview = dialog.locator('[data-test="fill-preview"]')
    await preview.getByText('南湖社区').waitFor()
    expect(await preview.innerText()).toContain('玉溪社区')
    expect(await preview.innerText()).toContain('134****4444')
    await shot(page, 'street-export-form-dialog')
    await dialog.locator('[data-test="fill-target-G"]').click()
    await page
      .locator('.el-select-dropdown__item:visible', { hasText: '留空（不填这一列）' })
      .click()
    await expect.poll(() => dialog.locator('[data-test="fill-blocked"]').count()).toBe(0)
    const download = page.waitForEvent('download')
    await dialog.locator('[data-test="fill-run"]').click()
    expect((await download).suggestedFilename()).toBe('区人才统计表（已填写）.xlsx')
    await page.locator('.el-message', { hasText: '已填写 3 条' }).waitFor()
    await page.close()
  })

  it('民情事项 offers 填报上级表格…', async () => {
    const page = await open('/matters')
    await page.locator('[data-test="matters-fill"]').click()
    await page.getByText('填报上级表格（民情事项）').waitFor()
    await page.close()
  })
})
