// The desktop shell: one window, locked down; every request goes through the contract.
import { app, BrowserWindow, dialog, ipcMain, Menu, net, protocol, session, shell } from 'electron'
import { dirname, join, normalize, relative, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { startBackend, type Backend } from '../backend/app/boot'
import { resolveDataDir } from '../backend/app/data-dir'
import { contract } from '../shared/contract'
import { CSP, startupFailure } from '../doors/door-common'

const SCHEME = 'lianjian'
const APP_ORIGIN = `${SCHEME}://app`
const devUrl = !app.isPackaged ? process.env['ELECTRON_RENDERER_URL'] : undefined
const here = dirname(fileURLToPath(import.meta.url))
const rendererDir = join(here, '..', 'renderer')

protocol.registerSchemesAsPrivileged([
  { scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

let backend: Backend | undefined
let win: BrowserWindow | undefined

const devOrigin = devUrl ? originOf(devUrl) : null

function originOf(url: string): string | null {
  try {
    return new URL(url).origin
  } catch {
    return null
  }
}

/** Our page exactly: the app protocol's origin, or (in development) the dev server's origin. */
function isOurPage(url: string): boolean {
  if (devOrigin && originOf(url) === devOrigin) return true
  return url.startsWith(`${APP_ORIGIN}/`)
}

function serveRenderer(): void {
  protocol.handle(SCHEME, async (request) => {
    const { pathname } = new URL(request.url)
    const file = normalize(join(rendererDir, decodeURIComponent(pathname)))
    const rel = relative(rendererDir, file)
    if (rel.startsWith('..') || rel.includes(`..${sep}`))
      return new Response('forbidden', { status: 403 })
    const target = rel === '' ? join(rendererDir, 'index.html') : file
    const res = await net.fetch(pathToFileURL(target).toString())
    const headers = new Headers(res.headers)
    headers.set('Content-Security-Policy', CSP)
    headers.set('X-Content-Type-Options', 'nosniff')
    return new Response(res.body, { status: res.status, headers })
  })
}

function registerIpc(b: Backend): void {
  ipcMain.handle('lianjian:invoke', (event, channel: unknown, input: unknown) => {
    const frameUrl = event.senderFrame?.url ?? ''
    if (!isOurPage(frameUrl) || event.sender !== win?.webContents) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: '拒绝访问：请求不是来自联建通窗口' },
      }
    }
    if (channel === 'app:pick-folder') return pickFolder(input)
    return b.invoke(channel, input)
  })
}

/** The one channel the shell answers itself: the system's folder dialog (validated input). */
async function pickFolder(input: unknown) {
  const parsed = contract['app:pick-folder'].input.safeParse(input ?? {})
  if (!parsed.success || !win) return { ok: true, data: { supported: true, path: null } }
  const r = await dialog.showOpenDialog(win, {
    title: parsed.data.title,
    defaultPath: parsed.data.defaultPath,
    properties: ['openDirectory', 'createDirectory'],
  })
  return { ok: true, data: { supported: true, path: r.canceled ? null : (r.filePaths[0] ?? null) } }
}

function lockDown(): void {
  // Only writing to the clipboard (the template tag reference's copy buttons) is allowed.
  session.defaultSession.setPermissionRequestHandler((_wc, perm, done) =>
    done(perm === 'clipboard-sanitized-write'),
  )
  // Permission checks (asked without a prompt, e.g. by navigator.permissions) get the same answer.
  session.defaultSession.setPermissionCheckHandler(
    (_wc, perm) => perm === 'clipboard-sanitized-write',
  )
  app.on('web-contents-created', (_e, contents) => {
    contents.on('will-navigate', (e, url) => {
      if (!isOurPage(url)) e.preventDefault()
    })
    // A server-side redirect is a navigation too.
    contents.on('will-redirect', (e, url) => {
      if (!isOurPage(url)) e.preventDefault()
    })
    contents.on('will-attach-webview', (e) => e.preventDefault())
    contents.setWindowOpenHandler(({ url }) => {
      // Only plain web links open, and in the system browser; nothing opens inside the app.
      if (/^https:\/\/[\w.-]+(\/|$)/.test(url)) void shell.openExternal(url)
      return { action: 'deny' }
    })
  })
}

function createWindow(): void {
  win = new BrowserWindow({
    width: 1366,
    height: 860,
    minWidth: 1024,
    minHeight: 640,
    title: '联建通',
    show: false,
    webPreferences: {
      preload: join(here, '..', 'preload', 'index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      spellcheck: false,
    },
  })
  win.once('ready-to-show', () => win?.show())
  void win.loadURL(devUrl ?? `${APP_ORIGIN}/index.html`)
}

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore()
      win.focus()
    }
  })
  app.whenReady().then(
    () => {
      const dataDir = resolveDataDir(process.argv, process.env, app.getPath('userData'))
      app.setPath('userData', dataDir)
      try {
        // Damaged or read-only data still opens: the window explains and offers a restore.
        // A packaged build trusts its own handlers' answers; every other run checks them.
        backend = startBackend(dataDir, 'electron', {
          autoBackup: true,
          checkOutputs: !app.isPackaged,
        })
      } catch (e) {
        dialog.showErrorBox('联建通无法启动', startupFailure(e))
        app.exit(1)
        return
      }
      Menu.setApplicationMenu(null)
      lockDown()
      serveRenderer()
      registerIpc(backend)
      createWindow()
    },
    (e: unknown) => {
      console.error('启动失败', e)
      app.exit(1)
    },
  )
  app.on('window-all-closed', () => {
    backend?.close()
    app.quit()
  })
}
