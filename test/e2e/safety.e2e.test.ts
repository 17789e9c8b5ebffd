// 数据与备份 in a real browser: 立即备份, then a restore through the UI (double confirmation,
// reload, the later record gone); then a damaged database opens in safe mode and the newest
// good backup is restored from there. LIANJIAN_SHOTS=dir saves screenshots of each step.
import type { Browser, Page } from 'playwright-core'
import { rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { damageFile } from '../helpers/safety-helpers'
import { tempDir } from '../helpers/temp-backend'
import { api, confirmBox, expectCount, search, toastContains } from './register-helpers'
import { demoCopy, launchBrowser, openPage, settled, startDoor, type Door } from './web-door'

let dataDir: string
let door: Door
let browser: Browser
let page: Page
const shots = process.env.LIANJIAN_SHOTS

async function shot(name: string): Promise<void> {
  if (!shots) return
  await settled(page)
  await page.screenshot({ path: join(shots, `${name}.png`), fullPage: true })
}

/**
 * Runs `act` and waits until the page has reloaded: a mark set on the old page is gone, and the
 * new page has its app shell. Neither depends on how long the restore and the reload take.
 */
async function untilReloaded(act: () => Promise<void>): Promise<void> {
  const mark = () => (globalThis as { beforeReload?: boolean }).beforeReload === true
  await page.evaluate(() => void ((globalThis as { beforeReload?: boolean }).beforeReload = true))
  await act()
  // While the page reloads evaluate throws; expect.poll asks again until the new page answers.
  await expect.poll(() => page.evaluate(mark), { timeout: 30_000 }).toBe(false)
  await page.locator('#app > *').first().waitFor()
}

/**
 * Opens a page through the menu, as she would. After a reload, a hash typed into the address bar
 * (page.goto) while the app is still finishing its first navigation is overwritten by it.
 */
async function viaMenu(name: string, hash: string): Promise<void> {
  await page.locator('.app-menu').getByRole('menuitem', { name }).click()
  await expect.poll(() => page.url()).toContain(hash)
}

/** Answers both confirmations of a restore: 继续, then type the word (恢复 / 导入). */
async function confirmRestore(word = '恢复'): Promise<void> {
  await confirmBox(page, '继续')
  const second = page.locator('.el-message-box', { hasText: `请输入「${word}」` })
  await second.locator('input').fill(word)
  await second.getByRole('button', { name: `确认${word}` }).click()
}

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-safety-')
  demoCopy(dataDir)
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await openPage(browser, `${door.url}#/data`)
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

describe('数据与备份', () => {
  it('复制诊断信息 puts versions and the data state on the clipboard, without register data', async () => {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'])
    await page.goto(`${door.url}#/data`)
    await page.locator('[data-test="health-card"]', { hasText: '数据库检查：完好' }).waitFor()
    await page.locator('[data-test="copy-diagnostics"]').click()
    await toastContains(page, '诊断信息已复制')
    const text = await page.evaluate(() =>
      (
        globalThis as unknown as { navigator: { clipboard: { readText(): Promise<string> } } }
      ).navigator.clipboard.readText(),
    )
    expect(text).toContain('数据状态：正常')
    expect(text).toMatch(/联建通 \d+\.\d+\.\d+（浏览器版）/)
    expect(text).toMatch(/社区能人 300/)
    // The demo's first talent's phone never appears: only counts and states.
    expect(text).not.toMatch(/1[3-9]\d{9}/)
  })

  it('立即备份, then a restore through the UI brings the earlier data back', async () => {
    await page.goto(`${door.url}#/data`)
    await page.locator('[data-test="health-card"]', { hasText: '数据完好' }).waitFor()
    await page.locator('[data-test="backup-now"]').click()
    await toastContains(page, '已备份并校验通过')
    const manual = page.locator('[data-test="backup-table"] tr', { hasText: '手动' })
    await manual.first().waitFor()

    const created = (await api(page, 'talents:create', {
      name: '恢复测试人',
      phone: '13912340000',
      status: '在册',
    })) as { ok: boolean }
    expect(created.ok).toBe(true)
    await page.goto(`${door.url}#/talents`)
    await search(page, '恢复测试人')
    await expectCount(page, 1)
    await shot('02-before-restore-talent-present')

    await page.goto(`${door.url}#/data`)
    await manual.first().getByRole('button', { name: '恢复' }).click()
    await page.locator('.el-message-box', { hasText: '替换前会自动备份现在的数据' }).waitFor()
    await shot('03-restore-confirm')
    await untilReloaded(() => confirmRestore())
    await page.locator('[data-test="backup-table"] tr', { hasText: '恢复前' }).first().waitFor()
    await shot('04-after-restore-data-page')

    await page.goto(`${door.url}#/talents`)
    await search(page, '恢复测试人')
    await expectCount(page, 0)
    await shot('05-after-restore-talent-gone')
    await search(page, '')
    await expectCount(page, 300)
  })

  it('a damaged database opens in safe mode, and the newest good backup is restored from there', async () => {
    // Its own good backup to come back to, whatever ran before.
    await page.goto(`${door.url}#/data`)
    expect(await api(page, 'safety:backup', {})).toMatchObject({ ok: true })
    await door.stop()
    damageFile(join(dataDir, 'lianjian.sqlite'), 2, 6)
    door = await startDoor(dataDir)
    await page.goto(`${door.url}#/talents`)
    const safe = page.locator('[data-test="safe-mode"]')
    await safe.waitFor()
    await expect.poll(() => safe.innerText()).toContain('数据文件已损坏，联建通已进入安全模式')
    await page.locator('[data-test="safe-mode-backup"]').waitFor()
    // Nothing but the safe-mode page: no menu to wander into the broken registers.
    expect(await page.locator('.app-menu').count()).toBe(0)
    await shot('06-safe-mode')
    await untilReloaded(async () => {
      await page.locator('[data-test="safe-mode-restore"]').click()
      await confirmRestore()
    })
    await page.locator('.app-menu').waitFor()
    expect(await safe.count()).toBe(0)
    await viaMenu('数据与备份', '#/data')
    // A poll on the text, so a failure shows what the card says instead.
    const health = page.locator('[data-test="health-card"]')
    await expect.poll(() => health.innerText(), { timeout: 30_000 }).toContain('数据完好')
    await shot('07-after-safe-mode-restore')
  })

  it('exports a data package and imports it after a preview of its counts', async () => {
    await page.goto(`${door.url}#/data`)
    await page.locator('[data-test="health-card"]', { hasText: '数据完好' }).waitFor()
    const downloading = page.waitForEvent('download')
    await page.getByRole('button', { name: '导出数据包' }).click()
    const download = await downloading
    expect(download.suggestedFilename()).toMatch(/^联建通数据包-\d{8}-\d{6}\.zip$/)
    const zip = join(dataDir, 'moved.zip')
    await download.saveAs(zip)
    await api(page, 'talents:create', {
      name: '导入后应消失',
      phone: '13912349999',
      status: '在册',
    })

    await page.locator('[data-test="package-card"] input[type=file]').setInputFiles(zip)
    const preview = page.locator('.el-dialog', { hasText: '数据包完整，校验通过' })
    await preview.waitFor()
    await expect.poll(() => preview.innerText()).toMatch(/社区能人\s*\d+/)
    await shot('08-package-preview')
    await untilReloaded(async () => {
      await preview.getByRole('button', { name: '导入并替换现在的数据' }).click()
      await confirmRestore('导入')
    })
    await page.locator('[data-test="backup-table"] tr', { hasText: '导入前' }).first().waitFor()
    await page.goto(`${door.url}#/talents`)
    await search(page, '导入后应消失')
    await expectCount(page, 0)
  })
})
