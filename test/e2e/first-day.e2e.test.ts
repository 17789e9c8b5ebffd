// A secretary's first day at 1366×768 (issue 11): the meetings list offers only what works,
// 责任单位 keeps typed text and finds units by pinyin, and every record dialog follows the same
// keyboard rules with its buttons on screen.
import type { Browser, Page } from 'playwright-core'
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { tempDir, saveJinhua, testBackend } from '../helpers/temp-backend'
import {
  api,
  count,
  expectCount,
  fillText,
  formField,
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
let meetingId = 0
const consoleErrors: string[] = []

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-first-')
  const b = testBackend(dataDir)
  await saveJinhua(b, { operator_name: '周丽华' })
  await b.call('units:create', {
    name: '盘龙区人民医院',
    liaison: '李医生',
    liaison_phone: '13800000001',
    status: '共建中',
  })
  await b.call('talents:create', { name: '王建华', phone: '13812345678', status: '在册' })
  const meeting = await b.call('meetings:create', {
    meeting_type: '党建联席会议',
    title: '锦华社区第一次党建联席会议',
    meeting_date: '2026-11-20',
    location: '社区党群服务中心',
  })
  meetingId = meeting.id
  b.close()
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  // Opened through the door's one-time address, then set to the common office screen.
  page = await openPage(browser, `${door.url}#/dashboard`)
  await page.setViewportSize({ width: 1366, height: 768 })
  // The cold start (first bundle parse, 工作台's requests) belongs to set-up, not to the first test.
  await page.locator('.app-menu').waitFor({ timeout: 30_000 })
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(m.text())
  })
  page.on('pageerror', (e) => consoleErrors.push(e.message))
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const visibleDialog = () => page.locator('.el-dialog:visible')
async function activeField(): Promise<string | null> {
  const field = page.locator('.el-dialog:visible [data-field]:focus-within')
  return (await field.count()) ? field.first().getAttribute('data-field') : null
}

/** Opens a page afresh (a reload drops searches, 回收站 and other state an earlier test left). */
async function go(hash: string): Promise<void> {
  await page.goto(`${door.url}#${hash}`)
  await page.reload()
  await page.locator('.page-title').first().waitFor()
}

async function openNewTalent(): Promise<void> {
  await page.locator('[data-test="register-add"]').click()
  await visibleDialog().waitFor()
  await expect.poll(activeField).toBe('name')
}

describe('会议 list', () => {
  it('offers no roster or Excel buttons it cannot serve, and logs no errors', async () => {
    await go('/meetings')
    const rows = page.locator('[data-test="register-table"] tr.el-table__row')
    await rows.first().waitFor({ timeout: 30_000 })
    expect(await rows.count()).toBe(1)
    expect(await page.locator('[data-test="generate-doc"]').count()).toBe(0)
    expect(await page.locator('[data-test="exchange-menu"]').count()).toBe(0)
    // The registers that do have them still offer them.
    await go('/talents')
    await expect.poll(() => page.locator('[data-test="exchange-menu"]').count()).toBe(1)
    await expect.poll(() => page.locator('[data-test="generate-doc"]').count()).toBe(1)
    expect(consoleErrors.filter((e) => /label|登记簿只能是/.test(e))).toEqual([])
  })
})

describe('议定事项 → 责任单位', () => {
  const lead = () => formField(page, 'lead_unit_name').locator('input')

  async function startResolution(content: string): Promise<void> {
    await page.locator('[data-test="add-resolution"]').click()
    await visibleDialog().waitFor()
    await fillText(page, 'content', content)
  }

  it('keeps a typed name on Tab', async () => {
    await go(`/meetings/${meetingId}`)
    await startResolution('制定社区微更新方案')
    await lead().click()
    await page.keyboard.type('锦华社区党委')
    await page.keyboard.press('Tab')
    expect(await lead().inputValue()).toBe('锦华社区党委')
    await save(page)
    await toastContains(page, '已添加议定事项')
    await expect
      .poll(() => page.locator('[data-test="resolutions"]').innerText())
      .toContain('锦华社区党委')
  })

  it('takes the highlighted suggestion on Enter, found by part of the name or by pinyin', async () => {
    await go(`/meetings/${meetingId}`)
    await startResolution('开展义诊进社区活动')
    await lead().click()
    await page.keyboard.type('盘龙')
    await page.locator('.el-autocomplete-suggestion:visible li.highlighted').waitFor()
    await page.keyboard.press('Enter')
    expect(await lead().inputValue()).toBe('盘龙区人民医院')
    await lead().fill('')
    await page.keyboard.type('plq')
    await expect
      .poll(() => page.locator('.el-autocomplete-suggestion:visible li.highlighted').innerText())
      .toBe('盘龙区人民医院')
    await page.keyboard.press('Enter')
    expect(await lead().inputValue()).toBe('盘龙区人民医院')
    // The dialog is still open: that Enter picked, it did not save.
    expect(await visibleDialog().count()).toBe(1)
    await save(page)
    await toastContains(page, '已添加议定事项')
    const row = page.locator('[data-test="resolutions"] tr', { hasText: '开展义诊进社区活动' })
    await expect.poll(() => row.innerText()).toContain('盘龙区人民医院')
  })
})

