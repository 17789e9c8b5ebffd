// Documents in Chromium through the browser door: a template with problems is refused with
// the Chinese list; a meeting's 纪要 and a filtered roster are generated into 文档 and hold
// the meeting's agreed items / the filtered rows.
import type { Browser, Page } from 'playwright-core'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startBackend } from '../../src-main/backend/app/boot'
import { docxText, makeDocx } from '../helpers/docx'
import { insertMeeting } from '../helpers/meeting-fixture'
import { tempDir } from '../helpers/temp-backend'
import { demoCopy, launchBrowser, openPage, startDoor, type Door } from './web-door'

let dataDir: string
let door: Door
let browser: Browser
let page: Page

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-docs-')
  demoCopy(dataDir)
  const b = startBackend(dataDir, 'test')
  insertMeeting(b.ctx.db, {
    title: '锦华社区2026年第9次党建联席会议',
    seq_no: 9,
    attendees: [
      { name: '张建华', unit_name: '市第一人民医院', post: '党委副书记' },
      { name: '赵磊', unit_name: '区城管局', attendance: '请假', leave_reason: '外出开会' },
    ],
  })
  b.close()
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await openPage(browser, `${door.url}#/templates`)
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const dialog = () => page.locator('[data-test="generate-dialog"]')
const documents = () => readdirSync(join(dataDir, '文档'))

describe('文档模板 and generating in the browser', () => {
  it('refuses a template with problems and lists them in Chinese', async () => {
    const bad = join(dataDir, '我们的纪要.docx')
    writeFileSync(bad, makeDocx(['{#resolutions}', '{content}']))
    await page.setInputFiles('[data-test="template-file"]', bad)
    const alert = page.locator('[data-test="template-problems"]')
    await alert.waitFor()
    expect(await alert.textContent()).toContain(
      '循环「{#resolutions}」没有结束标签：请在要重复的内容之后加上「{/resolutions}」',
    )
    const good = join(dataDir, '我们的纪要.docx')
    writeFileSync(good, makeDocx(['{title}', '{#resolutions}{content}{/resolutions}']))
    await page.setInputFiles('[data-test="template-file"]', good)
    await page.locator('[data-test="template-list"] tr', { hasText: '我们的纪要' }).waitFor()
  })

  it('下载 hands a template to the browser as a .docx that opens', async () => {
    await page.goto(`${door.url}#/templates`)
    const row = page.locator('[data-test="template-list"] tbody tr').first()
    await row.waitFor()
    const downloading = page.waitForEvent('download')
    await row.getByRole('button', { name: '下载' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/\.docx$/)
    const file = join(dataDir, 'downloaded-template.docx')
    await download.saveAs(file)
    // A real Word file with the template's tags in it, not an empty or mistyped blob.
    expect(docxText(readFileSync(file))).toMatch(/\{[a-z_#/]+\}/)
  })

  it('generates the meeting’s 纪要 into 文档 with its agreed items', async () => {
    await page.getByRole('menuitem', { name: '会议纪要' }).click()
    await page.click('[data-test="open-generate"]')
    await dialog().waitFor()
    await dialog().locator('[data-test="generate-meeting"]').click()
    await page.getByRole('option', { name: /锦华社区2026年第9次党建联席会议/ }).click()
    await dialog().locator('[data-test="generate-submit"]').click()
    const result = dialog().locator('[data-test="generate-result"]')
    await result.waitFor()
    expect(await result.textContent()).toContain('2026-11-22 第9次党建联席会议纪要.docx')
    expect(documents()).toContain('2026-11-22 第9次党建联席会议纪要.docx')
    const text = docxText(
      readFileSync(join(dataDir, '文档', '2026-11-22 第9次党建联席会议纪要.docx')),
    )
    expect(text).toContain('一、由市第一人民医院每月第二个周六在社区开展一次义诊。')
    expect(text).toContain('二、锦华物业服务公司牵头完成锦华苑3栋加装电梯意见征询。')
    expect(text).toContain('请假：\n区城管局赵磊（外出开会）')
    await dialog().getByRole('button', { name: '完成' }).click()
  })

  it('生成名册 on a register page follows its current filter', async () => {
    await page.goto(`${door.url}#/talents`)
    await page.locator('[data-filter="gender"]').click()
    await page.getByRole('option', { name: '女', exact: true }).click()
    await expect
      .poll(() => page.locator('[data-test="result-count"]').textContent())
      .toContain('已按条件筛选')
    const shown = /共 (\d+) 条/.exec(
      (await page.locator('[data-test="result-count"]').textContent()) ?? '',
    )?.[1]
    await page.locator('[data-test="generate-doc"]').click()
    await dialog().waitFor()
    expect(await dialog().locator('[data-test="generate-scope"]').textContent()).toContain(
      '1 个筛选条件',
    )
    await dialog().locator('[data-test="generate-submit"]').click()
    await dialog().locator('[data-test="generate-result"]').waitFor()
    const file = documents().find((f) => f.includes('人才库花名册（筛选）')) as string
    expect(file).toBeTruthy()
    expect(docxText(readFileSync(join(dataDir, '文档', file)))).toContain(
      `共 ${shown} 条（筛选：性别：女）`,
    )
  })
})
