import type { Browser, Page } from 'playwright-core'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-backend'
import {
  api,
  choose,
  confirmBox,
  count,
  expectCount,
  fillDate,
  fillText,
  formField,
  rowAction,
  rows,
  save,
  search,
  showColumns,
  toastContains,
} from './register-helpers'
import { launchBrowser, openPage, startDoor, type Door } from './web-door'

let dataDir: string
let door: Door
let browser: Browser
let page: Page

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-reg-')
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await openPage(browser, `${door.url}#/settings/grids`)
  // One grid to pick from.
  await page.getByRole('button', { name: '添加网格' }).click()
  await page
    .locator('.el-dialog:visible .el-form-item')
    .filter({ hasText: '网格名称' })
    .locator('input')
    .fill('第一网格')
  await page.locator('.el-dialog:visible').getByRole('button', { name: '保存' }).click()
  await page
    .locator('[data-test="grid-table"] .el-table__body tr', { hasText: '第一网格' })
    .waitFor()
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

/**
 * The common life of a record: find by pinyin initials, edit, delete, restore from 回收站. Every
 * count is within the search for its initials, so records other tests made do not matter.
 */
async function lifeCycle(
  path: string,
  name: string,
  initials: string,
  editKey: string,
  editValue: string,
) {
  await search(page, initials)
  await expectCount(page, 1)
  expect(await rows(page).first().innerText()).toContain(name)
  await search(page, 'xyzq')
  await expectCount(page, 0)
  await search(page, initials)
  await expectCount(page, 1)

  await rowAction(page, name, '编辑')
  await fillText(page, editKey, editValue)
  await save(page)
  await toastContains(page, '已保存修改')
  await expect.poll(() => rows(page).first().innerText()).toContain(editValue)

  await rowAction(page, name, '删除')
  await confirmBox(page, '删除')
  await expectCount(page, 0)
  await page.locator('[data-test="trash-toggle"]').click()
  await expectCount(page, 1)
  await rowAction(page, name, '恢复')
  await expectCount(page, 0)
  await page.locator('[data-test="trash-toggle"]').click()
  await expectCount(page, 1)
  expect(page.url()).toContain(path)
}

