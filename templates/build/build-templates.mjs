// Regenerates the built-in .docx templates in templates/ (npm run templates). The files are
// committed; edit the layouts here, run the script, and look at the result (README: 打印).
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { minutes, notice, signIn, tasks } from './meeting-templates.mjs'
import { docx } from './package.mjs'
import { roster, ROSTER_KINDS, talentCard } from './register-templates.mjs'
import { report } from './report-template.mjs'

const out = join(dirname(fileURLToPath(import.meta.url)), '..')

const templates = {
  notice: notice(),
  'sign-in': signIn(),
  minutes: minutes(),
  tasks: tasks(),
  ...Object.fromEntries(ROSTER_KINDS.map((k) => [k, roster(k)])),
  'talent-card': talentCard(),
  report: report(),
}

for (const [kind, t] of Object.entries(templates)) {
  const file = join(out, `${kind}.docx`)
  writeFileSync(file, docx(t))
  console.log(`${kind}.docx  ${t.title}`)
}
