// The UI measurements of `npm run bench`: the same interactions on our app and on the bare
// page (bench/ui/bare), each timed in Chromium, reported with the ratio ours / bare.
import type { Browser, Page } from 'playwright-core'
import { REGISTERS, type AnyRegisterKey } from '../../src-main/shared/registers/registers'
import { result, type BenchResult } from '../measure'
import { stats, timedEvent, timedLoad, type Stats } from './ui-probe'

export interface Target {
  url: string
  bare: boolean
  /** A one-time start-up address (our door lets in only a browser that came through one). */
  open?: () => Promise<string>
}

const ROWS = (table: string) => `[data-test=${table}] .el-table__body-wrapper tr.el-table__row`
const REG_ROWS = ROWS('register-table')
const rowCount = (table = 'register-table') => `document.querySelectorAll('${ROWS(table)}').length`
const noMask = `!document.querySelector('[data-test=register-table] .el-loading-mask:not([style*="display: none"])')`

const LISTS = [
  { key: 'talents', label: '社区能人' },
  { key: 'units', label: '共建单位' },
  { key: 'committee', label: '兼职委员' },
  { key: 'households', label: '党员中心户' },
  { key: 'meetings', label: '会议' },
] as const

async function fresh(browser: Browser, t: Target, route: string): Promise<Page> {
  const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, bypassCSP: true })
  const page = await ctx.newPage()
  await page.goto(`${t.open ? await t.open() : t.url}#/${route}`)
  return page
}

function menu(page: Page, t: Target, key: string, label: string) {
  return t.bare
    ? page.locator(`[data-menu="${key}"]`)
    : page.locator('.el-menu-item', { hasText: label }).first()
}

async function firstIndex(page: Page): Promise<string> {
  return page.locator(`${REG_ROWS} td .cell`).first().innerText()
}

async function chooseSize(page: Page, size: number): Promise<void> {
  await page.locator('.el-pagination__sizes .el-select__wrapper').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: String(size) }).click()
}

type Job = (page: Page, t: Target) => Promise<number[]>

/** Menu click (from the 工作台) until the first rows are drawn; a new page each time. */
const menuToRows =
  (key: string, label: string, table: string): Job =>
  async (page, t) => {
    const ms: number[] = []
    for (let i = 0; i < 5; i++) {
      await page.goto(`${t.url}#/dashboard`)
      await page.reload()
      await menu(page, t, 'dashboard', '工作台').waitFor()
      await page.waitForTimeout(300)
      ms.push(
        await timedEvent(
          page,
          'click',
          `${rowCount(table)} > 0 && location.hash.includes('${key}')`,
          () => menu(page, t, key, label).click(),
        ),
      )
    }
    return ms
  }

const pageTurns: Job = async (page) => {
  const ms: number[] = []
  await page.locator(REG_ROWS).first().waitFor()
  for (let i = 0; i < 12; i++) {
    const next = page.locator('.el-pagination .btn-next')
    const back = await next.isDisabled()
    const btn = back ? page.locator('.el-pagination .btn-prev') : next
    const now = Number(await firstIndex(page))
    const want = back ? now - 20 : now + 20
    ms.push(
      await timedEvent(
        page,
        'click',
        `document.querySelector('${REG_ROWS} td .cell')?.textContent.trim() === '${want}'`,
        () => btn.click(),
      ),
    )
  }
  return ms
}

const hundredRows: Job = async (page) => {
  const ms: number[] = []
  await page.locator(REG_ROWS).first().waitFor()
  const total = Number(
    /共 (\d+)/.exec(await page.locator('[data-test=result-count]').innerText())?.[1],
  )
  for (let i = 0; i < 3; i++) {
    await page.locator('.el-pagination__sizes .el-select__wrapper').click()
    const item = page.locator('.el-select-dropdown__item:visible', { hasText: '100' })
    await item.waitFor()
    ms.push(
      await timedEvent(
        page,
        'click',
        `${rowCount()} === ${Math.min(100, total)} && ${noMask}`,
        () => item.click(),
      ),
    )
    await chooseSize(page, 20)
    await page.waitForFunction(`${rowCount()} <= 20`)
  }
  return ms
}

// One input event carrying a row's whole name: what a Chinese input method sends when she
// picks the word (a single character may match every row, e.g. 「党」 in every meeting title).
const searchKey =
  (key: AnyRegisterKey): Job =>
  async (page) => {
    const ms: number[] = []
    const box = page.locator('input[data-test=register-search]')
    const spec = REGISTERS[key]
    const label = spec.fields.find((f) => f.key === spec.nameField)?.label ?? ''
    await page.locator(REG_ROWS).first().waitFor()
    const heads = await page.locator('[data-test=register-table] thead th').allInnerTexts()
    const column = heads.findIndex((h) => h.trim() === label) + 1
    for (let i = 0; i < 5; i++) {
      await page.locator(REG_ROWS).first().waitFor()
      const name = await page.locator(`${REG_ROWS} td:nth-child(${column})`).nth(i).innerText()
      const before = await page.locator('[data-test=result-count]').evaluate((e) => e.textContent)
      await box.click()
      ms.push(
        await timedEvent(
          page,
          'input',
          `document.querySelector('[data-test=result-count]').textContent !== ${JSON.stringify(before)} && ${noMask}`,
          () => page.keyboard.insertText(name.trim()),
        ),
      )
      await box.fill('')
      await page.waitForFunction(
        `document.querySelector('[data-test=result-count]').textContent === ${JSON.stringify(before)}`,
      )
      // She reads the list before typing again; a keystroke within 150 ms of the last one waits
      // for the search box to gather it (about 160 ms then).
      await page.waitForTimeout(400)
    }
    return ms
  }

