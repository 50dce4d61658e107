/**
 * Whether a report is hearsay or first-hand, as it says itself: "говорят", "по слухам", "I was
 * told", "расталмаған ақпарат", "көріпті" (the Kazakh past of what one learned), a forwarded
 * message's header; or "видел сам", "I'm at the square", "өзім көрдім". Editors weigh the two
 * differently, and a count the reporter only heard of needs a second source before it is published.
 *
 * First-hand is also where the writer is and what they do there, in the present: "я тут", "я
 * рядом", "был там до 17:00", "мы прячемся", "пишу смс", "I watched it from the roof", "I
 * counted", "I heard maybe ten bangs", "our street", "у нас во дворе", "біз алаңда тұрмыз",
 * "есікті құлыптап отырмыз", and the Kazakh "-мын" on a place ("qiylysyndamyn", I am at the
 * crossing). Home, work and the road are no place an event is seen from ("I'm at home",
 * "үйдемін", "жолдамын"), and what is watched on a screen is hearsay.
 *
 * A named source ("по данным МВД", "according to the interior ministry", "сообщает полиция") is
 * a half-weight hedge, as an unnamed one is: whoever it is, the reporter did not see the count,
 * and the desk wants it from the source itself before it is published.
 *
 * Cues are phrases found in the text with Kazakh letters folded to their Russian neighbours and
 * Latin marks dropped, offset for offset, so one list matches "көрдім", "кордим", "kördim" and
 * "kordim", and every span points into the text as written. Where cues overlap, the one that
 * starts first wins, then the longer: "не видел сам" is a denial, not the "видел сам" inside it;
 * "I saw on Telegram" is hearsay, not "I saw".
 *
 * Negation turns a cue round: "not rumours", "это не слухи", "бұл сыбыс емес" say the report is
 * no hearsay; "not confirmed", "расталған жоқ" that it is; "I never saw it", "не видел сам" that
 * the reporter did not witness it. Present perception ("не вижу полиции") stays first-hand: not
 * seeing something is an observation too.
 *
 * A report can be both. A forwarded message's header makes the report hedged whatever the
 * message says (we did not get it from its author), while the "I saw" inside it still makes it
 * first-hand: whoever wrote the words saw it. Otherwise hedged means the hedging cues outweigh
 * the ones that deny hedging. The confidence grows with clear cues and falls when cues disagree;
 * with no cue at all the answer, neither hedged nor first-hand, is a guess at 0.3.
 */
import { type Evidence, confidence, spanEvidence } from './evidence.ts';
import { foldLetters } from './letters.ts';

export interface HearsaySuggestion {
  /** The report says it is unconfirmed, a rumour or second-hand, or it came forwarded. */
  hedged: boolean;
  /** The writer says they saw or heard it themselves, or are where it happens. */
  firstHand: boolean;
  /** Every phrase that decided it, in the order of the text. */
  evidence: Evidence[];
  confidence: number;
}

/** Whole phrases of folded text: "…" stands for any ending, "'" for an apostrophe or none, a space for spaces and commas. */
function phrases(...alternatives: string[]): RegExp {
  const body = alternatives.join('|').replaceAll('…', String.raw`\p{L}*`).replaceAll("'", "['’]?").replaceAll(' ', String.raw`[\s,:;—–-]+`);
  return new RegExp(String.raw`(?<![\p{L}\p{N}'’])(?:${body})(?![\p{L}\p{N}])`, 'gu');
}

/** `hedge`: second-hand or unconfirmed; `notHedge`: says it is no rumour; `firstHand`: the writer was there. */
type Kind = 'hedge' | 'notHedge' | 'firstHand' | 'forwarded';

interface Cue {
  kind: Kind;
  /** 1 for a clear cue, 0.5 for one that often only names a source ("по данным МВД", "екен"). */
  weight: number;
  pattern: RegExp;
  /** A negation before it ("не слухи", "not confirmed", "never saw") or "емес"/"жоқ" after it turns it round. */
  negatable?: boolean;
}

