// `npm test`: lint, typecheck, build, then every vitest project (backend, renderer, E2E).
import { spawnSync } from 'node:child_process'

const steps = [
  ['ESLint', 'npx', ['eslint', '.']],
  ['Prettier', 'npx', ['prettier', '--check', '.']],
  ['TypeScript (main, shared, tests)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']],
  ['TypeScript (renderer)', 'npx', ['vue-tsc', '--noEmit', '-p', 'tsconfig.renderer.json']],
  [
    'TypeScript (renderer tests)',
    'npx',
    ['vue-tsc', '--noEmit', '-p', 'tsconfig.renderer-test.json'],
  ],
  ['Build', 'npx', ['electron-vite', 'build']],
  ['Chromium for E2E', 'node', ['scripts/ensure-chromium.mjs']],
  ['LibreOffice, poppler and fonts for the document check', 'node', ['scripts/ensure-print.mjs']],
  ['Vitest (backend, renderer, e2e)', 'npx', ['vitest', 'run', ...process.argv.slice(2)]],
]

const started = Date.now()
for (const [name, cmd, args] of steps) {
  console.log(`\n=== ${name} ===`)
  const t = Date.now()
  const r = spawnSync(cmd, args, {
    stdio: name === 'Build' ? ['ignore', 'ignore', 'inherit'] : 'inherit',
  })
  if (r.status !== 0) {
    console.error(`\n✗ ${name} failed (exit ${r.status ?? r.signal}).`)
    process.exit(r.status || 1)
  }
  console.log(`✓ ${name} (${((Date.now() - t) / 1000).toFixed(1)} s)`)
}
console.log(`\nAll checks passed in ${((Date.now() - started) / 1000).toFixed(0)} s.`)
