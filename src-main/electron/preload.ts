// The renderer's only bridge: one invoke(channel, input) over one IPC channel. No raw
// ipcRenderer. The sandboxed preload cannot load the contract (zod), so it only refuses what
// cannot be a channel name; the main process checks the name against the contract itself.
import { contextBridge, ipcRenderer } from 'electron'

const CHANNEL_SHAPE = /^[a-z_]{1,40}:[a-z-]{1,40}$/

contextBridge.exposeInMainWorld('lianjian', {
  invoke: (channel: string, input: unknown): Promise<unknown> => {
    if (typeof channel !== 'string' || !CHANNEL_SHAPE.test(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: '程序请求了不存在的功能，请升级或重启联建通。' },
      })
    }
    return ipcRenderer.invoke('lianjian:invoke', channel, input)
  },
})
