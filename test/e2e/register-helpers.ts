// Playwright helpers for the register pages: fill the generic record form, read the list.
import type { Page, Request } from 'playwright-core'
import { expect } from 'vitest'

export function dialog(page: Page) {
  return page
    .locator('[data-test="register-dialog"]')
    .locator('xpath=ancestor-or-self::div[contains(@class,"el-dialog")]')
    .first()
}

export function formField(page: Page, key: string) {
  return page.locator(`.el-dialog:visible [data-field="${key}"]`)
}

export async function fillText(page: Page, key: string, value: string): Promise<void> {
  const input = formField(page, key).locator('input, textarea').first()
  await input.fill(value)
  await input.blur()
}

export async function fillDate(page: Page, key: string, value: string): Promise<void> {
  const input = formField(page, key).locator('input').first()
  await input.click()
  await input.fill(value)
  await input.press('Enter')
  // Escape would close the whole dialog; clicking the field's label closes the picker.
  await formField(page, key).locator('label').click()
}

export async function choose(page: Page, key: string, option: string): Promise<void> {
  await formField(page, key).locator('.el-select__wrapper').click()
  await page
    .locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: option })
    .first()
    .click()
}

export async function save(page: Page): Promise<void> {
  await page.locator('.el-dialog:visible [data-test="register-save"]').click()
}

export function rows(page: Page) {
  return page.locator('[data-test="register-table"] .el-table__body-wrapper tr.el-table__row')
}

export async function count(page: Page): Promise<number> {
  const text = await page.locator('[data-test="result-count"]').innerText()
  return Number(/共 (\d+) 条/.exec(text)?.[1] ?? NaN)
}

/** The channel and input a request of the page sent to the door, if it is such a call. */
function sentCall(req: Request): { channel?: string; input?: { search?: string } } | null {
  try {
    return req.postDataJSON() as { channel?: string; input?: { search?: string } } | null
  } catch {
    return null // not a JSON call (a page, a file)
  }
}

/** Types into the search box and waits for the list request that carries it to be answered. */
export async function search(page: Page, q: string): Promise<void> {
  const box = page.locator('input[data-test="register-search"]')
  // Unchanged text asks nothing: there would be no answer to wait for.
  if ((await box.inputValue()) === q) return
  // The box gathers keystrokes within 150 ms into one request; waiting for the answer to the
  // request with this text (not a fixed time) also keeps a stale count from passing for a new one.
  const answered = page.waitForResponse((r) => {
    const sent = sentCall(r.request())
    return !!sent?.channel?.endsWith(':list') && sent.input?.search === q.trim()
  })
  await box.fill(q)
  await answered
}

export async function expectCount(page: Page, n: number): Promise<void> {
  await expect.poll(() => count(page), { timeout: 8000 }).toBe(n)
}

export async function confirmBox(page: Page, button: string): Promise<void> {
  await page.locator('.el-message-box').getByRole('button', { name: button }).click()
}

export async function rowAction(page: Page, rowText: string, action: string): Promise<void> {
  await rows(page)
    .filter({ hasText: rowText })
    .first()
    .getByRole('button', { name: action })
    .click()
}

export async function toastContains(page: Page, text: string): Promise<void> {
  await expect
    .poll(() => page.locator('.el-message').allInnerTexts(), { timeout: 8000 })
    .toEqual(expect.arrayContaining([expect.stringContaining(text)]))
}

/** Ticks list columns in 显示列 (the defaults leave some out to fit a 1366-px screen). */
export async function showColumns(page: Page, labels: string[]): Promise<void> {
  await page.locator('[data-test="column-picker"]').click()
  const choices = page.locator('[data-test="column-choices"]')
  for (const label of labels) {
    const box = choices.locator('.el-checkbox', { hasText: label })
    if (!(await box.locator('input').isChecked())) await box.click()
  }
  await page.locator('[data-test="column-picker"]').click()
  for (const label of labels) {
    await expect
      .poll(() => page.locator('[data-test="register-table"] thead').innerText())
      .toContain(label)
  }
}

/** Calls the browser door the way the page does (with its token), to set up records quickly. */
export async function api(page: Page, channel: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    async ([c, i]) => {
      // Runs in the page; the tests' own TypeScript has no DOM types.
      const doc = (
        globalThis as unknown as {
          document: { querySelector(s: string): { getAttribute(n: string): string | null } | null }
        }
      ).document
      const token = doc.querySelector('meta[name="lianjian-token"]')?.getAttribute('content')
      const res = await fetch('./api/invoke', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Lianjian-Token': token ?? '' },
        body: JSON.stringify({ channel: c, input: i }),
      })
      return res.json()
    },
    [channel, input] as const,
  )
}
