import 'element-plus/es/components/message/style/css'
import 'element-plus/es/components/message-box/style/css'
import 'element-plus/theme-chalk/el-overlay.css'
import { createPinia } from 'pinia'
import { createApp } from 'vue'
import App from './App.vue'
import { prefetchPages, router } from './router'
import './styles/app.css'
import { startSummaryEarly } from './views/dashboard/summary-request'

startSummaryEarly(location.hash)

createApp(App).use(createPinia()).use(router).mount('#app')
void router.isReady().then(prefetchPages)
