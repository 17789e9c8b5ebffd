// 街道 mode in Chromium: choose 街道 at first start, import communities' files (one person in
// two of them), then 报送情况 with the missing community, 重复人员, 合并人才库, a resubmission
// compared, 统计. Each test brings the submissions it needs (importing a file again is
// harmless: it is said so and not imported twice), so the file passes shuffled and alone.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { communityBackend, rosterExport, streetSheet } from '../helpers/street-files'
import { tempDir, testBackend } from '../helpers/temp-backend'
import { api } from './register-helpers'
import { launchBrowser, settled, startDoor, type Door } from './web-door'

const SHARED_ID = '11010519491231002X'
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

async function open(route: string, dir = door): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
  await page.goto(`${await dir.openUrl()}#${route}`)
  return page
}

// As a user does: click the button, pick the file (a click clears the last choice, so the same
// file picked again is noticed).
async function pick(page: Page, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.locator('[data-test="street-upload"] button').click()
  await (await chooser).setFiles(join(files, file))
}

/** A submission the test needs, made through the door (a second time it is refused, harmless). */
async function submitted(page: Page, file: string): Promise<void> {
  const uploadId = `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`
  const base64 = readFileSync(join(files, file)).toString('base64')
  await api(page, 'safety:upload', { uploadId, offset: 0, base64 })
  const r = (await api(page, 'street:import', { fileName: file, uploadId })) as { ok: boolean }
  expect(r.ok).toBe(true)
}