const SCREENS_EN = 'tv|telegram|instagram|facebook|twitter|whatsapp|tiktok|youtube|the news|a chat|the chat|social media';
const SCREENS_RU = 'телеграм…|инстаграм…|ватсап…|тикток…|ютуб…|новостях|чате|соцсетях|интернете|тв|телевизоре';
/** Who tells the reporter: friends, neighbours, kin. */
const OTHERS_RU = 'друг|подруга|знакомый|знакомая|знакомые|родственник…|сосед…|брат|сестра|коллега';
const SOUNDS_EN = 'shots|gunshots|gunfire|shooting|explosions|screams|blasts|bangs|booms|sirens|helicopters|automatic fire';
/** Words after "I heard" that make it hearsay ("I heard that", "heard from"), not a sound heard. */
const TOLD_EN = 'that|from|about|people|they|it|rumou?rs?|reports?|of|news';

const cue = (kind: Kind, weight: number, pattern: RegExp, negatable = false): Cue => ({ kind, weight, pattern, negatable });

const CUES: readonly Cue[] = [
  // The header a messenger puts above a forwarded message, on a line of its own.
  {
    kind: 'forwarded',
    weight: 1,
    pattern: new RegExp(
      String.raw`(?<=^|\n)[^\S\n]*[-[>*]*[^\S\n]*(?:forwarded(?: from| message)?|fwd?:|переслано(?: от)?|пересланное сообщение` +
        String.raw`|кайта жиберилген|жиберилген хабарлама)[^\n]{0,60}`,
      'gu',
    ),
  },
  cue(
    'hedge',
    1,
    phrases(
      // Seen, but only on a screen: hearsay, not "I saw".
      `(?:i |we )?(?:saw|seen) (?:it |this )?(?:on|in) (?:${SCREENS_EN})`,
      '(?:i |we )?saw (?:a|the) (?:video|post|photo|message|report)',
      `(?:i |we )?watched (?:it |this )?(?:on|in) (?:${SCREENS_EN})|(?:i |we )?watched (?:the |a )?(?:news|video|tv|television|stream)`,
      `(?:я |мы )?(?:видел(?:а|и)?|вижу|видим) (?:в|на) (?:${SCREENS_RU})`,
      '(?:я |мы )?(?:видел(?:а|и)?|вижу|видим) (?:видео|пост|фото|ролик)…',
      '(?:видео|телеграм|инстаграм|ватсап|тикток|ютуб|интернет|video|telegram|instagram)… (?:кордим|kordim)',
      // Did not see it: hearsay.
      "(?:i |we )?(?:never|did not|didn't|have not|haven't|have never) (?:see|seen|saw) (?:it|this|that|them|anything(?! like))",
      "(?:i|we) (?:was not|wasn't|were not|weren't) there",
      '(?:сам(?:а|и)?|лично)(?: я)?(?: этого| это)? не видел(?:а|и)?',
      'я (?:этого |это |их )?не видел(?:а|и)?|меня там не было|я там не был(?:а)?',
      'не видел(?:а|и)?(?: этого| это| их)? (?:сам(?:а|и)?|лично|своими глазами)',
      // Someone else saw it.
      `(?:${OTHERS_RU}|он|она|они) (?:сам(?:а|и)? )?видел(?:а|и)?(?: сам(?:а|и)?)?`,
      '(?:(?:my|a) )?(?:friend|brother|sister|cousin|neighbou?r|colleague|relative|he|she|they) (?:saw|has seen|had seen)',
      '(?:досым|досым ози|курбым|агам|иним|кершим) (?:корди|корипти|айтты|айтады|жазды)|dosym (?:kordi|aitty|aitady)',
      '(?:озим )?кормедим|корген жокпын|корген жокпыз|коргеним жок|(?:ozim )?kormedim|korgen (?:joq|jok)pyn',
      // Unconfirmed, unverified, rumoured.
      "unconfirmed…|unverified|(?:can't|cannot|can not|couldn't|could not|unable to) (?:confirm|verify)|hearsay|second[\\s-]?hand",
      'word is|reportedly|allegedly|supposedly',
      'не\\s?подтвержд…|не\\s?проверенн…|не проверен…|не (?:могу|можем|удалось|удается) (?:подтвердить|проверить)|подтверждения нет',
      'по слухам|ходят (?:слухи|разговоры)|поговаривают|якобы|вроде бы|вроде как|возможно фейк|может быть фейк',
      'расталмаган…|расталмады|тексерилмеген…|тексерилмеди|rastalmag…|rastalmady|tekserilmegen…|осек…|osek…',
      // Told by others.
      'говорят|говорит(?:ся)?|рассказывают|пишут(?: что)?|передают|мне (?:сказали|рассказали|написали|передали)',
      `(?:${OTHERS_RU}) (?:говорит|говорят|сказал…|пишет|пишут|написал…|рассказал…)`,
      'сказали что|по словам|со слов|слышал(?:а|и)? что|слышал(?:а|и)? от',
      '(?:they|people|locals|witnesses|eyewitnesses|residents|some|friends|relatives|neighbou?rs) (?:say|said|claim…)',
      '(?:my|a) (?:friend|brother|sister|cousin|neighbou?r|colleague|relative) (?:says|said|told me|wrote)',
      '(?:i|we) (?:was|were) told|(?:someone|somebody|he|she|they) told (?:me|us)|(?:he|she) (?:says|said)|told me that',
      'it is said|is said to',
      "(?:i(?: have|'ve)? )?heard (?:that|from|it|people|they)|i hear (?:that|they)",
      'forwarding|forwarded|fwd|пересылаю|передаю|переслали|переслано',
      // Kazakh: "айтуынша" by someone's words, "дейді" they say, "естідім" I heard.
      'айтуынша|айтуы бойынша|созинше|деп (?:айтады|айтып жатыр|жатыр|айтты)|маган айт(?:ты|кан|ып)…|айтып жатыр',
      'дейди|дейт|деседи|дейди екен|естидим|естуимше|естуимизше|естиуимше',
      'aituynsha|aituy boiynsha|dep (?:aitady|aityp jatyr|jatyr)|deidi|deydi|deit|deyt|desedi|estidim|estuims(?:h)?e',
    ),
  ),
  cue(
    'hedge',
    0.5,
    phrases(
      'according to|reports say|it is reported|sources say|apparently|is it true|is this true',
      'по данным|по информации|по сведениям|по сообщениям|сообща(?:ют|ет|ется)|как сообщили|правда ли|это правда\\s*\\?',
      'хабарлауынша|малиметинше|малиметтерге сайкес|деректерге сайкес|дерек бойынша|екен|рас па|рас ба',
      'habarlauynsha|malimetinshe|eken',
      // The Kazakh "-ыпты" past: it happened, as the writer learned ("көріпті", "басып алыпты").
      '(?<!скр)\\p{L}{2,}(?:ыпты|ипти)|\\p{L}{2,}(?:ypty|ipti)',
    ),
  ),
  cue('hedge', 1, phrases('слух(?:и|ов|ам|а)?|rumou?r…|сыбыс…|sybys…|фейк…|fake'), true),
  cue(
    'notHedge',
    1,
    phrases(
      "не верьте слухам|не верьте фейкам|don't believe (?:the )?rumou?rs|сыбыска сенбениз(?:дер)?|отирик емес",
      'это правда(?!\\s*\\?)|бул рас(?! (?:па|ба|ма))|bul ras(?! (?:pa|ba|ma))',
    ),
  ),
  cue(
    'notHedge',
    1,
    phrases('confirmed|i confirm|verified|подтвержда(?:ю|ем)|подтверждено|подтвердили|расталды|расталган|растаймын|rastald[yi]|rastalgan'),
    true,
  ),
  // Witnessed: past, so "never saw", "не видел сам" deny it.
  cue(
    'firstHand',
    1,
    phrases(
      '(?:i |we )?(?:saw|seen|see) (?:it|this|that|them|everything) (?:myself|ourselves|with my own eyes)',
      "with (?:my|our) own eyes|(?:i|we) saw|(?:i|we)(?: have|'ve) seen|(?:i|we) witnessed|(?:i|we) (?:was|were) there",
      'видел(?:а|и)? (?:сам(?:а|и)?|лично)|(?:сам(?:а|и)?|лично) видел(?:а|и)?|своими глазами|на (?:моих|наших) глазах',
      '(?:я|мы) видел(?:а|и)?|(?:я|мы) (?:был(?:а|и)?) там|(?:я|мы) там (?:был(?:а|и)?)',
      // "был там до 17:00": the writer, unless someone else is named.
      `(?<!(?:он|она|они|he|she|they|${OTHERS_RU}) )был(?:а|и)? там|(?:i|we)(?: have|'ve) been (?:there|here|on the square)`,
    ),
    true,
  ),
  // Witnessed, in Kazakh (the negative is its own word, above), and present perception or presence.
  cue(
    'firstHand',
    1,
    phrases(
      '(?:(?:озим|оз козиммен|козиммен) )?кордим|кордик|корип (?:турмын|отырмын|турмыз|отырмыз)|(?:ozim |kozimmen )?kordim|korip turmyn',
      '(?:мен )?(?:аландамын|осындамын)|аландамыз|осындамыз|(?:биз )?турмыз|куагермин|(?:men )?(?:alandamyn|osyndamyn)|(?:biz )?turmyz',
      '(?:атыс|ок|жарылыс)… (?:дыбыс… )?(?:естидим|естип турмын)',
      "(?:i|we) (?:can )?see|i'm here|i am here|we're here|we are here|i'm an? (?:eye)?witness",
      "(?:i'm|i am|we're|we are) (?:at|on|standing)(?! home| work| my way| the way| our way)",
      `(?:i|we) (?:can )?hear (?:${SOUNDS_EN})|(?:i|we) heard (?:${SOUNDS_EN}|a blast)`,
      '(?:я )?вижу|(?:мы )?видим|(?:я|мы) (?:на площади|на месте|здесь|тут)|(?:я )?стою|(?:мы )?стоим|нахожусь|находимся',
      '(?:я )?очевидец|(?:я |мы )?(?:слышу|слышим|слышал(?:а|и)?) (?:выстрел…|стрельб…|взрыв…|крик…)',
      // Where the writer is, and what they do there: near, outside, hiding, writing, filming, counting.
      '(?:я|мы) (?:сейчас |уже |тоже )?(?:рядом|снаружи|недалеко|неподалеку|возле|около|в центре|на улице|во дворе|в подвале|в толпе)',
      `(?:я|мы) (?:сейчас )?в (?!шоке|ужасе|курсе|порядке|норме|панике|безопасности|отпуске|${SCREENS_RU})\\p{L}+`,
      '(?:я|мы) (?:сейчас )?у (?:акимат…|площад…|здани…|сцен…|монумент…)|(?:я )?прячусь|(?:мы )?прячемся|(?:мы )?сидим в (?:подвале|темноте)',
      'пишу (?:офлайн|смс|sms|отсюда|это|(?:вам )?из (?!дома)\\p{L}+|с (?:площади|места|улицы|митинга|акимата))|под (?:моими |нашими )?окнами|из (?:моего |нашего )?окна|с (?:моего |нашего )?балкона',
      '(?:слышн(?:о|ы)|доносятся|раздаются) (?:выстрел…|стрельб…|взрыв…|крик…|автоматн…)|(?:я )?насчитал(?:а)?',
      '(?:я )?снимаю (?:на телефон|видео|из окна|отсюда)|(?:я )?снял(?:а)? (?:на телефон|видео)',
      'у нас (?:во дворе|на улице|в районе|в микрорайоне|в доме|в подъезде|тут|здесь|стреля…|тихо|темно|нет света|нет интернета|нет связи)',
      'в нашем (?:районе|дворе|доме|микрорайоне)|на нашей улице',
      "(?:i'm|i am|we're|we are) (?:near|nearby|outside|inside|close to|next to|downtown|right here|hiding|stuck|trapped|sheltering)",
      "(?:i'm|i am|we're|we are) in (?!shock|touch|contact|a hurry|trouble|love|favou?r|doubt|tears|bed)\\p{L}+",
      '(?:i|we) (?:watched|counted|filmed|recorded)|(?:i|we) (?:am |are )?(?:writing|texting) (?:this|from|with)|writing this',
      `(?:i|we) (?:can )?(?:hear|heard) (?:(?!(?:${TOLD_EN})(?![\\p{L}]))\\p{L}+ ){0,3}(?:${SOUNDS_EN})`,
      'our (?:street|district|neighbou?rhood|area|building|yard|block|house|flat|apartment|microdistrict)',
      '(?:from|outside) (?:my|our) (?:window|balcony|house|building)|from the balcony',
      // Kazakh: the writer's present ("тұрмын", "отырмыз"), and "-мын" on a place ("qiylysyndamyn": I am at the crossing).
      '(?<!(?:уйде|uide|uyde) )(?:турмын|отырмын|отырмыз|жатырмын|жатырмыз|turmyn|otyrmyn|otyrmyz|jatyrmyn|jatyrmyz)',
      '(?:корип|естип) (?:турмын|отырмын|турмыз|отырмыз|жатырмын|жатырмыз)|естилип тур|козимше|козимизше|kozimshe',
      '(?:мен |men |биз |biz )?(?!(?:уйде|uide|uyde|жумыста|jumysta|жолда|jolda)(?:мын|мин|мыз|миз|myn|min|myz|miz))\\p{L}{3,}(?:да|де|та|те|da|de|ta|te)(?:мын|мин|myn|min|мыз|миз|myz|miz)',
      'биздин (?:аудан…|коше…|аула…|ауыл…|уй…|шагын аудан…)|бизде (?:атыс…|ок ат…|интернет…|жарык…|тыныш|байланыс…)',
      'bizdin (?:audan…|koshe…|aula…)',
    ),
  ),
];

