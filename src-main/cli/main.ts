import { runCli } from './cli'

runCli(process.argv.slice(2), {
  out: (l) => console.log(l),
  err: (l) => console.error(l),
  env: process.env,
}).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(`执行失败：${e instanceof Error ? e.message : String(e)}`)
    process.exit(1)
  },
)
