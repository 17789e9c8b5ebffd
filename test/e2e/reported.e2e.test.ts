// 在职党员 in Chromium: a member added through the form and linked to a 共建单位 with the unit
// picker makes that unit's 在职党员报到人数 counted (shown in the unit's detail), and linking one
// more member than the unit's 党员人数 is refused with the numbers.
import type { Browser, Page } from 'playwright-core'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir } from '../helpers/temp-backend'
import {
  api,
  expectCount,
  fillText,
  formField,
  rowAction,
  rows,
  save,
  search,
  toastContains,
} from './register-helpers'
import { launchBrowser, openPage, startDoor, type Door } from './web-door'

let dataDir: string
let door: Door
let browser: Browser
let page: Page

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-reported-')
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await openPage(browser, `${door.url}#/reported`)
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

async function newUnit(name: string, members: number, reported: number) {
  const r = (await api(page, 'units:create', {
    name,
    liaison: '王联络',
    liaison_phone: '13800000001',
    status: '共建中',
    member_count: members,
    reported_count: reported,
  })) as { ok: boolean }
  expect(r.ok).toBe(true)
  // The unit picker loads the units once per page load.
  await page.reload()
}

async function addMember(name: string, phone: string, unitInitials: string, unit: string) {
  await page.goto(`${door.url}#/reported`)
  await page.locator('[data-test="register-add"]').click()
  await fillText(page, 'name', name)
  await fillText(page, 'phone', phone)
  await formField(page, 'unit_id').locator('.el-select__wrapper').click()
  await page.keyboard.type(unitInitials)
  await expect
    .poll(() =>
      page.locator('.el-select-dropdown:visible .el-select-dropdown__item').allInnerTexts(),
    )
    .toEqual([unit])
  await page.keyboard.press('ArrowDown')
  await page.keyboard.press('Enter')
  await expect.poll(() => formField(page, 'unit_id').innerText()).toContain(unit)
  await save(page)
}

describe('在职党员 in Chromium', () => {
  it('a member linked to a unit makes the unit’s 报到人数 counted, shown in its detail', async () => {
    await page.goto(`${door.url}#/reported`)
    await newUnit('青云税务分局', 10, 7)
    await addMember('杨晓东', '13908711206', 'qysw', '青云税务分局')
    await toastContains(page, '已新增在职党员「杨晓东」')
    await search(page, 'yxd')
    await expectCount(page, 1)
    expect(await rows(page).first().innerText()).toContain('青云税务分局')

    await page.goto(`${door.url}#/units`)
    await search(page, '青云税务分局')
    await expectCount(page, 1)
    await rowAction(page, '青云税务分局', '查看')
    const block = page.locator('.el-drawer [data-test="unit-reported"]')
    await expect.poll(() => block.innerText()).toContain('在职党员报到人数：1 人')
    expect(await block.innerText()).toContain('由「在职党员」台账自动统计')
    expect(await block.innerText()).toContain('杨晓东')
    await page.keyboard.press('Escape')
    await expect.poll(() => page.locator('.el-drawer:visible').count()).toBe(0)
  })

  it('refuses linking one more member than the unit’s 党员人数', async () => {
    await page.goto(`${door.url}#/reported`)
    await newUnit('锦华小卖部', 1, 0)
    await addMember('李红梅', '13908711207', 'jhxmb', '锦华小卖部')
    await toastContains(page, '已新增在职党员「李红梅」')
    await addMember('赵芳芳', '13908711208', 'jhxmb', '锦华小卖部')
    await expect
      .poll(() => formField(page, 'unit_id').innerText())
      .toContain('「锦华小卖部」的党员人数是 1，已有 1 名在职党员报到，不能再关联')
    await page.locator('.el-dialog:visible').getByRole('button', { name: '取消' }).click()
    await search(page, '赵芳芳')
    await expectCount(page, 0)
  })
})