/** A negation just before a cue, with "a", "it", "это" and the like between. "no" turns round only what is not a verb. */
const NEGATION_BEFORE = new RegExp(
  String.raw`(?<![\p{L}'’])(?:не|ни|not|never|(?:did|do|does|have|has|was|were|is|are|could|can)n['’]?t|cannot|ешкашан)` +
    String.raw`(?:\s+(?:a|an|just|only|it|this|that|просто|это|этого))?\s+$`,
  'u',
);
const NO_BEFORE = /(?<![\p{L}'’])(?:no|нет)\s+$/u;
const NEGATION_AFTER = /^\s+(?:емес|жок|жокпын|emes|joq|jok)(?![\p{L}])/u;

interface Found {
  kind: Kind;
  weight: number;
  start: number;
  end: number;
}

/** The cues of the folded text, overlaps resolved and negations applied, in the order of the text. */
function cuesIn(folded: string): Found[] {
  const spans: Array<Found & { cue: Cue }> = [];
  for (const c of CUES) {
    for (const m of folded.matchAll(c.pattern)) {
      const start = m.index + (m[0].length - m[0].trimStart().length);
      spans.push({ cue: c, kind: c.kind, weight: c.weight, start, end: m.index + m[0].trimEnd().length });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const found: Found[] = [];
  let reached = -1;
  for (const s of spans) {
    if (s.start < reached) continue;
    reached = s.end;
    const { cue: c, ...f } = s;
    if (c.negatable) {
      const before = folded.slice(Math.max(0, f.start - 30), f.start);
      const neg = NEGATION_BEFORE.exec(before) ?? (c.kind === 'firstHand' ? null : NO_BEFORE.exec(before));
      const after = NEGATION_AFTER.exec(folded.slice(f.end));
      if (neg || after) {
        f.kind = c.kind === 'hedge' ? 'notHedge' : 'hedge';
        if (neg) f.start -= before.length - neg.index;
        if (after) f.end += after[0].length;
      }
    }
    found.push(f);
  }
  return found;
}

/** Whether the report says it is hearsay or first-hand, with the phrases that said so. */
export function readHearsay(text: string): HearsaySuggestion {
  const found = cuesIn(foldLetters(text));
  const weigh = (kind: Kind) => found.filter((f) => f.kind === kind).reduce((sum, f) => sum + f.weight, 0);
  const [forwarded, hedge, notHedge, first] = [weigh('forwarded'), weigh('hedge'), weigh('notHedge'), weigh('firstHand')];
  const hedged = forwarded > 0 || hedge > notHedge;
  const firstHand = first > 0;
  const evidence = found.map((f) => spanEvidence(text, f.start, f.end));
  if (found.length === 0) return { hedged, firstHand, evidence, confidence: 0.3 };

  // First-hand words in a report that hedges itself ("говорят ... сам видел") disagree; in a forwarded one they are its author's.
  const mixed = hedged && firstHand && forwarded === 0;
  const support = forwarded + (hedged ? hedge : notHedge) + (mixed ? 0 : first);
  const against = (hedged ? notHedge : hedge) + (mixed ? Math.min(hedge, first) / 2 : 0);
  return { hedged, firstHand, evidence, confidence: confidence(Math.max(0.3, 0.45 + 0.2 * Math.min(support, 2.5) - 0.2 * against)) };
}