describe('record dialogs by keyboard at 1366×768', () => {
  it('puts the cursor in the first field and closes an untouched form on Esc', async () => {
    await go('/talents')
    await openNewTalent()
    await page.keyboard.press('Escape')
    await expect.poll(() => visibleDialog().count()).toBe(0)
    expect(await page.locator('.el-message-box').count()).toBe(0)
  })

  it('counts what the form filled in itself (会议 期号, title, last place) as unchanged', async () => {
    await go('/meetings')
    await page.locator('[data-test="register-add"]').click()
    await expect
      .poll(() => formField(page, 'title').locator('input').inputValue())
      .toContain('党建联席会议')
    await expect
      .poll(() => formField(page, 'location').locator('input').inputValue())
      .toBe('社区党群服务中心')
    await page.keyboard.press('Escape')
    await expect.poll(() => visibleDialog().count()).toBe(0)
    expect(await page.locator('.el-message-box').count()).toBe(0)
    await go('/talents')
  })

  it('asks before Esc throws away typing', async () => {
    await go('/talents')
    await openNewTalent()
    await page.keyboard.type('李志红')
    await page.keyboard.press('Escape')
    const box = page.locator('.el-message-box:visible')
    await expect.poll(() => box.innerText()).toContain('放弃未保存的修改？')
    // 继续填写 is the default: a reflex Enter keeps the typing.
    await page.keyboard.press('Enter')
    await expect.poll(() => box.count()).toBe(0)
    expect(await visibleDialog().count()).toBe(1)
    expect(await formField(page, 'name').locator('input').inputValue()).toBe('李志红')
    await page.keyboard.press('Escape')
    await box.getByRole('button', { name: '放弃修改' }).click()
    await expect.poll(() => visibleDialog().count()).toBe(0)
  })

  it('saves on Enter from a one-line field, and on Ctrl+Enter (not Enter) in a multi-line one', async () => {
    await go('/talents')
    await openNewTalent()
    await page.keyboard.type('赵晓梅')
    await formField(page, 'phone').locator('input').fill('13987654321')
    const note = formField(page, 'note').locator('textarea')
    await note.click()
    await page.keyboard.type('第一行')
    await page.keyboard.press('Enter')
    await page.keyboard.type('第二行')
    expect(await visibleDialog().count()).toBe(1)
    expect(await note.inputValue()).toBe('第一行\n第二行')
    await page.keyboard.press('Control+Enter')
    await toastContains(page, '已新增社区能人「赵晓梅」')
    await expect.poll(() => visibleDialog().count()).toBe(0)

    await openNewTalent()
    await page.keyboard.type('钱国强')
    await formField(page, 'phone').locator('input').click()
    await page.keyboard.type('13711112222')
    await page.keyboard.press('Enter')
    await toastContains(page, '已新增社区能人「钱国强」')
  })

  it('keeps 保存 on screen and shows the first error after a failed save', async () => {
    await go('/talents')
    await openNewTalent()
    const button = visibleDialog().locator('[data-test="register-save"]')
    const box = await button.boundingBox()
    expect(box).not.toBeNull()
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(768)
    const header = await visibleDialog().locator('.el-dialog__header').boundingBox()
    expect(header?.y ?? -1).toBeGreaterThanOrEqual(0)
    // Scroll down to the end of the form first, so the error is out of sight when saving.
    await formField(page, 'note').locator('textarea').click()
    await button.click()
    const error = formField(page, 'name').locator('.el-form-item__error')
    await expect.poll(() => error.innerText()).toContain('姓名')
    await expect.poll(() => error.isVisible()).toBe(true)
    const errBox = await error.boundingBox()
    expect(errBox?.y ?? -1).toBeGreaterThan(0)
    expect((errBox?.y ?? 0) + (errBox?.height ?? 0)).toBeLessThanOrEqual(768)
    await expect.poll(activeField).toBe('name')
    await page.locator('.el-dialog:visible').getByRole('button', { name: '取消' }).click()
  })

  it('follows the same rules in a child-list dialog (服务记录)', async () => {
    await go('/talents')
    // The duplicates tests may have added a second 王建华: either will do.
    await page
      .locator('[data-test="register-table"] .el-link', { hasText: '王建华' })
      .first()
      .click()
    await page.locator('.el-drawer .el-tabs__item', { hasText: '服务记录' }).click()
    await page.getByRole('button', { name: /添加服务记录/ }).click()
    const child = page.locator('.el-dialog:visible')
    await child.waitFor()
    await expect.poll(activeField).toBe('service_date')
    // The first Esc closes the date panel that opened with the cursor; the next the form.
    await page.keyboard.press('Escape')
    await page.keyboard.press('Escape')
    await expect.poll(() => child.count()).toBe(0)
  })
})

