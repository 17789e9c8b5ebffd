import dayjs from 'dayjs'
import type { Browser, Page } from 'playwright-core'
import { readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { docxText } from '../helpers/docx'
import { tempDir, saveJinhua, testBackend } from '../helpers/temp-backend'
import {
  api,
  choose,
  expectCount,
  fillDate,
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

const day = (n: number) => dayjs().add(n, 'day').format('YYYY-MM-DD')

beforeAll(async () => {
  dataDir = tempDir('lianjian-e2e-meet-')
  // Two member units and three committee members in office to pick from.
  const b = testBackend(dataDir)
  await saveJinhua(b)
  const unit = (name: string) =>
    b.call('units:create', {
      name,
      liaison: '联络员',
      liaison_phone: '13800000001',
      status: '共建中',
    })
  const hospital = await unit('盘龙区人民医院')
  const school = await unit('青云街道第一小学')
  for (const [name, unitId, post] of [
    ['张志红', hospital.id, '党委书记'],
    ['刘建国', school.id, '党总支书记'],
    ['王丽萍', school.id, '支部委员'],
  ] as const) {
    await b.call('committee:create', {
      name,
      phone: '13900000000',
      unit_id: unitId,
      party_post: post,
      level: '社区大党委',
      term_start: '2024-01-01',
      term_end: day(400),
      status: '在任',
    })
  }
  b.close()
  door = await startDoor(dataDir)
  browser = await launchBrowser()
  page = await openPage(browser, `${door.url}#/meetings`)
})

afterAll(async () => {
  await browser?.close()
  await door?.stop()
  rmSync(dataDir, { recursive: true, force: true })
})

const dialog = () => page.locator('.el-dialog:visible')

/** A call through the browser door that must succeed; its data. */
async function made<T = Record<string, unknown>>(channel: string, input: unknown): Promise<T> {
  const r = (await api(page, channel, input)) as { ok: boolean; data: T }
  expect(r, JSON.stringify(r).slice(0, 300)).toMatchObject({ ok: true })
  return r.data
}

const nextSeq = async (date: string) =>
  Number(
    (await made('meetings:next-seq', { meeting_type: '党建联席会议', year: dayjs(date).year() }))
      .seq_no,
  )

interface Own {
  attendees?: { name: string; unit_name: string; post: string; attendance: string }[]
  resolutions?: { content: string; lead_unit_name: string; deadline: string }[]
}

/**
 * A meeting of the test's own (tests run in any order and alone), made through the door, with
 * its page open. Returns its id and 期号.
 */
async function ownMeeting(title: string, date: string, own: Own = {}) {
  const seq = await nextSeq(date)
  const m = await made('meetings:create', {
    meeting_type: '党建联席会议',
    seq_no: seq,
    title,
    meeting_date: date,
    location: '社区党群服务中心二楼会议室',
    host: '周丽华',
  })
  const parentId = Number(m.id)
  for (const a of own.attendees ?? []) await made('meeting_attendees:create', { parentId, data: a })
  for (const r of own.resolutions ?? [])
    await made('meeting_resolutions:create', { parentId, data: { ...r, status: '未开始' } })
  await page.goto(`${door.url}#/meetings/${parentId}`)
  await expect.poll(() => page.locator('[data-test="meeting-title"]').innerText()).toBe(title)
  return { id: parentId, seq }
}

async function addResolution(content: string, lead: string, deadline: string, typed: boolean) {
  await page.locator('[data-test="add-resolution"]').click()
  await fillText(page, 'content', content)
  if (typed) {
    // Typed, not a member unit: Tab leaves the field with the text kept.
    await formField(page, 'lead_unit_name').locator('input').click()
    await page.keyboard.type(lead)
    await page.keyboard.press('Tab')
  } else {
    await formField(page, 'lead_unit_name').locator('input').click()
    await page.keyboard.type(lead.slice(0, 2))
    await page.locator('.el-autocomplete-suggestion:visible li', { hasText: lead }).first().click()
  }
  await fillDate(page, 'deadline', deadline)
  await save(page)
  await expect.poll(() => page.locator('[data-test="resolutions"]').innerText()).toContain(content)
}

describe('会议 in Chromium', () => {
  it('creates a meeting through the form, with the next 期号 suggested, and opens its page', async () => {
    const title = '锦华社区第一次党建联席会议'
    await page.goto(`${door.url}#/meetings`)
    const seq = await nextSeq(dayjs().format('YYYY-MM-DD'))
    await page.locator('[data-test="register-add"]').click()
    await expect
      .poll(() => formField(page, 'seq_no').locator('input').inputValue())
      .toBe(String(seq))
    await expect
      .poll(() => formField(page, 'title').locator('input').inputValue())
      .toContain(`第${seq}次党建联席会议`)
    // Required fields are named when missing.
    // (地点 is copied from the latest meeting when there is one: cleared, whatever ran before.)
    await fillText(page, 'title', '')
    await fillText(page, 'location', '')
    await save(page)
    await expect.poll(() => formField(page, 'title').innerText()).toContain('请填写会议标题')
    await expect.poll(() => formField(page, 'location').innerText()).toContain('请填写会议地点')
    await fillText(page, 'title', title)
    await fillDate(page, 'meeting_date', day(-30))
    await fillText(page, 'location', '社区党群服务中心二楼会议室')
    await fillText(page, 'host', '周丽华')
    await save(page)
    await toastContains(page, `已新增会议「${title}」`)
    await expect.poll(() => page.url()).toMatch(/#\/meetings\/\d+$/)
    await expect.poll(() => page.locator('[data-test="meeting-title"]').innerText()).toBe(title)
    expect(await page.locator('[data-test="meeting-docs"]').innerText()).toContain('生成文档')
  })

  it('adds two 兼职委员 from the picker and one typed guest', async () => {
    const { id } = await ownMeeting('参会人员测试会议', day(-25))
    await page.locator('[data-test="pick-attendees"]').click()
    const picker = page.locator('[data-test="pick-committee"]')
    for (const name of ['张志红', '刘建国']) {
      await picker.locator('tr', { hasText: name }).locator('.el-checkbox').click()
    }
    await expect.poll(() => dialog().innerText()).toContain('已选：委员 2 人')
    await page.locator('[data-test="pick-save"]').click()
    await toastContains(page, '已添加 2 人')

    await page.locator('[data-test="add-guest"]').click()
    await fillText(page, 'name', '孙明华')
    await fillText(page, 'unit_name', '青云街道党工委')
    await fillText(page, 'post', '组织委员')
    await choose(page, 'attendance', '列席')
    await save(page)
    const people = page.locator('[data-test="attendees"]')
    await expect.poll(() => people.innerText()).toContain('孙明华')
    const text = await people.innerText()
    expect(text).toMatch(/张志红[\s\S]*盘龙区人民医院[\s\S]*党委书记/)
    expect(text).toMatch(/刘建国[\s\S]*青云街道第一小学[\s\S]*党总支书记/)
    expect(text).toContain('共 3 人：出席 2 · 请假 0 · 列席 1')

    // 刘建国 asks for leave: the reason is typed in the row and kept.
    await people.locator('[data-attendance="刘建国"] .el-select__wrapper').click()
    await page
      .locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: '请假' })
      .click()
    const reason = people.locator('input[data-reason="刘建国"]')
    await reason.fill('外出学习')
    await reason.press('Enter')
    await expect.poll(() => people.innerText()).toContain('共 3 人：出席 1 · 请假 1 · 列席 1')
    // Saved (the reason is sent on Enter), then still there after a reload.
    const reasonOf = async () =>
      (
        await made<{ name: string; leave_reason: string }[]>('meeting_attendees:list', {
          parentId: id,
        })
      ).find((a) => a.name === '刘建国')?.leave_reason
    await expect.poll(reasonOf).toBe('外出学习')
    await page.reload()
    await expect
      .poll(() => page.locator('input[data-reason="刘建国"]').inputValue())
      .toBe('外出学习')
  })

  it('adds two 议题 in order and two 议定事项 with 责任单位 and 完成时限', async () => {
    await ownMeeting('议题与议定事项测试会议', day(-20))
    for (const title of ['研究楼道照明改造', '商议独居老人助餐点']) {
      await page.locator('[data-test="add-topic"]').click()
      await fillText(page, 'title', title)
      await save(page)
      await expect.poll(() => page.locator('[data-test="topics"]').innerText()).toContain(title)
    }
    expect(await page.locator('[data-test="topics"]').innerText()).toMatch(
      /一\s+研究楼道照明改造[\s\S]*二\s+商议独居老人助餐点/,
    )
    await addResolution('完成楼道声控灯更换', '盘龙区人民医院', day(30), false)
    await addResolution('清理背街小巷乱堆乱放', '区城市管理局青云中队', day(-10), true)
    const items = page.locator('[data-test="resolutions"]')
    const late = items.locator('tr', { hasText: '清理背街小巷乱堆乱放' })
    expect(await late.innerText()).toContain('区城市管理局青云中队')
    expect(await late.innerText()).toContain('逾期')
    const onTime = items.locator('tr', { hasText: '完成楼道声控灯更换' })
    expect(await onTime.innerText()).toContain(day(30))
    expect(await onTime.innerText()).not.toContain('逾期')
    expect(await items.innerText()).toContain('逾期 1 项')
  })

  it('generates the 纪要 from the meeting page: the file holds both agreed items and who came', async () => {
    const date = day(-15)
    const { seq } = await ownMeeting('纪要测试会议', date, {
      attendees: [
        { name: '张志红', unit_name: '盘龙区人民医院', post: '党委书记', attendance: '出席' },
        { name: '刘建国', unit_name: '青云街道第一小学', post: '党总支书记', attendance: '请假' },
      ],
      resolutions: [
        { content: '完成楼道声控灯更换', lead_unit_name: '盘龙区人民医院', deadline: day(30) },
        {
          content: '清理背街小巷乱堆乱放',
          lead_unit_name: '区城市管理局青云中队',
          deadline: day(-10),
        },
      ],
    })
    await page.locator('[data-test="meeting-docs"] [data-kind="minutes"] button').click()
    const gen = page.locator('[data-test="generate-dialog"]')
    await gen.locator('[data-test="generate-submit"]').click()
    const result = gen.locator('[data-test="generate-result"]')
    await result.waitFor()
    const name = `${date} 第${seq}次党建联席会议纪要.docx`
    expect(await result.innerText()).toContain(name)
    const text = docxText(readFileSync(join(dataDir, '文档', name)))
    expect(text).toContain('完成楼道声控灯更换')
    expect(text).toContain('清理背街小巷乱堆乱放')
    expect(text).toContain('区城市管理局青云中队')
    expect(text).toMatch(/出\s*席：[^请]*张志红/)
    expect(text).toMatch(/请\s*假：[^列]*刘建国/)
    expect(text).not.toContain('undefined')
    await gen.getByRole('button', { name: '完成' }).click()
  })

  it('the overdue item shows in the overview, and a progress update closes it', async () => {
    const title = '逾期总览测试会议'
    const { seq } = await ownMeeting(title, day(-40), {
      resolutions: [
        { content: '加装单元门禁', lead_unit_name: '盘龙区人民医院', deadline: day(30) },
        { content: '疏通沿河排水沟', lead_unit_name: '区城市管理局青云中队', deadline: day(-5) },
      ],
    })
    await page.goto(`${door.url}#/resolutions`)
    const table = page.locator('[data-test="resolutions-table"]')
    // This meeting's items only, whatever other tests made.
    await page.getByPlaceholder('搜索事项内容、单位、会议').fill(title)
    await expect.poll(() => table.innerText()).toContain('加装单元门禁')
    const overdue = async () =>
      Number(/\d+/.exec(await page.locator('[data-test="overdue-count"]').innerText())?.[0])
    const before = await overdue()
    expect(before).toBeGreaterThanOrEqual(1)
    await page.locator('[data-test="overdue-only"]').click()
    const body = table.locator('.el-table__body-wrapper tr.el-table__row')
    await expect.poll(() => body.count()).toBe(1)
    const row = body.first()
    expect(await row.innerText()).toMatch(
      new RegExp(`疏通沿河排水沟[\\s\\S]*逾期[\\s\\S]*${title}`),
    )
    expect(await row.getAttribute('class')).toContain('overdue-row')

    await row.getByRole('button', { name: '更新进展' }).click()
    await dialog().getByText('已完成', { exact: true }).click()
    await dialog().locator('textarea').fill('五条巷道全部清理完毕')
    await page.locator('[data-test="progress-save"]').click()
    await toastContains(page, '已更新进展')
    await expect.poll(() => body.count()).toBe(0)
    await expect.poll(overdue).toBe(before - 1)

    await page.goto(`${door.url}#/meetings`)
    await search(page, title)
    await expectCount(page, 1)
    await expect
      .poll(() => rows(page).first().innerText())
      .toMatch(new RegExp(`党建联席会议[\\s\\S]*第${seq}次[\\s\\S]*2 项[\\s\\S]*未完成 1`))
  })
})