beforeAll(async () => {
  files = tempDir('lianjian-e2e-street-files-')
  const jinhua = await communityBackend('锦华社区', [
    { name: '李志红', phone: '13812345678', id_card: SHARED_ID, categories: ['法律服务'] },
    { name: '王建国', phone: '13987654321', categories: ['医疗健康'], skills: ['推拿'] },
    { name: '张秀英', phone: '13700001111', categories: ['文化体育'] },
  ])
  writeFileSync(join(files, '锦华社区花名册.xlsx'), await rosterExport(jinhua))
  // Next quarter 锦华 hands in again: 张秀英 left, 赵敏 joined.
  const gone = (await jinhua.call('talents:list', { search: '张秀英' })).rows[0]
  await jinhua.call('talents:delete', { id: gone?.id ?? 0 })
  await jinhua.call('talents:create', { name: '赵敏', phone: '13600002222', status: '在册' })
  writeFileSync(join(files, '锦华社区花名册-第二次.xlsx'), await rosterExport(jinhua))
  jinhua.dispose()
  writeFileSync(
    join(files, '玉溪社区.xlsx'),
    await streetSheet('玉溪社区', [
      ['李志红', '女', '13812345678', SHARED_ID, '法律服务、矛盾调解', '调解'],
      ['陈刚', '男', '13300005555', '', '技能服务', '水电维修'],
    ]),
  )
  writeFileSync(
    join(files, '东风社区.xlsx'),
    await streetSheet('东风社区', [['周伟', '男', '13500003333', '', '矛盾调解', '']]),
  )
  writeFileSync(
    join(files, '南湖社区.xlsx'),
    await streetSheet('南湖社区', [
      ['吴芳', '女', '13400004444', '', '法律服务', ''],
      ['郑洁', '女', '13400005555', '', '教育培训', ''],
    ]),
  )
  // The street's own data folder, already in 街道 mode, with one community that never submits.
  dataDir = tempDir('lianjian-e2e-street-')
  const b = testBackend(dataDir)
  await b.call('settings:save', {
    community_name: '青云街道',
    street_name: '青云街道',
    party_org_name: '中共青云街道工作委员会',
  })
  await b.call('street:settings-save', { mode: '街道' })
  await b.call('street:community-add', { name: '山水社区' })
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

describe('街道 mode in the browser', () => {
  it('chooses 街道 at first start and lands on 报送情况 with the street menu', async () => {
    // A fresh data folder of its own: the choice is asked only until it is made.
    const fresh = tempDir('lianjian-e2e-street-first-')
    const first = await startDoor(fresh)
    try {
      const page = await open('/dashboard', first)
      await page.locator('[data-test="unit-mode-street"]').click()
      await page.waitForURL(/#\/street\/status/)
      const menu = await page.locator('.app-menu').innerText()
      expect(menu.indexOf('报送情况')).toBeLessThan(menu.indexOf('社区台账'))
      // Opened again, 街道 mode lands on 报送情况 by itself.
      const again = await open('/dashboard', first)
      await again.waitForURL(/#\/street\/status/)
    } finally {
      await first.stop()
      rmSync(fresh, { recursive: true, force: true })
    }
  })

  it('imports two communities and shows each one’s submission, 未报送 highlighted', async () => {
    const page = await open('/street/status')
    await pick(page, '东风社区.xlsx')
    await page.locator('.el-message', { hasText: '已导入东风社区的报送 1 人' }).waitFor()
    await pick(page, '南湖社区.xlsx')
    await page.locator('.el-message', { hasText: '已导入南湖社区的报送 2 人' }).waitFor()
    const table = page.locator('[data-test="street-status-table"]')
    await table.locator('tr', { hasText: '南湖社区' }).waitFor()
    const text = await table.innerText()
    expect(await table.locator('tr', { hasText: '东风社区' }).innerText()).toContain('已报送')
    const nanhu = await table.locator('tr', { hasText: '南湖社区' }).innerText()
    expect(nanhu).toContain('已报送')
    expect(nanhu).toContain('南湖社区.xlsx')
    expect(nanhu).toMatch(/\s2\s/)
    const shanshui = await table.locator('tr', { hasText: '山水社区' }).innerText()
    expect(shanshui, text).toContain('未报送')
    expect(await page.locator('[data-test="street-missing"]').innerText()).toContain('山水社区')
    // The same file again is said so, not imported twice.
    await pick(page, '南湖社区.xlsx')
    await page.locator('.el-message', { hasText: '没有重复导入' }).waitFor()
    await page.locator('.el-message').first().waitFor({ state: 'detached' })
    await shot(page, 'street-status')
  })

  it('lists the person two communities submitted under 重复人员, masked', async () => {
    const page = await open('/street/status')
    await submitted(page, '锦华社区花名册.xlsx')
    await submitted(page, '玉溪社区.xlsx')
    await page.locator('.app-menu').getByText('重复人员').click()
    const group = page.locator('[data-test="street-dup-group"]', { hasText: '李志红' })
    await group.waitFor()
    const text = await group.innerText()
    expect(text).toContain('身份证号相同')
    expect(text).toContain('锦华社区')
    expect(text).toContain('玉溪社区')
    expect(text).toContain('110105********002X')
    expect(text).not.toContain(SHARED_ID)
    await shot(page, 'street-duplicates')
  })

  it('shows the merged pool with a 社区 column, found by pinyin initials', async () => {
    const page = await open('/street/status')
    await submitted(page, '锦华社区花名册.xlsx')
    await submitted(page, '玉溪社区.xlsx')
    await page.locator('.app-menu').getByText('合并人才库').click()
    const table = page.locator('[data-test="street-pool-table"]')
    await table.locator('tbody tr', { hasText: '陈刚' }).waitFor()
    expect(await table.innerText()).toContain('138****5678')
    await shot(page, 'street-pool')
    await page.locator('input[data-test="street-search"]').fill('lzh')
    await expect.poll(async () => table.locator('tbody tr').count(), { timeout: 10_000 }).toBe(2)
    const rows = await table.locator('tbody').innerText()
    expect(rows).toContain('锦华社区')
    expect(rows).toContain('玉溪社区')
  })

  it('a resubmission replaces the old one; the two compare; 统计 counts by 社区', async () => {
    const page = await open('/street/status')
    await submitted(page, '锦华社区花名册.xlsx')
    await submitted(page, '玉溪社区.xlsx')
    await page.reload()
    await pick(page, '锦华社区花名册-第二次.xlsx')
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
    await shot(page, 'street-compare')
    await page.keyboard.press('Escape')
    await page.locator('.app-menu').getByText('统计').click()
    const table = page.locator('[data-test="street-stats-table"]')
    await table.locator('tr', { hasText: '玉溪社区' }).waitFor()
    expect(await table.locator('tr', { hasText: '锦华社区' }).innerText()).toMatch(/锦华社区\s+3/)
    await shot(page, 'street-stats')
  })
})
