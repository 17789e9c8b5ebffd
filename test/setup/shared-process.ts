// Backend and renderer test files share one worker process (`isolate: false` in vitest.config.ts:
// importing the backend, exceljs and Element Plus once instead of per file halves their CPU time).
// A file must therefore hand the process back as it found it: this fails the file that leaves an
// environment variable changed or a page in the document, instead of letting a later file trip.
import { afterAll, beforeAll, expect } from 'vitest'

let env: Record<string, string | undefined> = {}

beforeAll(() => {
  env = { ...process.env }
})

afterAll(() => {
  expect({ ...process.env }, '测试文件改动了环境变量却没有恢复').toEqual(env)
  // happy-dom's document (renderer); the backend and E2E projects have none.
  const page = (globalThis as { document?: { body: { innerHTML: string } } }).document
  if (page) expect(page.body.innerHTML, '测试文件结束时页面里还留着挂载的组件').toBe('')
})
