// 街道 mode in Chromium: choose 街道 at first start, import two communities' files (one person
// in both), then see 报送情况 with the missing community, 重复人员 and 合并人才库.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { communityBackend, rosterExport, streetSheet } from '../helpers/street-files'
import { tempDir, testBackend } from '../helpers/temp-backend'
import { launchBrowser, settled, startDoor, type Door } from './web-door'

const SHARED_ID = '11010519491231002X'
// Screenshots for the note, when asked for (EVIDENCE_DIR=/work/evidence/street).
const evidence = process.env.EVIDENCE_DIR
let dataDir: string
let door: Door
let browser: Browser
let page: Page

async function shot(name: string): Promise<void> {
  if (!evidence) return
  mkdirSync(evidence, { recursive: true })
  await settled(page)
  await page.screenshot({ path: join(evidence, `${name}.png`) })
}

// As a user does: click the button, pick the file (a click clears the last choice, so the same
// file picked again is noticed).
async function pick(file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.locator('[data-test="street-upload"] button').click()
  await (await chooser).setFiles(join(dataDir, file))
}

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-street-')
  const jinhua = await communityBackend('锦华社区', [
    { name: '李志红', phone: '13812345678', id_card: SHARED_ID, categories: ['法律服务'] },
    { name: '王建国', phone: '13987654321', categories: ['医疗健康'], skills: ['推拿'] },
    { name: '张秀英', phone: '13700001111', categories: ['文化体育'] },
  ])
  writeFileSync(join(dataDir, '锦华社区花名册.xlsx'), await rosterExport(jinhua))
  // Next quarter 锦华 hands in again: 张秀英 left, 赵敏 joined.
  const gone = (await jinhua.call('talents:list', { search: '张秀英' })).rows[0]
  await jinhua.call('talents:delete', { id: gone?.id ?? 0 })
  await jinhua.call('talents:create', { name: '赵敏', phone: '13600002222', status: '在册' })
  writeFileSync(join(dataDir, '锦华社区花名册-第二次.xlsx'), await rosterExport(jinhua))
  jinhua.dispose()
  writeFileSync(
    join(dataDir, '玉溪社区.xlsx'),
    await streetSheet('玉溪社区', [
      ['李志红', '女', '13812345678', SHARED_ID, '法律服务、矛盾调解', '调解'],
      ['陈刚', '男', '13300005555', '', '技能服务', '水电维修'],
    ]),
  )
  const b = testBackend(dataDir)
  await b.call('settings:save', {
    community_name: '青云街道',
    street_name: '青云街道',
    party_org_name: '中共青云街道工作委员会',
  })
  await b.call('street:community-add', { name: '山水社区' })
  b.close()
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  await page.goto(`${await door.openUrl()}#/dashboard`)
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('街道 mode in the browser', () => {
  it('chooses 街道 at first start and lands on 报送情况 with the street menu', async () => {
    await page.locator('[data-test="unit-mode-street"]').click()
    await page.waitForURL(/#\/street\/status/)
    const menu = await page.locator('.app-menu').innerText()
    expect(menu.indexOf('报送情况')).toBeLessThan(menu.indexOf('社区台账'))
    await page.locator('[data-test="street-missing"]', { hasText: '山水社区' }).waitFor()
  })

  it('imports two communities and shows each one’s submission, 未报送 highlighted', async () => {
    await pick('锦华社区花名册.xlsx')
    await page.locator('.el-message', { hasText: '已导入锦华社区的报送 3 人' }).waitFor()
    await pick('玉溪社区.xlsx')
    await page.locator('.el-message', { hasText: '已导入玉溪社区的报送 2 人' }).waitFor()
    const table = page.locator('[data-test="street-status-table"]')
    await table.locator('tr', { hasText: '玉溪社区' }).waitFor()
    const text = await table.innerText()
    expect(text).toMatch(/锦华社区\s+已报送/)
    expect(text).toMatch(/山水社区\s+未报送/)
    expect(await page.locator('[data-test="street-missing"]').innerText()).toContain('山水社区')
    // The same file again is said so, not imported twice.
    await pick('玉溪社区.xlsx')
    await page.locator('.el-message', { hasText: '没有重复导入' }).waitFor()
    await page.locator('.el-message').first().waitFor({ state: 'detached' })
    await shot('street-status')
  })

  it('lists the person both communities submitted under 重复人员', async () => {
    await page.locator('.app-menu').getByText('重复人员').click()
    const group = page.locator('[data-test="street-dup-group"]')
    await group.first().waitFor()
    expect(await group.count()).toBe(1)
    const text = await group.innerText()
    expect(text).toContain('李志红')
    expect(text).toContain('身份证号相同')
    expect(text).toContain('110105********002X')
    expect(text).not.toContain(SHARED_ID)
    await shot('street-duplicates')
  })

  it('shows the merged pool with a 社区 column, found by pinyin initials', async () => {
    await page.locator('.app-menu').getByText('合并人才库').click()
    const table = page.locator('[data-test="street-pool-table"]')
    await table.locator('tbody tr').nth(4).waitFor()
    expect(await table.locator('tbody tr').count()).toBe(5)
    expect(await table.innerText()).toContain('138****5678')
    await shot('street-pool')
    await page.locator('input[data-test="street-search"]').fill('lzh')
    await expect.poll(async () => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(2)
    const rows = await table.locator('tbody').innerText()
    expect(rows).toContain('锦华社区')
    expect(rows).toContain('玉溪社区')
  })

  it('a resubmission replaces the old one; the two compare; 统计 counts by 社区', async () => {
    await page.locator('.app-menu').getByText('报送情况').click()
    await pick('锦华社区花名册-第二次.xlsx')
    await page.locator('.el-message', { hasText: '替换了该社区上一次的报送' }).waitFor()
    await page
      .locator('tr', { hasText: '锦华社区' })
      .locator('[data-test="street-compare-open"]')
      .click()
    const result = page.locator('[data-test="street-compare-result"]')
    await result.waitFor()
    const text = await result.innerText()
    expect(text).toContain('新增 1 人，减少 1 人')
    expect(text).toMatch(/新增\s*赵敏/)
    expect(text).toMatch(/减少\s*张秀英/)
    await shot('street-compare')
    await page.keyboard.press('Escape')
    await page.locator('.app-menu').getByText('统计').click()
    const table = page.locator('[data-test="street-stats-table"]')
    await table.locator('tr', { hasText: '玉溪社区' }).waitFor()
    expect(await table.locator('tr', { hasText: '锦华社区' }).innerText()).toMatch(/锦华社区\s+3/)
    await shot('street-stats')
  })
})
