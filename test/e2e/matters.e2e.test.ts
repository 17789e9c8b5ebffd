// 民情事项 in Chromium through the browser door: record an item through the 登记 form, dispatch
// it to the talent the suggestions name, and run the whole loop — accept, progress, feedback, close,
// 不满意 (reopens), feedback, close again, 满意 — reading the state and timeline on the page,
// and the talent's 服务记录 holding the item once.
import type { Browser, Page } from 'playwright-core'
import { mkdirSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { saveJinhua, tempDir, testBackend } from '../helpers/temp-backend'
import {
  api,
  choose,
  expectCount,
  fillText,
  formField,
  rows,
  save,
  search,
  toastContains,
} from './register-helpers'
import { launchBrowser, openPage, settled, startDoor, type Door } from './web-door'

let dataDir: string
let door: Door
let browser: Browser
let page: Page

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-matters-')
  const b = testBackend(dataDir)
  await saveJinhua(b, { operator_name: '周丽华' })
  const grid = await b.call('grids:create', { name: '第一网格（锦华苑）' })
  await b.call('talents:create', {
    name: '李志红',
    grid_id: grid.id,
    phone: '13800001234',
    status: '在册',
    categories: ['技能服务'],
  })
  b.close()
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await openPage(browser, `${door.url}#/matters`)
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const status = () => page.locator('[data-test="matter-status"]').innerText()
const timeline = () => page.locator('[data-test="matter-timeline"]').innerText()

/** Runs one step from the detail page's buttons; `fill` fills its form. */
async function step(button: string, fill: () => Promise<void>, expected: string): Promise<void> {
  await page.locator(`[data-test="step-${button}"]`).click()
  const box = page.locator('[data-test="step-dialog"]')
  await expect.poll(() => box.isVisible()).toBe(true)
  await fill()
  await page.locator('[data-test="step-save"]').click()
  await expect.poll(status).toBe(expected)
}

const text = (value: string) => async () => {
  await page.locator('textarea[data-test="step-text"]').fill(value)
}

describe('民情事项 in Chromium', () => {
  it('records an item, dispatches it to a talent and runs the loop to 满意 through a 不满意', async () => {
    await page.goto(`${door.url}#/matters`)
    await page.locator('[data-test="register-add"]').click()
    // Defaults are filled: 来源 网格走访, 类型 问题, and the 常规 办理时限 from 社区信息.
    await expect.poll(() => formField(page, 'due_days').locator('input').inputValue()).toBe('7')
    await choose(page, 'source', '来电来访')
    await fillText(page, 'content', '锦华苑3栋楼道灯不亮，老人晚上上下楼不方便')
    await choose(page, 'grid_id', '第一网格')
    await fillText(page, 'place', '锦华苑')
    await choose(page, 'level', '重点')
    await choose(page, 'category', '技能服务')
    await expect.poll(() => formField(page, 'due_days').locator('input').inputValue()).toBe('3')
    await save(page)
    // Saving opens the item's page, in 待派单, with its 编号 of this year.
    await expect.poll(status).toBe('待派单')
    const year = new Date().getFullYear()
    await expect.poll(() => page.locator('h1').innerText()).toContain(`事项 ${year}-0001`)

    // 派单 offers the suggestions first: 李志红 for the 类别, with the reason and her open items;
    // 「直接派单」 dispatches to her in one click.
    await page.locator('[data-test="step-dispatch"]').click()
    const mine = page.locator('[data-test="suggestion"]', { hasText: '李志红' })
    await expect.poll(() => mine.isVisible()).toBe(true)
    const line = await mine.innerText()
    expect(line).toContain('人才类别「技能服务」')
    expect(line).toContain('在办 0 件')
    // Keyboard: the row's checkbox takes focus and Space ticks it.
    await mine.locator('.el-checkbox input').focus()
    await page.keyboard.press('Space')
    await expect
      .poll(() => page.locator('[data-test="responders-chosen"]').innerText())
      .toContain('社区能人：李志红')
    await mine.getByRole('button', { name: '直接派单' }).click()
    await expect.poll(status).toBe('已派单')
    await step('accept', async () => undefined, '已接单')
    await step('progress', text('已联系物业采购灯具'), '办理中')
    await step('feedback', text('已更换楼道灯 6 盏'), '已反馈')
    await step('close', async () => undefined, '已结项')
    await step(
      'evaluate',
      async () => {
        await page.locator('[data-test="rating"]').getByText('不满意').click()
        await page.locator('.el-dialog:visible textarea').last().fill('2 楼还有一盏不亮')
      },
      '办理中',
    )
    await toastContains(page, '事项现在为「办理中」')
    await expect.poll(timeline).toContain('不满意，重新办理')
    await step('feedback', text('2 楼灯已换好'), '已反馈')
    await step('close', async () => undefined, '已结项')
    await step(
      'evaluate',
      async () => {
        await page.locator('[data-test="rating"]').getByText('满意', { exact: true }).click()
      },
      '已评价',
    )
    // The timeline, newest first, tells the whole story with who did each step.
    const story = await timeline()
    for (const line of [
      '登记',
      '派单',
      '派给 社区能人李志红',
      '接单报到',
      '办理进展',
      '反馈结果',
      '核实结项',
      '已记入 1 个接单方的服务记录',
      '2 楼还有一盏不亮',
      '回访评价',
    ])
      expect(story).toContain(line)
    expect(story).toContain('周丽华')
    expect(story.indexOf('回访评价')).toBeLessThan(story.indexOf('不满意，重新办理'))
    // A finished item offers no more steps.
    await expect.poll(() => page.locator('.buttons button[data-test^="step-"]').count()).toBe(0)
    mkdirSync('/work/evidence/matters', { recursive: true })
    await settled(page)
    await page.setViewportSize({ width: 1366, height: 768 })
    await page.screenshot({ path: '/work/evidence/matters/e2e-timeline.png', fullPage: true })

    // 录入一次: the talent's 服务记录 now holds the item once (closed twice, recorded once).
    await page.goto(`${door.url}#/talents`)
    await search(page, '李志红')
    await rows(page).first().getByRole('button', { name: '查看' }).click()
    const drawer = page.locator('.el-drawer')
    await drawer.getByRole('tab', { name: '服务记录' }).click()
    const services = drawer.locator('[data-child="talent_services"]')
    await expect.poll(() => services.innerText()).toContain(`民情事项 ${year}-0001`)
    expect((await services.innerText()).split(`民情事项 ${year}-0001`)).toHaveLength(2)
    await page.keyboard.press('Escape')

    // The list shows it 已评价, found by pinyin.
    await page.goto(`${door.url}#/matters`)
    // The list keeps its filters between visits (another test may have left 只看逾期 on).
    await page.getByRole('button', { name: '清空条件' }).click()
    await search(page, 'loudao')
    await expectCount(page, 1)
    expect(await rows(page).first().innerText()).toContain('已评价')
  })
  it('exports the overdue items as the 办理台账 from the list', async () => {
    await page.goto(`${door.url}#/matters`)
    const r = (await api(page, 'matters:create', {
      reported_on: '2020-03-02',
      source: '12345 热线',
      kind: '问题',
      content: '沿河商铺占道经营',
    })) as { ok: boolean }
    expect(r.ok).toBe(true)
    // The list keeps its search between visits; this test starts from the whole list.
    await search(page, '')
    await page.locator('[data-filter="overdue"]').click()
    await expectCount(page, 1)
    expect(await rows(page).first().innerText()).toContain('沿河商铺占道经营')
    const download = page.waitForEvent('download')
    await page.locator('[data-test="matters-export"]').click()
    const file = await download
    expect(file.suggestedFilename()).toMatch(/^青云街道锦华社区民情事项办理台账-\d{8}-\d{4}\.xlsx$/)
    await toastContains(page, '电话已脱敏')
  })
})
