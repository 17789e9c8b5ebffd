import type { Browser, Page } from 'playwright-core'
import { rmSync } from 'node:fs'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-backend'
import { launchBrowser, openPage, startDoor, type Door } from './web-door'

let dataDir: string
let door: Door
let browser: Browser
let page: Page

beforeAll(async () => {
  browser = await launchBrowser()
})

// These are first-run stories (nothing filled in yet): each test gets a fresh install of its own,
// so none depends on what another saved, in any order.
beforeEach(async () => {
  dataDir = tempDir('lianjian-e2e-')
  door = await startDoor(dataDir)
  page = await openPage(browser, door.url)
})

afterEach(async () => {
  await page?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

afterAll(async () => {
  await browser?.close()
})

function field(label: string) {
  return page
    .locator('.el-form-item')
    .filter({ has: page.locator('label', { hasText: label }) })
    .locator('input, textarea')
    .first()
}

describe('foundation in Chromium through the browser door', () => {
  it('opens on the 工作台 in Chinese and asks for the community information first', async () => {
    await expect.poll(() => page.locator('.page-title').textContent()).toBe('工作台')
    // The guided start opens with 填写社区信息 as the step to do first.
    await expect
      .poll(() => page.locator('[data-test="first-run"] li.next').getAttribute('data-step'))
      .toBe('settings')
    expect(await page.locator('.app-menu').innerText()).toContain('党员中心户')
  })

  it('a bad phone number shows its message and nothing is saved', async () => {
    await page.goto(`${door.url}#/settings/basic`)
    await field('社区名称').fill('锦华社区')
    await field('所属街道').fill('青云街道')
    await field('社区党组织名称').fill('中共锦华社区委员会')
    await field('联系电话').fill('12345')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect
      .poll(() => page.locator('.el-form-item__error').allInnerTexts())
      .toEqual([expect.stringContaining('请输入正确的电话号码')])
    await page.reload()
    await expect.poll(() => field('社区名称').inputValue()).toBe('')
  })

  it('fills 社区信息, saves, and finds it again after a reload', async () => {
    await page.goto(`${door.url}#/settings/basic`)
    await field('社区名称').fill('锦华社区')
    await field('所属街道').fill('青云街道')
    await field('社区党组织名称').fill('中共锦华社区委员会')
    await field('联系电话').fill('0871-65123456')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.getByText('社区信息已保存').count()).toBe(1)
    await page.reload()
    await expect.poll(() => field('社区名称').inputValue()).toBe('锦华社区')
    expect(await field('联系电话').inputValue()).toBe('0871-65123456')
    expect(await page.locator('[data-test="header-community"]').innerText()).toContain('锦华社区')
  })

  it('adds a 网格, then deletes it after confirming', async () => {
    await page.goto(`${door.url}#/settings/grids`)
    await page.getByRole('button', { name: '添加网格' }).click()
    const dialog = page.locator('.el-dialog')
    await dialog
      .locator('.el-form-item')
      .filter({ hasText: '网格名称' })
      .locator('input')
      .fill('第一网格（锦华苑）')
    await dialog
      .locator('.el-form-item')
      .filter({ hasText: '网格长' })
      .locator('input')
      .fill('张秀兰')
    await dialog.getByRole('button', { name: '保存' }).click()
    const rows = page.locator('[data-test="grid-table"] .el-table__body tr')
    await expect.poll(() => rows.count()).toBe(1)
    expect(await rows.first().innerText()).toContain('张秀兰')

    await rows.first().getByRole('button', { name: '删除' }).click()
    const box = page.locator('.el-message-box')
    await expect.poll(() => box.innerText()).toContain('「第一网格（锦华苑）」里没有登记任何人')
    await box.getByRole('button', { name: '删除' }).click()
    await expect.poll(() => rows.count()).toBe(0)
  })

  it('closing and reopening the app keeps the data', async () => {
    await page.goto(`${door.url}#/settings/basic`)
    await field('社区名称').fill('锦华社区')
    await field('所属街道').fill('青云街道')
    await field('社区党组织名称').fill('中共锦华社区委员会')
    await page.getByRole('button', { name: '保存', exact: true }).click()
    await expect.poll(() => page.getByText('社区信息已保存').count()).toBe(1)
    await page.goto(`${door.url}#/settings/grids`)
    await page.getByRole('button', { name: '添加网格' }).click()
    const dialog = page.locator('.el-dialog')
    await dialog
      .locator('.el-form-item')
      .filter({ hasText: '网格名称' })
      .locator('input')
      .fill('第二网格')
    await dialog.getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() => page.locator('[data-test="grid-table"] .el-table__body tr').count())
      .toBe(1)

    await page.close()
    await door.stop()
    door = await startDoor(dataDir)
    page = await openPage(browser, `${door.url}#/settings/grids`)
    await expect
      .poll(() => page.locator('[data-test="grid-table"] .el-table__body tr').allInnerTexts())
      .toEqual([expect.stringContaining('第二网格')])
    await page.goto(`${door.url}#/settings/basic`)
    await expect.poll(() => field('社区名称').inputValue()).toBe('锦华社区')
  })
})
