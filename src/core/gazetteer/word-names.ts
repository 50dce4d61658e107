/**
 * Names of GeoNames towns (towns.ts) that running text uses for something else: a common
 * Kazakh or Russian word, a river or mountain range, a party, or a person that streets and
 * squares are named after ("проспект Абая", "улица Чапаева"). A town with such a name is found
 * from the place field (resolvePlace) but never from a whole report (placeMentions).
 * Compared by normalizeName, so one spelling in either script stands for all of them.
 */
export const WORD_NAMES: readonly string[] = [
  // Kazakh words: good, big, light, iron, society, union, friendship, white water, black water,
  // white stone, poplar, sparrow, verse, oil worker, fisherman, "let alone", wild ass, loner,
  // sentry.
  'жақсы',
  'үлкен',
  'жарық',
  'темір',
  'қоғам',
  'бірлестік',
  'достық',
  'ақсу',
  'қарасу',
  'ақтас',
  'көктерек',
  'торғай',
  'аят',
  'мұнайшы',
  'балықшы',
  'түгіл',
  'құлан',
  'саяқ',
  'қарауыл',
  // Russian words: friendship, ball, "help!", factory, deep, meadow, suburban, lake, white
  // waters, steppe-dweller, virgin-land, Komsomol member, May Day, Leninist, Kirov's, Altai (as
  // in Altai Krai).
  'дружба',
  'шар',
  'караул',
  'заводской',
  'глубокое',
  'луговое',
  'луговой',
  'пригородное',
  'озерный',
  'приозерный',
  'белые воды',
  'степняк',
  'целинный',
  'молодежный',
  'комсомолец',
  'первомайка',
  'первомайский',
  'первомайское',
  'ленинский',
  'ленинское',
  'кировский',
  'алтайский',
  // Rivers, mountains and a party.
  'тобол',
  'тобыл',
  'тургай',
  'ертіс',
  'алтай',
  'ақжол',
  // People streets are named after, a first name, and a village that declines like the
  // surname Smirnova ("Смирновой").
  'абай',
  'әуезов',
  'махамбет',
  'чапаев',
  'орджоникидзе',
  'жамбыл',
  'тұрар рысқұлов',
  'турара рыскулова',
  'сәкен сейфуллин',
  'балпық би',
  'әйтеке би',
  'қасым қайсенов',
  'ильич',
  'жәнібек',
  'смирново',
];
