import { runCli } from './cli'

// A piped stdout is asynchronous: process.exit() right after the last write drops whatever
// the pipe has not taken yet (64 KiB), so exit only once both streams have drained.
function exitAfterFlush(code: number): void {
  process.exitCode = code
  let pending = 2
  const done = () => {
    pending -= 1
    if (pending === 0) process.exit(code)
  }
  process.stdout.write('', done)
  process.stderr.write('', done)
}

runCli(process.argv.slice(2), {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  env: process.env,
}).then(exitAfterFlush, (e: unknown) => {
  console.error(`执行失败：${e instanceof Error ? e.message : String(e)}`)
  exitAfterFlush(1)
})