describe('registers in Chromium', () => {
  // Each test opens its page and makes the records it needs, so they pass in any order
  // (check with --sequence.shuffle) and alone (-t).
  it('社区能人: an invalid 身份证号 shows its message and saves nothing', async () => {
    await page.goto(`${door.url}#/talents`)
    await search(page, '王晓燕')
    await expectCount(page, 0)
    await page.locator('[data-test="register-add"]').click()
    await fillText(page, 'name', '王晓燕')
    await fillText(page, 'phone', '13812345678')
    await fillText(page, 'id_card', '110105194912310021')
    await save(page)
    await expect.poll(() => formField(page, 'id_card').innerText()).toContain('校验位不正确')
    await page.locator('.el-dialog:visible').getByRole('button', { name: '取消' }).click()
    await expectCount(page, 0)
  })

  it('社区能人: a valid 身份证号 fills 性别 and 出生年月; create, find by initials, edit, delete, restore; 修改记录 shows old → new', async () => {
    await page.goto(`${door.url}#/talents`)
    await page.locator('[data-test="register-add"]').click()
    await fillText(page, 'name', '李志红')
    await fillText(page, 'phone', '13812345678')
    await fillText(page, 'id_card', '11010519491231002X')
    await expect.poll(() => formField(page, 'gender').innerText()).toContain('女')
    await choose(page, 'grid_id', '第一网格')
    await choose(page, 'political_status', '中共党员')
    await save(page)
    await toastContains(page, '已新增社区能人「李志红」')
    await search(page, '李志红')
    await expectCount(page, 1)
    await showColumns(page, ['出生年月', '工作单位或原单位'])
    // Her pick of columns outlasts a reload.
    await page.reload()
    await expect
      .poll(() => page.locator('[data-test="register-table"] thead').innerText())
      .toContain('出生年月')
    const row = await rows(page).first().innerText()
    expect(row).toContain('1949-12')
    expect(row).toContain('第一网格')
    await lifeCycle('#/talents', '李志红', 'lzh', 'employer', '市中级人民法院')

    // The detail of the record just lived through: its 修改记录, newest first.
    await rows(page).first().getByRole('button', { name: '查看' }).click()
    const drawer = page.locator('.el-drawer')
    await drawer.getByRole('tab', { name: '修改记录' }).click()
    await expect
      .poll(() => drawer.locator('[data-test="history"]').innerText())
      .toContain('市中级人民法院')
    const history = await drawer.locator('[data-test="history"]').innerText()
    expect(history).toMatch(/恢复[\s\S]*删除[\s\S]*修改[\s\S]*新增/)
    await page.keyboard.press('Escape')
  })

  it('共建单位: create, find by initials, edit, delete, restore', async () => {
    await page.goto(`${door.url}#/units`)
    await page.locator('[data-test="register-add"]').click()
    await fillText(page, 'name', '盘龙区人民医院')
    await choose(page, 'nature', '医院')
    await fillText(page, 'liaison', '王建华')
    await fillText(page, 'liaison_phone', '0871-65123456')
    await save(page)
    await search(page, '盘龙区人民医院')
    await expectCount(page, 1)
    await showColumns(page, ['党组织书记'])
    await lifeCycle('#/units', '盘龙区人民医院', 'plqrm', 'org_secretary', '周明')
  })

  it('兼职委员: create linked to the unit, find by initials, edit, delete, restore', async () => {
    await page.goto(`${door.url}#/committee`)
    // Its own unit to link to (created through the door, not by the 共建单位 test).
    const unit = {
      name: '五华区图书馆',
      liaison: '孙丽',
      liaison_phone: '0871-65234567',
      status: '共建中',
    }
    const made = await api(page, 'units:create', unit)
    expect(made, JSON.stringify(made)).toMatchObject({ ok: true })
    await page.reload()
    await page.locator('[data-test="register-add"]').click()
    await fillText(page, 'name', '赵德明')
    await fillText(page, 'phone', '13908711204')
    // The unit picker finds the unit by its pinyin initials as she types; the keyboard picks it.
    await formField(page, 'unit_id').locator('.el-select__wrapper').click()
    await page.keyboard.type('whq')
    await expect
      .poll(() =>
        page.locator('.el-select-dropdown:visible .el-select-dropdown__item').allInnerTexts(),
      )
      .toEqual(['五华区图书馆'])
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    await expect.poll(() => formField(page, 'unit_id').innerText()).toContain('五华区图书馆')
    await fillDate(page, 'term_start', '2024-01-01')
    await fillDate(page, 'term_end', '2026-12-31')
    await save(page)
    await search(page, '赵德明')
    await expectCount(page, 1)
    expect(await rows(page).first().innerText()).toContain('五华区图书馆')
    // Reopened for editing, the form shows the unit's name, not its id.
    await rowAction(page, '赵德明', '编辑')
    await expect.poll(() => formField(page, 'unit_id').innerText()).toContain('五华区图书馆')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.el-dialog:visible').count()).toBe(0)
    await lifeCycle('#/committee', '赵德明', 'zdm', 'unit_post', '常务副主任')
    expect(await count(page)).toBe(1)
  })

  it('党员中心户: create, find by initials, edit, delete, restore; 联系户 counted', async () => {
    await page.goto(`${door.url}#/households`)
    await page.locator('[data-test="register-add"]').click()
    await fillText(page, 'head_name', '陈玉梅')
    await fillText(page, 'phone', '13908711205')
    await fillText(page, 'building', '3栋')
    await save(page)
    await search(page, '陈玉梅')
    await expectCount(page, 1)
    await lifeCycle('#/households', '陈玉梅', 'cym', 'estate', '锦华苑')

    await rows(page).first().getByRole('button', { name: '查看' }).click()
    const drawer = page.locator('.el-drawer')
    await drawer.getByRole('tab', { name: '联系户' }).click()
    await drawer.getByRole('button', { name: '添加联系户' }).click()
    await fillText(page, 'head_name', '刘大爷')
    await page.locator('.el-dialog:visible').getByRole('button', { name: '保存' }).click()
    await expect
      .poll(() => drawer.locator('[data-child="household_links"]').innerText())
      .toContain('刘大爷')
    await page.keyboard.press('Escape')
    await expect.poll(() => rows(page).first().innerText()).toMatch(/锦华苑[\s\S]*\b1\b/)
  })
})