describe('duplicates through the form', () => {
  async function typeTalent(name: string, phone: string): Promise<void> {
    await go('/talents')
    await openNewTalent()
    await page.keyboard.type(name)
    await formField(page, 'phone').locator('input').fill(phone)
    await save(page)
  }
  const box = () => page.locator('.el-message-box:visible')

  it('warns about the same 姓名 and phone and opens the existing record on request', async () => {
    await go('/talents')
    await rows(page).first().waitFor()
    const before = await count(page)
    await typeTalent('王建华', '138 1234 5678')
    await expect.poll(() => box().innerText()).toContain('「王建华」（姓名和联系电话相同）')
    await box().getByRole('button', { name: '打开已有记录' }).click()
    await expect.poll(() => visibleDialog().count()).toBe(0)
    await expect.poll(() => page.locator('.el-drawer:visible').innerText()).toContain('王建华')
    await expect.poll(() => page.url()).toMatch(/[?&]id=\d+/)
    await page.keyboard.press('Escape')
    await expectCount(page, before)
  })

  it('saves a second record only on an explicit 仍然保存', async () => {
    await go('/talents')
    await rows(page).first().waitFor()
    const before = await count(page)
    await typeTalent('王建华', '13812345678')
    await box().getByRole('button', { name: '仍然保存' }).click()
    await toastContains(page, '已新增社区能人「王建华」')
    await expectCount(page, before + 1)
  })
})

describe('empty lists and small things', () => {
  const empty = () => page.locator('[data-test="register-empty"]')

  it('an empty register says 还没有记录 and offers import and add', async () => {
    await go('/households')
    await expect.poll(() => empty().innerText()).toContain('还没有记录')
    expect(await empty().getByRole('button', { name: '新增党员中心户' }).count()).toBe(1)
    await empty().getByRole('button', { name: '从 Excel 导入旧台账' }).click()
    await expect.poll(() => visibleDialog().innerText()).toContain('导入')
    await visibleDialog().getByRole('button', { name: '取消' }).first().click()
  })

  it('a search with no hits says so, also in the 回收站, whose back button is plain', async () => {
    await go('/talents')
    await page.locator('input[data-test="register-search"]').fill('没有这个人')
    await expect.poll(() => empty().innerText()).toContain('没有符合条件的记录')
    await page.locator('[data-test="trash-toggle"]').click()
    await expect.poll(() => empty().innerText()).toContain('回收站里没有符合条件的记录')
    const back = page.locator('[data-test="trash-toggle"]')
    expect(await back.innerText()).toContain('返回列表')
    expect(await back.getAttribute('class')).not.toContain('el-button--warning')
    await empty().getByRole('button', { name: '清空搜索和筛选条件' }).click()
    await expect.poll(() => empty().innerText()).toContain('回收站是空的')
    await back.click()
  })

  it('marks the searched words in the list', async () => {
    await go('/talents')
    await page.locator('input[data-test="register-search"]').fill('建华')
    await expect
      .poll(() => page.locator('[data-test="register-table"] mark.hit').allInnerTexts())
      .toContain('建华')
  })

  it('splits 专业特长 typed with ，into separate tags, as the import does', async () => {
    await go('/talents')
    await openNewTalent()
    await formField(page, 'skills').locator('.el-select__wrapper').click()
    await page.keyboard.type('急救培训，心理疏导')
    await page.keyboard.press('Enter')
    await expect
      .poll(() => formField(page, 'skills').locator('.el-tag').allInnerTexts())
      .toEqual(['急救培训', '心理疏导'])
    await page.keyboard.press('Escape')
    await visibleDialog().getByRole('button', { name: '取消' }).click()
  })

  it('所属网格 with no 网格 links to 网格管理', async () => {
    await go('/talents')
    await openNewTalent()
    await formField(page, 'grid_id').locator('.el-select__wrapper').click()
    const link = page.locator('.el-select-dropdown:visible a', { hasText: '网格管理' })
    await expect.poll(() => link.getAttribute('href')).toContain('#/settings/grids')
    await page.keyboard.press('Escape')
    await visibleDialog().getByRole('button', { name: '取消' }).click()
    await expect.poll(() => visibleDialog().count()).toBe(0)
  })
})

