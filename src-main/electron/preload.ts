// The renderer's only bridge: one allow-listed invoke(channel, input). No raw ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron'
import { isChannel } from '../shared/channels'

contextBridge.exposeInMainWorld('lianjian', {
  invoke: (channel: string, input: unknown): Promise<unknown> => {
    if (!isChannel(channel)) {
      return Promise.resolve({
        ok: false,
        error: { code: 'UNKNOWN_CHANNEL', message: '程序请求了不存在的功能' },
      })
    }
    return ipcRenderer.invoke('lianjian:invoke', channel, input)
  },
})
