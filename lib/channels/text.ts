import { createTranslator } from 'use-intl/core'
import en from '../../messages/en.json'
import zh from '../../messages/zh-CN.json'

// Words the service itself puts into a thread or a channel, in the client's language.
export function channelText(locale: 'zh_CN' | 'en') {
  return createTranslator({
    locale: locale === 'en' ? 'en' : 'zh-CN',
    messages: locale === 'en' ? en : zh,
    namespace: 'channels.service',
  })
}
