import { describe, expect, it } from 'vitest'
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser'
import compile from 'icu-minify/compile'
import format from 'icu-minify/format'
import { createTranslator } from 'use-intl/core'
import en from '../../messages/en.json'
import zh from '../../messages/zh-CN.json'

// The web build compiles every message to its syntax tree (next.config.ts, `precompile`) and
// formats it without parsing; the worker, e-mails and tests format the same catalogues from
// their text. Both must write the same words: every message of both languages, with every
// plural form and every choice of a select, read both ways.

type Values = Record<string, string | number | Date | ((chunks: string[]) => string)>

const WHEN = new Date('2026-11-25T03:04:05Z')
const TIME_ZONE = 'Asia/Shanghai'

// Every set of values worth trying: one per plural count and per select choice, combined.
function valueSets(elements: MessageFormatElement[], sets: Values[] = [{}]): Values[] {
  let out = sets
  const each = (name: string, choices: Values[string][]) => {
    if (name in out[0]) return
    out = out.flatMap((set) => choices.map((choice) => ({ ...set, [name]: choice })))
  }
  for (const el of elements) {
    if (el.type === TYPE.argument) each(el.value, ['Ada Lin'])
    else if (el.type === TYPE.number) each(el.value, [1234.5])
    else if (el.type === TYPE.date || el.type === TYPE.time) each(el.value, [WHEN])
    else if (el.type === TYPE.plural) {
      each(el.value, [0, 1, 2, 21])
      for (const option of Object.values(el.options)) out = valueSets(option.value, out)
    } else if (el.type === TYPE.select) {
      each(el.value, Object.keys(el.options))
      for (const option of Object.values(el.options)) out = valueSets(option.value, out)
    } else if (el.type === TYPE.tag) {
      const tag = el.value
      each(tag, [(chunks: string[]) => `<${tag}>${chunks.join('')}</${tag}>`])
      out = valueSets(el.children, out)
    }
  }
  return out
}

function leaves(tree: object, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : leaves(value, `${prefix}${key}.`),
  )
}

const formatters = {
  getDateTimeFormat: (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) => new Intl.DateTimeFormat(...args),
  getNumberFormat: (...args: ConstructorParameters<typeof Intl.NumberFormat>) => new Intl.NumberFormat(...args),
  getPluralRules: (...args: ConstructorParameters<typeof Intl.PluralRules>) => new Intl.PluralRules(...args),
}

describe.each([
  ['en', en],
  ['zh-CN', zh],
])('the %s catalogue', (locale, messages) => {
  it('reads the same compiled as parsed, for every message and every form', () => {
    const parsed = createTranslator({
      locale,
      messages,
      timeZone: TIME_ZONE,
      onError: (error) => {
        throw error
      },
    })
    let checked = 0
    for (const [key, text] of leaves(messages)) {
      const compiled = compile(text)
      for (const values of valueSets(parse(text))) {
        const fromTree = format<string>(compiled, locale, values, { formatters, timeZone: TIME_ZONE })
        const fromText = parsed.markup(key as never, values as never)
        expect([key, Array.isArray(fromTree) ? fromTree.join('') : fromTree]).toEqual([key, fromText])
        checked++
      }
    }
    expect(checked).toBeGreaterThan(leaves(messages).length)
  })
})
