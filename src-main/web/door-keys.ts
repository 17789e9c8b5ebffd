// Who may use the browser door: the person who started it. The start-up URL carries a one-time
// code (printed only to that person's terminal); opening it exchanges the code for an HttpOnly,
// SameSite=Strict session cookie, and only a page holding that cookie is given the API token.
// Another account on the same PC can reach 127.0.0.1 but never sees the terminal. Sessions are
// kept (hashed) in the data folder, readable by the user only, so a bookmark keeps working
// after the door restarts.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync, renameSync, writeFileSync } from 'node:fs'

const fresh = () => randomBytes(24).toString('base64url')

function member(set: Set<string>, given: string | undefined): boolean {
  if (!given) return false
  const a = Buffer.from(given)
  for (const s of set) {
    const b = Buffer.from(s)
    if (a.length === b.length && timingSafeEqual(a, b)) return true
  }
  return false
}

const SESSION_DAYS = 30
const hash = (s: string) => createHash('sha256').update(s).digest('hex')

interface Stored {
  hash: string
  at: number
}

export class DoorKeys {
  private codes = new Set<string>()
  private sessions = new Map<string, number>()

  /** `store`: a file in the data folder keeping the session hashes across restarts. */
  constructor(
    readonly cookieName: string,
    private readonly store?: string,
  ) {
    if (!store) return
    try {
      const list = JSON.parse(readFileSync(store, 'utf8')) as Stored[]
      const oldest = Date.now() - SESSION_DAYS * 86_400_000
      for (const s of list)
        if (typeof s.hash === 'string' && s.at > oldest) this.sessions.set(s.hash, s.at)
    } catch {
      // No file yet, or unreadable: everyone opens with the start-up address again.
    }
  }

  private save(): void {
    if (!this.store) return
    const list = [...this.sessions].map(([h, at]) => ({ hash: h, at }))
    try {
      writeFileSync(`${this.store}.tmp`, JSON.stringify(list), { mode: 0o600 })
      renameSync(`${this.store}.tmp`, this.store)
    } catch {
      // Kept in memory for this run; a restart asks for the start-up address again.
    }
  }

  /** A code that opens the door once. */
  newCode(): string {
    const code = fresh()
    this.codes.add(code)
    return code
  }

  /** Spends the code; a new session id on success, null when it is unknown or already used. */
  exchange(code: string): string | null {
    if (!member(this.codes, code)) return null
    this.codes.delete(code)
    const session = fresh()
    this.sessions.set(hash(session), Date.now())
    this.save()
    return session
  }

  hasSession(cookieHeader: string | undefined): boolean {
    const given = readCookie(cookieHeader, this.cookieName)
    // Compared as hashes: equal length, and the stored value is not the cookie itself.
    return given !== undefined && member(new Set(this.sessions.keys()), hash(given))
  }

  cookie(session: string): string {
    return `${this.cookieName}=${session}; Path=/; Max-Age=${SESSION_DAYS * 86_400}; HttpOnly; SameSite=Strict`
  }
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [k, ...v] = part.trim().split('=')
    if (k === name) return v.join('=')
  }
  return undefined
}

/** The page for a browser without a session: how to open the app, in Chinese. */
export function closedDoorPage(reason: 'none' | 'used'): string {
  const why =
    reason === 'used'
      ? '这个打开地址已经用过或不正确（每个地址只能用一次）。'
      : '为了保护台账里的个人信息，联建通浏览器版只对启动它的人开放。'
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>联建通：请用启动时显示的地址打开</title>
<style>body{font-family:'Noto Sans CJK SC','Microsoft YaHei',sans-serif;max-width:640px;margin:80px auto;line-height:1.8;color:#1f2937}code{background:#f3f4f6;padding:2px 6px}</style></head>
<body><h1>请用启动时显示的地址打开联建通</h1><p>${why}</p>
<p>请回到启动联建通的终端窗口（运行 <code>npm start</code> 或 <code>npm run web</code> 的那个窗口），复制那里显示的完整地址（形如 <code>http://127.0.0.1:17880/?code=…</code>）到浏览器里打开。</p>
<p>如果那个地址已经用过，在终端窗口里按一下<strong>回车键</strong>，会显示一个新的地址。</p></body></html>`
}
