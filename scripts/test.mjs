// `npm test`: lint, typecheck, build, then every vitest project (backend, renderer, E2E).
// Three lanes run side by side on the 2-core CI machine, so that neither core idles:
//   checks: ESLint → Prettier → TypeScript                        (CPU-bound, ~1 core)
//   unit:   (once the build is done) backend and renderer tests    (CPU-bound, ~1 core)
//   E2E:    build, Chromium, print tools → E2E tests, one file at a time (mostly waiting on the
//           browser and the door, so it fits beside the others)
// Before, everything ran one after the other and the second core idled through the tests; with
// the static checks in front of the unit tests (two lanes) those two were the long pole
// (241 s + 251 s under load, while the E2E lane had finished at 326 s).
// Each step's output is printed in one block when it ends; a lane stops at its first failure.
import { spawn } from 'node:child_process'

const cache = (tool) => ['--cache', '--cache-location', `.tmp/${tool}-cache`]
// Arguments go to both vitest runs (e.g. a file filter); a filter that leaves one run with no
// files must not fail it.
const extra = process.argv.length > 2 ? ['--passWithNoTests', ...process.argv.slice(2)] : []

// One incremental `vue-tsc -b` over the three projects (main, renderer, renderer tests):
// build info under .tmp/tsbuild makes an unchanged project cost nothing on the next run.
const checks = [
  ['ESLint', 'npx', ['eslint', ...cache('eslint'), '.']],
  ['Prettier', 'npx', ['prettier', '--check', ...cache('prettier'), '.']],
  ['TypeScript (main, renderer, renderer tests)', 'npx', ['vue-tsc', '-b', 'tsconfig.check.json']],
]
const prepare = [
  ['Build', 'npx', ['electron-vite', 'build']],
  ['Chromium for E2E', 'node', ['scripts/ensure-chromium.mjs']],
  ['LibreOffice, poppler and fonts for the document check', 'node', ['scripts/ensure-print.mjs']],
]
const unitTests = [
  'Vitest: backend and renderer',
  'npx',
  ['vitest', 'run', '--project', 'backend', '--project', 'renderer', ...extra],
]
// The E2E run keeps no results cache: two vitest processes writing the same cache file at once
// could leave it half written, and one file at a time needs no duration-based ordering.
const e2eTests = [
  'Vitest: E2E',
  'npx',
  ['vitest', 'run', '--project', 'e2e', '--no-cache', ...extra],
]

// The E2E tests wait on a browser and a door; beside two CPU-bound lanes on two cores they were
// starved (a 身份证号 blur or a suggestion list not handled in 10 s). The CPU-bound lanes run at
// a lower priority, so the E2E lane gets a core when it wants one and they take what is left.
const background =
  process.platform === 'win32'
    ? (step) => step
    : ([name, cmd, args]) => [name, 'nice', ['-n', '10', cmd, ...args]]

const seconds = (t) => `${((Date.now() - t) / 1000).toFixed(1)} s`
const started = Date.now()

/** Runs one step, holding its output and printing it in one block when it ends. */
function run([name, cmd, args]) {
  const t = Date.now()
  return new Promise((done) => {
    const p = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let out = ''
    p.stdout.on('data', (b) => (out += b))
    p.stderr.on('data', (b) => (out += b))
    p.on('close', (code, signal) => {
      // The build's own progress lines are noise; its errors still show on failure.
      if ((code !== 0 || name !== 'Build') && out.trim()) console.log(`\n${out.trimEnd()}`)
      if (code === 0) console.log(`✓ ${name} (${seconds(t)}, at ${seconds(started)})`)
      else console.error(`✗ ${name} failed (exit ${code ?? signal}).`)
      done(code === 0)
    })
  })
}

async function chain(steps) {
  for (const step of steps) if (!(await run(step))) return false
  return true
}

console.log('Three lanes side by side: lint and types | backend and renderer tests | build, E2E')
console.log('(each step prints its output when it ends)\n')
const prepared = chain(prepare)
const lanes = await Promise.all([
  chain(checks.map(background)),
  // The backend tests use the built CLI and LibreOffice: they wait for the E2E lane's preparation.
  prepared.then((ok) => ok && run(background(unitTests))),
  prepared.then((ok) => ok && run(e2eTests)),
])
if (lanes.includes(false)) process.exit(1)
console.log(`\nAll checks passed in ${seconds(started)}.`)
