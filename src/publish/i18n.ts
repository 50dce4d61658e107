/**
 * Interface languages. Each page module keeps its own dictionary next to its markup and builds
 * a translator with `translator`; this file holds what every page shares.
 */
export const LANGS = ['en', 'ru'] as const;
export type Lang = (typeof LANGS)[number];

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The best interface language for an Accept-Language header; English when nothing fits. */
export function langFromAcceptLanguage(header: string | undefined | null): Lang {
  if (!header) return 'en';
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const weight = q ? Number(q.slice(2)) : 1;
      return { base: tag.trim().toLowerCase().split('-')[0] ?? '', weight: Number.isFinite(weight) ? weight : 0, i };
    })
    .filter((x) => x.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.i - b.i);
  for (const { base } of ranked) {
    if (isLang(base)) return base;
    // Kazakh-speaking readers are far more likely to read Russian than English.
    if (base === 'kk') return 'ru';
  }
  return 'en';
}

export type Dict<K extends string> = Record<Lang, Record<K, string>>;

/** A function that looks a key up in `dict` and fills `{name}` placeholders. */
export function translator<K extends string>(dict: Dict<K>) {
  return (lang: Lang, key: K, vars?: Record<string, string | number>): string => {
    const template = dict[lang][key] ?? dict.en[key];
    if (!vars) return template;
    return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
  };
}

/** Russian plural form for a count: 1 событие, 2 события, 5 событий. */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const mod10 = n % 10;
  const mod100 = n % 100;
  if (mod10 === 1 && mod100 !== 11) return one;
  if (mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14)) return few;
  return many;
}

export const common = translator({
  en: {
    siteTitle: 'Kazakhstan, January 2022',
    tagline: 'A verified chronicle of the uprising',
    navChronology: 'Chronology',
    navMap: 'Map',
    navReport: 'Send a report',
    navData: 'Data',
    navEditor: 'Editors',
    skip: 'Skip to content',
    language: 'Language',
    footerData: 'Data and feeds',
    footerAbout: 'Caravan keeps this chronicle: reports are checked by editors before they appear here.',
    errorTitle: 'Something is wrong with this request',
    notFoundTitle: 'Not found',
    notFoundText: 'There is nothing at this address.',
    serverErrorTitle: 'Something went wrong on our side',
    serverErrorText: 'Nothing you sent was lost. Please try again in a moment.',
    backHome: 'Back to the chronology',
    logWitnessedNone: 'Every publication here is written into a signed public log.',
    logWitnessedOne: 'Every publication here is written into a signed public log, witnessed by 1 mirror.',
    logWitnessedMany: 'Every publication here is written into a signed public log, witnessed by {count} mirrors.',
    logCheck: 'How to check it',
  },
  ru: {
    siteTitle: 'Казахстан, январь 2022',
    tagline: 'Проверенная хроника восстания',
    navChronology: 'Хроника',
    navMap: 'Карта',
    navReport: 'Сообщить',
    navData: 'Данные',
    navEditor: 'Редакция',
    skip: 'К содержанию',
    language: 'Язык',
    footerData: 'Данные и ленты',
    footerAbout: 'Хронику ведёт Caravan: сообщения проверяют редакторы, прежде чем они появятся здесь.',
    errorTitle: 'С этим запросом что-то не так',
    notFoundTitle: 'Не найдено',
    notFoundText: 'По этому адресу ничего нет.',
    serverErrorTitle: 'Ошибка на нашей стороне',
    serverErrorText: 'Отправленное вами не потеряно. Попробуйте ещё раз чуть позже.',
    backHome: 'К хронике',
    logWitnessedNone: 'Каждая публикация здесь записывается в подписанный открытый журнал.',
    logWitnessedOne: 'Каждая публикация здесь записывается в подписанный открытый журнал; его заверяет одно зеркало.',
    logWitnessedMany: 'Каждая публикация здесь записывается в подписанный открытый журнал; его заверяют зеркала: {count}.',
    logCheck: 'Как это проверить',
  },
});
