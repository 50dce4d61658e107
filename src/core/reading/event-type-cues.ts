/**
 * The word lists `readEventType` reads a report with (event-type.ts says how they are weighed).
 * Each pattern is matched in folded text (`foldLetters`: Kazakh letters as their Russian
 * neighbours, Latin without marks), so a list written once matches Жаңаөзен and Жанаозен, and
 * "оқ атты", "ок атты" and "oq atty" alike. A kind names what the text says happened; several
 * lists may give one kind. A few kinds count only with a word near them: a headcount with a
 * square or an akimat (`GATHER_PLACE`), burning with a building or car (`BURNING_THING`), and a
 * shot's target (`AT_CROWD`, `AT_PEOPLE`) makes it shooting at a crowd or at people.
 */
/** Whole words of folded text: "…" stands for any ending, a space for spaces or a hyphen. */
export function words(...alternatives: string[]): RegExp {
  const body = alternatives.join('|').replaceAll('…', String.raw`\p{L}*`).replaceAll(' ', String.raw`[\s-]+`);
  return new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${body})(?![\p{L}\p{N}])`, 'gu');
}

export type Kind =
  | 'protest'
  | 'crowd'
  | 'gather'
  | 'headcount'
  | 'peaceful'
  | 'summary'
  | 'disperse'
  | 'disperseIfProtest'
  | 'detain'
  | 'shoot'
  | 'shootAtCrowd'
  | 'shootAtPeople'
  | 'live'
  | 'kill'
  | 'civilian'
  | 'burn'
  | 'arson'
  | 'storm'
  | 'wreck'
  | 'riot'
  | 'aftermath'
  | 'attack'
  | 'clash'
  | 'loot'
  | 'looter'
  | 'armed'
  | 'battle'
  | 'cto'
  | 'internet'
  | 'internetCut'
  | 'government'
  | 'order'
  | 'curfew'
  | 'emergency'
  | 'troops';

export interface Cue {
  kind: Kind;
  pattern: RegExp;
  /** Matched in the text as written, case and all ("КТО" is the operation, "кто" is "who"). */
  caseSensitive?: boolean;
  /** The cue states an absence itself ("нет интернета"), so a negation is what it means. */
  negationIsMeaning?: boolean;
}

/** An order to shoot: "приказ открывать огонь на поражение", "shoot to kill without warning". */
export const ORDER = words(
  'приказ… (?:открывать|открыть|стрелять|на поражение|огонь)|(?:отдал…|дал…|отдан…) приказ…|приказал… (?:стрелять|открывать|открыть)',
  '(?:gave|given|issued|has given) (?:the |an )?orders?|ordered (?:\\p{L}+ ){0,3}to (?:shoot|fire|open fire)|shoot to kill',
  'буйрык (?:берди|бердим|берилди)|буйырд…',
);
/** People who are there to work or live, not to rally: "в акимате работают 300 человек". */
export const AT_WORK = words('работа…|живут|живет|трудятся|сотрудник…|employees|staff|work(?:s|ing)?|live|жумыс…|турады');
/** A square: people shot at on one are the crowd on it. */
export const SQUARE = words('(?:на|по) (?:главн… |центральн… )?площад…|on the (?:main |central )?square|аланда|аландагы…|alanda');
/** Where a crowd gathers: a headcount near one of these is a crowd. */
export const GATHER_PLACE = words(
  'площад…|акимат…|администрац…|мэри…|сквер…|монумент…|стел…|памятник…|square|akimat|administration|city hall|town hall',
  'алан…|акимдик…|akimdik…|alan(?:da|ga)|мемориал…|стадион…',
);

export const CUES: readonly Cue[] = [
  {
    kind: 'protest',
    pattern: words(
      'митинг…|шестви…|протест(?!ир)…|демонстрац…|демонстрант…|пикет…|забастов…|бастуют',
      'собрал(?:ись|ось|ась|ся)(?! (?:уезжать|уехать|ехать|домой|спать|уходить))|вышли на (?:площад…|улиц…)',
      'rall(?:y|ies|ied|ying)|protest(?:s|ers?|ing|ed)?|demonstrat(?:ion|ions|ors?|ing|ed)|gathered',
      'gathering|marched|marching|marchers|on strike|strikers|жиналд…|жиналып|жиналг(?:ан|андар)…|шеру…',
      'наразылык…|ереуил…|аланга шы[кг]…|кошеге шы[кг]…|jinal(?:dy|yp|gan)…|sheru…|şeru…|narazyl[yi][qk]…|miting…|alanga shy[qkg]…',
      'голодовк…|hunger strike|sit ?ins?|ашаршылык жариял…|аштык жариял…',
    ),
  },
  {
    kind: 'crowd',
    pattern: words(
      'толп…|crowds?|mobs?|тобыр…|мындаган адам…|тысяч… (?:человек|людей)|(?:thousands|hundreds) of people',
      'сотни (?:человек|людей)|жуздеген адам…',
    ),
  },
  // A crowd doing what a rally does, with no word for a rally: out on the square, staying, demanding, chanting.
  {
    kind: 'gather',
    pattern: words(
      'вышл(?:и|о) (?:к|в) (?:акимат…|центр…|здани…|администрац…|мэри…)|вышли на (?:главн… |центральн… )?(?:акимат…|центр…)',
      'люди вышли|вышли люди|народ вышел|вышел народ|выходят на (?:площад…|улиц…)|(?:зашли|вошли) в (?:акимат…|здани… акимат…)',
      '(?:народ…|люди|людей|толп…) (?:на|у|около|возле|перед) (?:площад…|акимат…|администрац…|мэри…)|на площади (?:народ|люди)',
      '(?:требуют|требуем|требовали) (?:вернуть|снизить|отставк…|уход…|освобод…|справедлив…|диалог…|встреч…|чтобы|отмен…|цен…)',
      'требования (?:протестующ…|митингующ…|народ…|жанаозен…)|скандиру…|лозунг…|с флагами|флаг… казахстан…|стоят мирно|мирно стоят|(?:стоят|стоим) на площади',
      'не расход(?:ятся|имся|ились)|(?:остаются|остались|ночуют|ночевали) на площади|юрт(?:ы|у)|в знак солидарности|солидарн…',
      'в поддержку (?:жанаозен…|протестующ…|митингующ…)|заняли площадь|идут (?:к|на) (?:акимат…|площад…)',
      '(?:people|crowds?|protesters|they|hundreds|thousands) (?:are )?(?:marching|heading|walking) (?:to|towards) the (?:square|akimat)',
      'акимдикке (?:кирд…|кирип|карай)|аланга карай',
      '(?:people|crowds?|hundreds|thousands|residents|locals|protesters|workers|they) (?:came|come|are coming|turned) out',
      'took to the streets|poured (?:into|onto) the (?:streets|square)|filled the square|chant(?:ed|ing|s)?',
      'demanding|(?:they|people|protesters|crowds?) demand(?:ed|s)?|in solidarity|never went home|(?:stayed|remain(?:ed)?) on the square',
      'slogans?|placards|banners|waving (?:flags|the flag)|with flags|national flags?|yurts?|people (?:on|in) the square',
      'аланда (?:калды|калып|тур…|отыр…|жур…|тунеди|тунеп)|(?:акимдик…|акимат…) алдын(?:да|а) (?:тур…|жинал…|отыр…|шык…)',
      'талап (?:етип|етуде|етти|етеди|етеми…|кою…)|ураны|урандар…|уран (?:таста…|айт…|котер…)|шал кет|ту (?:котер…|устап)|туларын',
      'кииз уй… (?:тиг…|тик…)|ынтымак…|(?:адамдар|халык) аланда|кетпейми(?:з|н)',
      'alanda (?:[qk]aldy|tur…|otyr…)|kiiz u[iy] ti[gk]…|shal ket|talap et…|urany|(?:adamdar|halyq|halyk) alanda',
    ),
  },
  // A number of people: a crowd only with a square or an akimat near it ("на площади уже человек 300").
  {
    kind: 'headcount',
    pattern: words(
      '(?:\\d+(?: \\d{3})?|сотни|тысячи|сотня|пара сотен|несколько (?:сотен|тысяч)) (?:человек|людей)|человек (?:\\d+|сто|двести|триста|пятьсот)',
      '(?:\\d+(?:,\\d{3})?|a (?:couple|few) hundred|several hundred|hundreds|thousands) (?:people|men|protesters)',
      '\\d+(?: \\d{3})?(?: ?-?(?:ге|ка|га|ке|ден|дан|тен|тан|нан|нен) (?:жуык|астам))? (?:адам|kisi|adam)',
    ),
  },
  {
    kind: 'peaceful',
    pattern: words(
      'мирн(?:ый|ая|ое|ые|ого|ом|ых) (?:митинг…|шестви…|протест…|акци…|демонстрац…)|peaceful…|peacefully',
      'бейбит (?:шеру…|митинг…|наразылык…|жиын…)|be[iy]b[iy]t (?:sheru…|şeru…)',
    ),
  },
  {
    kind: 'disperse',
    pattern: words(
      'разогна…|разгоня…|разгон(?:а|е|ом)?|слезоточив…|светошумов…|свето шумов…|шумов… гранат…|водомет…',
      'резинов… пул…|дубинк…|dispers…|tear ?gas|teargas|stun grenades?|flash ?bangs?|rubber bullets?',
      'water cannons?|batons?|pepper spray|коздан жас агызатын|коз жасын агызатын|жас агызатын газ…',
      'газ (?:шашты|колданды|атты|жиберди)|дыбыстык граната…|жарык шу…|шу граната…|резенке ок…',
    ),
  },
  // "таратты" also means "spread the word": a dispersal only where a protest is told of.
  { kind: 'disperseIfProtest', pattern: words('тарат(?:ты|ып|у|уда|ылды|ылып|кан|ады)|tarat(?:ty|yp|ty)') },
  {
    kind: 'detain',
    pattern: words(
      'задерж(?:али|ала|ал|ан…|ива…|ани…|ать|ит|им)|арест…|автозак…|detain…|detention…|arrest…',
      'taken into custody|rounded up|камауга ал…|туткындал…|ustal(?:dy|gan…)|ustap aldy',
      // Not Russian "устал" (tired): only Kazakh endings; "ұстап" alone is "holding" (a placard).
      'устал(?:ды|ган…|ып|уда)|устап (?:алды|акетти|жатыр|кетти|алып)|устады|ustady',
    ),
  },
  {
    kind: 'shoot',
    pattern: words(
      'стреля…|стрельб…|выстрел…|открыл… огонь|огонь (?:по|на поражение)|пальб…|палят|обстрел…|расстрел…',
      'shooting|shots|shot (?:at|into)|gunfire|gunshots?|open(?:ed)? fire|firing',
      'fired (?:on|at|into|upon|shots)|атыс…|ок ат(?:ты|ып|ылды|у|уда|кан…|ылып)|ок жаудыр…|аткыла…',
      'атып (?:жатыр…|жиберди|тур)|atys…|o[qk] at(?:ty|yp)|strelya…|strelba',
    ),
  },
  {
    kind: 'live',
    pattern: words('боевы(?:ми|е|х) (?:патрон…|пул…)|live (?:ammunition|rounds|fire|bullets)|нагыз ок…|жауынгерлик ок…'),
  },
  {
    kind: 'kill',
    pattern: words(
      'убит…|убил…|убива…|погиб…|застрел…|killed|killing…|shot dead|dead|died|murdered|каза (?:тап|бол)…',
      'олтир…|олди|мерт бол…|[qk]aza (?:tap|bol)…|oltir…',
    ),
  },
  {
    kind: 'civilian',
    pattern: words(
      'мирн(?:ых|ые|ого|ый|ая|ую|ой|ым) (?:жител…|граждан…|люд…|населен…)|мирных|прохож…|водител…|ребен…',
      'детей|дети|пенсионер…|журналист…|civilians?|passers? ?by|bystanders?|drivers?|child(?:ren)?',
      'journalists?|бейбит тургын…|тургын…|жургизуши…|балалар…|баласы|жолаушы…|be[iy]b[iy]t turg[yi]n…',
    ),
  },
  {
    kind: 'burn',
    pattern: words(
      'горит|горят|горел…|сгорел…|пылает|пылают|в огне|пожар(?:ы|а|е|ом)?|burning|burned|burnt|on fire',
      'in flames|ablaze|жанып (?:жатыр…|кетти|тур)|ортенди|ортенип|орт (?:шыкты|шалды|кетти)',
    ),
  },
  {
    kind: 'arson',
    pattern: words(
      'подожгл…|подожг(?:ли|ла)|поджиг…|поджог…|сожгл…|сожжен…|жгут|жгли|жжет|set (?:on )?fire|set alight',
      'set ablaze|torch(?:ed|ing)|ортеп…|ортеди|ортеген…|орт койд…|жагып (?:жиберди|жатыр)|ortep…',
    ),
  },
  {
    kind: 'storm',
    pattern: words(
      'штурм…|ворвал…|врыва…|вломил…',
      'захват(?:или|ил|ила|ывают|ят) (?:акимат…|аэропорт…|здани…|резиденци…|телецентр…|телеканал…|оружи…)',
      'stormed|storming|broke into (?:the )?(?:akimat|building|city hall|residence|airport)',
      'seized (?:the )?(?:akimat|airport|building|city hall|residence)',
      'басып (?:алды|алып|кирди|кирип|алган…)|basyp (?:aldy|kirdi)',
      '(?:акимат…|аэропорт…|здани…|резиденци…|телецентр…|телеканал…) (?:захвачен…|захватили|под контролем (?:толп…|протестующ…|митингующ…))',
      '(?:airport|akimat|building|city hall|residence) (?:was |is |has been )?(?:seized|captured|taken over|stormed)',
      '(?:took|taken) over (?:the )?(?:airport|akimat|building|city hall|residence)',
    ),
  },
  // Damage a crowd does: a statue toppled, windows smashed, sticks in hand.
  {
    kind: 'wreck',
    pattern: words(
      '(?:снесли|сносят|повалили|свалили|сбросили) памятник…|памятник… (?:снесли|снесен…|повалили|свалили|сбросили)',
      'toppl… (?:the |a )?(?:statue|monument)|tore down (?:the |a )?(?:statue|monument)|(?:statue|monument) (?:was )?(?:toppled|torn down)',
      'ескерткиш… (?:кулат…|кулатыл…)|eskertkish… [qk]ulat…',
      'разбил… (?:окна|стекла|витрин…|двери)|бьют (?:окна|стекла|витрин…)|громят(?! (?:магазин…|банкомат…|банк…))|крушат|ломают',
      'smash(?:ed|ing)? (?:the )?(?:windows|doors|glass)|windows (?:are |were )?smashed|vandali[sz]…|терезе… (?:сындыр…|сынды…)',
      'с (?:палками|дубинами|арматурой|битами)|with (?:sticks|clubs|iron bars|rods|bats)|таякпен|таяк (?:устаган…|алып)',
    ),
  },
  { kind: 'riot', pattern: words('беспорядк…|погром(?!щик)…|riots?|rioting|rioters|тартипсиздик…|булик…|bulik…') },
  // What is left of a riot, told the day after: no new event, less sure.
  {
    kind: 'aftermath',
    pattern: words(
      'сгоревш…|обгоревш…|burnt out|burned out|charred|последстви…|aftermath|from yesterday|since yesterday|вчерашн…|кешеги',
      "after (?:the|last night['’]s) (?:riots|unrest|clashes)|following the riots",
    ),
  },
  // The report sums up the country, not one event: "протесты в десятке городов".
  {
    kind: 'summary',
    pattern: words(
      'по (?:всей )?стране|по всему казахстану|во (?:всех|многих) (?:городах|регионах|областях)',
      'в (?:десятке|нескольких|ряде|многих|разных|\\d+) (?:городов|городах|регионов|регионах|областей|областях)',
      'across (?:the )?(?:country|kazakhstan)|nationwide|in (?:several|many|a dozen|dozens of|\\d+|all major) (?:cities|towns|regions)',
      'so far|in total|в общей сложности|букил ел…|(?:барлык|бирнеше|коптеген) (?:калалар…|облыстар…|аймактар…)',
    ),
  },
  {
    kind: 'attack',
    pattern: words(
      'напа(?:ли|дают|ла|л) на|нападени…',
      'attack(?:ed|ing)? (?:the )?(?:police|soldiers|troops|security|akimat|officers)|шабуыл…',
    ),
  },
  {
    kind: 'clash',
    pattern: words(
      'столкновен…|стычк…|clash…|skirmish…|кактыгыс…|(?:броса|кида)(?:ют|ли|ет|ть) камн…|камнями',
      'throw(?:ing)? stones|threw stones|molotov…|коктейл… молотова|тас лактыр…',
    ),
  },
  {
    kind: 'loot',
    pattern: words(
      'граб(?:ят|ит|ил…|ить|еж…)|ограбл…|ограбил…|разграб…|растаскива…',
      'громят (?:магазин…|банкомат…|банк…)|разгромил… (?:магазин…|банкомат…|банк…)|мародерств…',
      'loot(?:ed|ing|s)?|ransack…|plunder…|тонап…|тона(?:ды|лды|лган…|у…|ган…|йды)|tonap…|tona(?:ldy|dy|u)',
    ),
  },
  { kind: 'looter', pattern: words('мародер(?!ств)…|looters?|тонаушы…|tonaush[yi]…') },
  {
    kind: 'armed',
    pattern: words(
      'вооружен… (?:люд…|лиц…|мужчин…|групп…|банд…|неизвестн…|боевик…|человек)|неизвестн… вооружен…|боевик…',
      'террорист…|бандит…|бандгрупп…|gunm[ae]n',
      'armed (?:men|man|people|groups?|gangs?|individuals|militants|assailants|persons)|militants?',
      'terrorists?|bandits?|карулы (?:адам…|топ…|жигит…|ер…|кисил…|бандит…|ланкес…|содыр…)|ланкес(?!тикке)…',
      'содыр…|[qk]aruly (?:adam…|top…)',
    ),
  },
  {
    kind: 'battle',
    pattern: words(
      'перестрелк…|бо(?:й|и|ях|я|ем|ев)|обмен… огнем|gunfights?|firefights?|shoot ?outs?|exchange… of fire',
      'exchanged fire|fighting|battles?|урыс…|шайкас…',
    ),
  },
  {
    kind: 'cto',
    pattern: words('контртеррористическ…|антитеррористическ…|counter ?terror…|anti ?terror…|терроризмге карсы', 'ланкестикке карсы'),
  },
  { kind: 'cto', pattern: /(?<![\p{L}\p{N}])КТО(?![\p{L}\p{N}])/gu, caseSensitive: true },
  // The net gone, as people noticed it ("интернета нет") or as the shutdown it was ("интернет отключили").
  {
    kind: 'internet',
    negationIsMeaning: true,
    pattern: words(
      'интернет… (?:нет|не работает|не работал|пропал…)|(?:нет|пропал|без) интернет…|связи нет|нет связи|связь (?:не работает|пропал…)',
      'internet (?:is |was |has been )?(?:down|out|gone)|no (?:internet|signal|mobile network)',
      'интернет (?:жок|истемей…)|байланыс жок|internet (?:joq|jok|zhok)',
    ),
  },
  {
    kind: 'internetCut',
    pattern: words(
      'интернет… (?:отключ…|выключ…|заблокир…|огранич…|отрубил…|вырубил…)|(?:отключ…|выключ…|заблокир…|отрубил…|вырубил…) интернет…',
      'отключ… связь|связь отключ…|internet (?:is |was |has been )?(?:cut|off|shut…|blocked)|shut down the internet',
      '(?:internet|network|mobile) (?:shutdown|blackout|outage)|cut (?:off )?the internet|blackout',
      'интернет (?:ажыратыл…|ажыратт…|сонди…|жабыл…|узил…|ошир…|ошти)|байланыс (?:узил…|ажыратыл…)|internet (?:oshiril…|ajyratyl…)',
    ),
  },
  // What the government decided: the cabinet dismissed, officials removed.
  {
    kind: 'government',
    pattern: words(
      'отставк… правительств…|правительств… (?:ушл…|отправлен…|отправил…|уходит) в отставку|отправил… в отставку|принял… отставку',
      'government (?:has )?resign…|resignation of the (?:government|cabinet)|dismissed the (?:government|cabinet)',
      '(?:cabinet|prime minister) (?:has )?(?:resigned|stepped down)|укимет… отставка…|отставкага (?:кетти|жиберди|жиберилди)',
      'освобожден… от должности|освободил… от должности|снят… с (?:поста|должности)|removed from (?:his |the )?post',
      '(?:took|takes|has taken) over (?:as )?(?:the )?(?:head|chair…) of the security council|возглавил… (?:совбез|совет безопасности)',
      'кауипсиздик кенеси… (?:торага…|басшы…)|ukimet… otstavka…',
    ),
  },
  // An order to shoot, quoted: the shooting in it has not happened.
  { kind: 'order', pattern: ORDER },
  {
    kind: 'curfew',
    pattern: words('комендантск… час…|curfew…|коменданттык (?:сагат…|режим…)|комендант сагат…|komendantty[qk]…'),
  },
  {
    kind: 'emergency',
    pattern: words(
      'чрезвычайн… положени…|чп|state of emergency|emergency rule|тотенше (?:жагдай…|режим…)',
      'toten(?:sh|ş)e (?:jagda[iy]…|zhagdai…)',
    ),
  },
  {
    kind: 'troops',
    pattern: words(
      'одкб|csto|укшу|миротворц…|миротворческ…|peacekeep…',
      '(?:российск…|русск…|иностранн…) (?:войск…|военн…|десант…|солдат…|военнослужащ…)',
      '(?:russian|foreign) (?:troops|soldiers|paratroopers|forces)|ввод… войск…',
      'войска (?:вошли|прибыли|введены|заходят)|troops (?:arrived|arriving|have arrived|entered|deployed)',
      'битимгер…|ресей (?:аскер…|сарбаз…)|ужымдык кауипсиздик…',
    ),
  },
];

/** Whom a shot was aimed at: protesters or a crowd, or people in general. */
export const AT_CROWD = words(
  '(?:по|в) (?:толп…|митингующ…|протестующ…|демонстрант…|собравш…|митинг…)',
  '(?:at|on|into|upon) (?:the )?(?:crowds?|protesters|demonstrators|rally|marchers)',
  'жиналг(?:андарга|андарды)|шеруши…|наразылык билдируши…|митингиге|митингке|тобырга|тобырды',
);
export const AT_PEOPLE = words(
  '(?:по|в) (?:людям|люд…|народ…|мирн…|безоружн…|гражданск…|машин…)',
  '(?:at|on|into|upon) (?:the )?(?:people|civilians|unarmed…|residents|cars?)|халыкка|халыкты|адамдарга',
  'адамдарды|журтка|бейбит тургын…|карусыз…',
);
/** What burns in a riot: "горит акимат" is one, "горит свет" is not. */
export const BURNING_THING = words(
  'акимат…|здани…|мэри…|резиденци…|машин…|автомоб…|авто|автобус…|полицейск…|магазин…|аэропорт…|офис…',
  'дом(?:а|ов)?|телецентр…|телеканал…|шин(?:ы|ами)|buildings?|cars?|vehicles?',
  'police (?:car|van|station)s?|akimat…|city hall|mayor…|airport|shops?|bus(?:es)?|tyres|tires|акимдик…',
  'гимарат…|колик…|машина…|дукен…|akimdik…',
);
export const NOT_A_FIRE = words('свет…|ламп…|фонар…|огни|lights?|шам…');
