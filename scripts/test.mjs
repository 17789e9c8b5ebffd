// `npm test`: lint, typecheck, build, then every vitest project (backend, renderer, E2E).
// The static checks and the build do not depend on each other: they run side by side (two cores
// are enough to overlap them) and each prints its output in one block when it ends. The tests run
// alone afterwards, so that nothing else loads the machine while the E2E tests wait on a browser.
import { spawn } from 'node:child_process'

const cache = (tool) => ['--cache', '--cache-location', `.tmp/${tool}-cache`]

// One incremental `vue-tsc -b` over the three projects (main, renderer, renderer tests):
// build info under .tmp/tsbuild makes an unchanged project cost nothing on the next run.
const staticSteps = [
  [
    ['ESLint', 'npx', ['eslint', ...cache('eslint'), '.']],
    ['Prettier', 'npx', ['prettier', '--check', ...cache('prettier'), '.']],
  ],
  [
    [
      'TypeScript (main, renderer, renderer tests)',
      'npx',
      ['vue-tsc', '-b', 'tsconfig.check.json'],
    ],
  ],
  [
    ['Build', 'npx', ['electron-vite', 'build']],
    ['Chromium for E2E', 'node', ['scripts/ensure-chromium.mjs']],
    ['LibreOffice, poppler and fonts for the document check', 'node', ['scripts/ensure-print.mjs']],
  ],
]

const seconds = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`

/** Runs one step; with `capture` its output is held and printed in one block when it ends. */
function run([name, cmd, args], capture) {
  const t = Date.now()
  return new Promise((done) => {
    const p = spawn(cmd, args, { stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit' })
    let out = ''
    if (capture) {
      p.stdout.on('data', (b) => (out += b))
      p.stderr.on('data', (b) => (out += b))
    }
    p.on('close', (code, signal) => {
      // The build's own progress lines are noise; its errors (stderr) still show on failure.
      if (capture && (code !== 0 || name !== 'Build') && out.trim()) console.log(out.trimEnd())
      if (code === 0) console.log(`✓ ${name} (${seconds(t)})`)
      else console.error(`✗ ${name} failed (exit ${code ?? signal}).`)
      done(code === 0)
    })
  })
}

async function chain(steps) {
  for (const step of steps) if (!(await run(step, true))) return false
  return true
}

const started = Date.now()
console.log('\n=== Static checks and build (side by side) ===')
const ok = await Promise.all(staticSteps.map(chain))
if (ok.includes(false)) process.exit(1)

console.log('\n=== Vitest (backend, renderer, e2e) ===')
const tests = await run(['Vitest', 'npx', ['vitest', 'run', ...process.argv.slice(2)]], false)
if (!tests) process.exit(1)
console.log(`\nAll checks passed in ${seconds(started)}.`)