const openDialog: Job = async (page) => {
  const ms: number[] = []
  await page.locator(REG_ROWS).first().waitFor()
  for (let i = 0; i < 5; i++) {
    ms.push(
      await timedEvent(
        page,
        'click',
        `(() => { const f = [...document.querySelectorAll('.el-dialog [data-field]')].pop(); return !!f && f.closest('.el-overlay').style.display !== 'none' })()`,
        () => page.locator('[data-test=register-add]').click(),
      ),
    )
    await page.keyboard.press('Escape')
    await page.waitForTimeout(500)
  }
  return ms
}

async function measure(browser: Browser, t: Target, route: string, job: Job): Promise<Stats> {
  const page = await fresh(browser, t, route)
  try {
    return stats(await job(page, t))
  } finally {
    await page.context().close()
  }
}

/** Every UI measurement, ours and bare, as bench result rows (`prefix` names the dataset). */
export async function uiBench(
  browser: Browser,
  app: Target,
  bare: Target,
  opts: { prefix: string; meetingId: number; log: (s: string) => void },
): Promise<BenchResult[]> {
  const out: BenchResult[] = []
  // One untimed visit each first: the first page of a fresh door and browser also pays for a
  // cold disk cache and compiling the code, once, which is not what any later click costs.
  for (const t of [app, bare]) {
    const page = await fresh(browser, t, 'talents')
    await page.locator(REG_ROWS).first().waitFor({ timeout: 60_000 })
    await page.context().close()
  }
  // LIANJIAN_BENCH_UI=meeting,talents_menu measures only the items whose names contain one of these.
  const only = (process.env['LIANJIAN_BENCH_UI'] ?? '').split(',').filter(Boolean)
  const both = async (name: string, route: string, job: Job, budget?: string, note?: string) => {
    if (only.length && !only.some((o) => name.includes(o))) return
    const ours = await measure(browser, app, route, job)
    const floor = await measure(browser, bare, route, job)
    const r = result(`${opts.prefix}${name}`, ours, floor, budget, note)
    opts.log(
      `  ${r.name}: p95 ${r.p95_ms} ms（bare ${Math.round(floor.p95)} ms，${r.ratio_vs_bare}×）`,
    )
    out.push(r)
  }
  for (const { key, label } of LISTS) {
    await both(
      `ui_${key}_menu`,
      'dashboard',
      menuToRows(key, label, 'register-table'),
      '< 700 ms',
      `点菜单「${label}」到第一页出现`,
    )
    if (key === 'talents' || key === 'households' || key === 'units') {
      await both(`ui_${key}_page_turn`, key, pageTurns, 'p95 < 150 ms', '翻页到新的一页画出')
    }
    if (key === 'talents')
      await both(`ui_${key}_100_rows`, key, hundredRows, '< 400 ms', '切换到每页 100 条')
    await both(
      `ui_${key}_search_key`,
      key,
      searchKey(key),
      '< 200 ms',
      '搜索框输入一个词（输入法一次上屏）到结果更新（含防抖）',
    )
    await both(`ui_${key}_open_dialog`, key, openDialog, '< 200 ms', `打开「新增${label}」对话框`)
  }
  await both(
    'ui_resolutions_menu',
    'dashboard',
    menuToRows('resolutions', '议定事项', 'resolutions-table'),
    '< 700 ms',
    '点菜单「议定事项」到列表出现',
  )
  await both(
    'ui_data_menu',
    'dashboard',
    menuToRows('data', '数据与备份', 'backup-table'),
    '< 700 ms',
    '点菜单「数据与备份」到备份列表出现',
  )
  const meeting: Job = async (page, t) => {
    const ms: number[] = []
    for (let i = 0; i < 5; i++) {
      await page.goto(`${t.url}#/dashboard`)
      await page.reload()
      await page.waitForTimeout(300)
      ms.push(
        await timedEvent(page, 'click', `${rowCount('attendee-table')} >= 60`, () =>
          // A link the page follows like any in-app link, so its click starts the clock.
          page.evaluate(
            `(() => { const a = document.createElement('a'); a.href = '#/meetings/${opts.meetingId}'; document.body.append(a); a.click() })()`,
          ),
        ),
      )
    }
    return ms
  }
  await both('ui_meeting_60', 'dashboard', meeting, '< 700 ms', '打开有 60 名参会人员的会议页')
  const dash: Job = async (page, t) => {
    const ms: number[] = []
    for (let i = 0; i < 5; i++)
      ms.push(
        await timedLoad(
          page,
          `${t.url}#/dashboard`,
          `document.querySelectorAll('.stat').length > 0`,
        ),
      )
    return ms
  }
  await both(
    'ui_dashboard_paint',
    'dashboard',
    dash,
    '< 700 ms',
    '打开工作台到统计数字出现（自导航开始）',
  )
  return out
}
