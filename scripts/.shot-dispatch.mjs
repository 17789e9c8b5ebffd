import { spawn } from 'node:child_process'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, chromiumPath } from './chromium.mjs'
const [dataDir, id, out] = process.argv.slice(2)
const web = spawn(process.execPath, ['out/main/web.js', '--data-dir', dataDir, '--port', '0'])
const url = await new Promise((resolve) => {
  web.stdout.on('data', (b) => {
    const m = /http:\/\/127\.0\.0\.1:\d+\/\?code=[\w-]+/.exec(String(b))
    if (m) resolve(m[0])
  })
})
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS })
const page = await browser.newPage({ viewport: { width: 1366, height: 768 } })
await page.goto(url)
const base = url.replace(/\?code=.*$/, '')
await page.goto(`${base}#/matters/${id}`)
await page.locator('[data-test="step-dispatch"]').click()
await page.locator('[data-test="suggestion"]').first().waitFor()
// Keyboard: Tab from the first checkbox focus, Space ticks it.
await page.locator('[data-test="suggestion"] .el-checkbox input').first().focus()
await page.keyboard.press('Space')
await page.keyboard.press('Tab')
await page.keyboard.press('Tab')
await page.keyboard.press('Tab')
await page.waitForTimeout(300)
await page.screenshot({ path: out })
console.log(await page.locator('[data-test="responders-chosen"]').innerText())
console.log(await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 200)))
await browser.close()
web.kill()
