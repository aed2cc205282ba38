/**
 * Exports `translated(object, field, lang)`: the object's `translations[lang][field]` (trying the
 * full tag, then its primary language), else the field itself. Spaces write their texts in their
 * first language and translate them into the others (the spec's `Translations`).
 */
export function translated<T extends { translations?: Record<string, Record<string, string>> | undefined }, K extends keyof T & string>(object: T, field: K, lang: string): T[K] {
  const byLang = object.translations;
  const primary = lang.toLowerCase().split('-')[0]!;
  const text = byLang?.[lang]?.[field] ?? byLang?.[primary]?.[field];
  return (text ?? object[field]) as T[K];
}