describe('操作员姓名', () => {
  it('history names the operator from 社区信息, not the login name', async () => {
    await go('/talents')
    // A record of its own (written through the door, so the operator is the one from 社区信息).
    const made = await api(page, 'talents:create', {
      name: '钱玉兰',
      phone: '13900002222',
      status: '在册',
    })
    expect(made, JSON.stringify(made)).toMatchObject({ ok: true })
    await search(page, '钱玉兰')
    await page.locator('[data-test="register-table"] .el-link', { hasText: '钱玉兰' }).click()
    await page.locator('.el-drawer .el-tabs__item', { hasText: '修改记录' }).click()
    await expect.poll(() => page.locator('.el-drawer:visible').innerText()).toContain('周丽华')
    await page.keyboard.press('Escape')
  })
})

describe('更新进展 by keyboard', () => {
  it('starts in 新增进展, asks on Esc once typed, and saves on Ctrl+Enter', async () => {
    await go('/resolutions')
    // An agreed item of its own to report on.
    const made = await api(page, 'meeting_resolutions:create', {
      parentId: meetingId,
      data: { content: '联系医院开展义诊', lead_unit_name: '盘龙区人民医院', status: '未开始' },
    })
    expect(made, JSON.stringify(made)).toMatchObject({ ok: true })
    await page.reload()
    const row = page.locator('[data-test="resolutions-table"] tr.el-table__row', {
      hasText: '联系医院开展义诊',
    })
    await row.getByRole('button', { name: '更新进展' }).click()
    const note = visibleDialog().locator('textarea')
    await expect.poll(() => note.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.type('已联系医院确定义诊日期')
    await page.keyboard.press('Escape')
    const box = page.locator('.el-message-box:visible')
    await expect.poll(() => box.innerText()).toContain('放弃未保存的修改？')
    await box.getByRole('button', { name: '继续填写' }).click()
    await note.focus()
    await page.keyboard.press('Control+Enter')
    await toastContains(page, '已更新进展')
    await expect.poll(() => row.innerText()).toContain('已联系医院确定义诊日期')
  })
})

describe('first-run guide', () => {
  it('ticks off what is done, points at 网格, and its import step opens the import', async () => {
    await go('/dashboard')
    const guide = page.locator('[data-test="first-run"]')
    await expect.poll(() => guide.innerText()).toContain('已完成 3 / 4 步')
    expect(await guide.locator('li.next').getAttribute('data-step')).toBe('grids')
    await page.goto(`${door.url}#/talents?import=1`)
    await expect.poll(() => visibleDialog().innerText()).toContain('导入')
    await expect.poll(() => page.url()).not.toContain('import=1')
    await visibleDialog().getByRole('button', { name: '取消' }).first().click()
  })
})

describe('网格 dialog by keyboard', () => {
  it('starts in 网格名称 and saves on Enter', async () => {
    await go('/settings/grids')
    await page.getByRole('button', { name: '添加网格' }).click()
    await visibleDialog().waitFor()
    const name = visibleDialog().locator('.el-form-item', { hasText: '网格名称' }).locator('input')
    await expect.poll(() => name.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true)
    await page.keyboard.type('第一网格（锦华苑）')
    await page.keyboard.press('Enter')
    await toastContains(page, '已添加网格「第一网格（锦华苑）」')
    await expect.poll(() => visibleDialog().count()).toBe(0)
  })
})
