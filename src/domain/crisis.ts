/**
 * Crisis detection for free text (English and Spanish).
 *
 * `detectCrisis(text)` answers one question: does this message express suicidal or
 * self-harm intent? A `true` makes the bot show crisis resources at once, without ending
 * the user's conversation, so a false alarm costs little and a miss costs a lot. The rules
 * therefore lean towards firing whenever the words could be real intent.
 *
 * Approach (pure, no clock, no I/O):
 * 1. Normalise: lower case, strip accents (NFD, drop combining marks, so "daño" → "dano"),
 *    drop apostrophes ("don't" → "dont", "I'm" → "im"), turn sentence punctuation
 *    (. , ; : ! ? ¡ ¿ … and line breaks) into clause boundaries and every other symbol into
 *    a space.
 * 2. Match intent phrases ("want to die", "kill myself", "kms", "ending it all",
 *    "no quiero vivir", "me quiero matar", "hacerme daño", "suicidarme", …) per clause.
 *    Phrases are specific on purpose: idioms such as "this headache is killing me",
 *    "I could kill for some sleep", "dying to sleep" or "me muero de sueño" contain no
 *    intent phrase and never fire. Phrases whose meaning already contains a negation
 *    ("I don't want to live", "no quiero vivir") are intent phrases in their own right.
 * 3. A match is cancelled only by an *obvious* negation: walking back from the phrase
 *    through the same clause, skipping only small connecting words (auxiliaries, "going
 *    to", "want", "really", "me", "voy a", "pienso", "intención de", …), the first other
 *    word must be a negation ("not", "never", "don't", "won't", "no", "nunca", "jamás",
 *    …). Anything else (a subject such as "I", a content word such as "sleep", a clause
 *    boundary) stops the walk and the match stands. So "I would never kill myself",
 *    "I'm not suicidal", "no quiero morir" and "no me voy a hacer daño" do not fire, while
 *    "I can't sleep and I want to die" and "no sé, me quiero morir" do.
 * 4. Any one uncancelled match anywhere in the text fires.
 *
 * Known, accepted trade-offs (all towards firing): accidental injuries phrased as intent
 * ("I hurt myself at the gym"), talk about suicide in general ("suicide hotline?") and
 * double negations ("I'm not saying I don't want to live") fire.
 */
export function detectCrisis(text: string): boolean {
  for (const clause of clauses(text)) {
    for (const pattern of INTENT_PATTERNS) {
      for (const m of clause.matchAll(pattern)) {
        const before = clause.slice(0, m.index).trim();
        const preceding = before === '' ? [] : before.split(' ');
        if (!negatedBefore(preceding)) return true;
      }
    }
  }
  return false;
}

/** Lower case, accents stripped, apostrophes dropped; split into clauses of single-spaced words. */
function clauses(text: string): string[] {
  const normalised = text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '');
  return normalised
    .split(/[.,;:!?¡¿…\n\r]+/)
    .map((c) => c.replace(/[^a-z0-9]+/g, ' ').trim())
    .filter((c) => c !== '');
}

/**
 * Whole-word intent phrases over normalised text (lower case, no accents, no apostrophes,
 * single spaces). Each needs the `g` flag: every occurrence is checked for negation.
 */
const INTENT_PATTERNS: readonly RegExp[] = [
  // English — suicide
  /\b(?:suicide|suicidal|suicidally)\b/g,
  /\bkill(?:ing|ed)? (?:my ?self|me self)\b/g,
  /\bkms\b/g,
  /\bunalive(?:ing)? (?:my ?self|me)\b/g,
  /\b(?:want|wanna|wanted|wanting|going|gonna|ready|plan|planning|deserve) (?:to )?die\b/g,
  /\b(?:feel|feels|feeling) like dying\b/g,
  /\bwish (?:that )?i (?:was|were|could be|would) (?:dead|die)\b/g,
  /\bwish i could (?:just )?die\b/g,
  /\b(?:want|wanna|rather|better off) (?:to )?(?:be )?dead\b/g,
  /\bbetter off without me\b/g,
  /\bend(?:ing|ed)? (?:it all|everything|my (?:own )?life|things for good)\b/g,
  /\btak(?:e|ing) my (?:own )?life\b/g,
  /\b(?:want|wanna|going|gonna|ready|plan|planning|decided) to end it\b(?! with\b)/g,
  /\bnot worth living\b/g,
  /\bdisappear forever\b/g,
  /\b(?:dont|do not|no longer) want to (?:live|be alive|exist|be here anymore|be around anymore|wake up)\b/g,
  /\b(?:no|nothing to|any) reason (?:left )?to live\b/g,
  /\bnothing (?:left )?to live for\b/g,
  /\bno point (?:in )?(?:living|being alive)\b/g,
  /\b(?:hope|wish) i (?:dont|do not|wont|will not|wouldnt|never) wake up\b/g,
  /\bsleep and (?:never|not) wake up\b/g,
  /\bnever wake up again\b/g,
  /\b(?:want|wanna|going|gonna|plan|planning) (?:to )?overdose\b/g,
  /\boverdos(?:e|ing) on purpose\b/g,
  /\b(?:take|swallow|taking|swallowing) all (?:of )?(?:my|the) pills\b/g,
  // English — self-harm
  /\b(?:hurt|hurting|harm|harming|injure|injuring) (?:my ?self|me self)\b/g,
  /\bcut(?:ting)? (?:my ?self|my (?:wrists?|arms?|legs?))\b(?! (?:shaving|cooking|by accident|accidentally))/g,
  /\bself ?harm(?:ing)?\b/g,
  // Spanish — suicide
  /\bsuicid(?:io|a|as|arme|arse|arte|ar)\b/g,
  /\b(?:quiero|quisiera|deseo|quiera) morir(?:me)?\b/g,
  /\bme (?:quiero|quisiera) morir\b/g,
  /\bojala (?:me muera|estuviera muert[oa]|estar muert[oa]|no despert\w*|me muriera)\b/g,
  /\b(?:quiero|quisiera|preferiria|prefiero|mejor) (?:estar )?muert[oa]\b/g,
  /\bno (?:quiero|quisiera|deseo) (?:seguir )?(?:vivir|viviendo|estar viv[oa]|existir|despertar(?:me)? (?:nunca )?mas)\b/g,
  /\bmatarme\b(?! (?:a trabajar|trabajando|estudiando))/g,
  /\bme (?:(?:quiero|quisiera|voy|vaya|a|dan ganas de|dieron ganas de|pienso) )+matar\b(?! a )/g,
  /\bquitarme la vida\b/g,
  /\bme (?:(?:quiero|quisiera|voy|vaya|a|pienso) )*quit(?:ar|are|aria|o) la vida\b/g,
  /\b(?:acabar|terminar|poner fin) (?:con |a )?(?:mi vida|todo|mi existencia)\b/g,
  /\bno (?:tengo|hay) (?:\w+ )?(?:razon|razones|motivo|motivos|nada) (?:para|por que|por el que|por lo que) vivir\b/g,
  /\bno vale la pena (?:seguir )?vivir\b/g,
  /\bdesaparecer para siempre\b/g,
  /\bdormir y no despertar\b/g,
  /\bno despertar(?:me)? nunca\b/g,
  /\bsobredosis a proposito\b/g,
  // Spanish — self-harm
  /\bhacerme (?:\w+ )?dano\b/g,
  /\bme (?:(?:quiero|quisiera|voy|vaya|a|pienso|puedo|podria) )*(?:hacer|hago|hare|haria|hice) (?:\w+ )?dano\b/g,
  /\b(?:lastimarme|herirme|autolesion\w*)\b/g,
  /\bme (?:(?:quiero|quisiera|voy|a|pienso) )*(?:lastimar|herir|autolesionar)\b/g,
  /\bcortarme\b(?! (?:el pelo|el cabello|las unas|la barba|el flequillo))/g,
  /\bme (?:corto|cortaba|corte) (?:las venas|los brazos|las munecas|otra vez)\b/g,
];

const NEGATIONS: ReadonlySet<string> = new Set([
  // English
  'not',
  'never',
  'no',
  'nor',
  'neither',
  'dont',
  'doesnt',
  'didnt',
  'wont',
  'wouldnt',
  'cant',
  'cannot',
  'couldnt',
  'shouldnt',
  'isnt',
  'arent',
  'aint',
  'wasnt',
  'havent',
  'hasnt',
  'hadnt',
  // Spanish ("no" is shared)
  'nunca',
  'jamas',
  'tampoco',
  'ni',
]);

/**
 * Words that may sit between a negation and the intent phrase without breaking the link
 * ("I'm not *going to* kill myself", "no *me voy a* hacer daño"). Subjects such as "i",
 * "im" and "yo" are deliberately absent: in "no I want to die" or "no sé, me quiero morir"
 * the "no" is not negating the phrase.
 */
const CONNECTORS: ReadonlySet<string> = new Set([
  // English
  'am',
  'is',
  'are',
  'be',
  'been',
  'being',
  'do',
  'does',
  'did',
  'have',
  'has',
  'had',
  'will',
  'would',
  'could',
  'should',
  'might',
  'may',
  'must',
  'to',
  'going',
  'gonna',
  'want',
  'wanna',
  'wanted',
  'really',
  'ever',
  'even',
  'actually',
  'seriously',
  'truly',
  'definitely',
  'honestly',
  'totally',
  'at',
  'all',
  'just',
  'a',
  'an',
  'any',
  'of',
  'about',
  'thinking',
  'think',
  'thought',
  'thoughts',
  'intention',
  'intentions',
  'intend',
  'plan',
  'planning',
  'plans',
  'try',
  'trying',
  'feel',
  'feeling',
  'like',
  'that',
  'anything',
  'something',
  'so',
  'anymore',
  'ready',
  // Spanish ("a" is shared)
  'me',
  'te',
  'de',
  'en',
  'que',
  'quiero',
  'quisiera',
  'deseo',
  'voy',
  'vas',
  'iba',
  'pienso',
  'pensando',
  'pensado',
  'he',
  'estoy',
  'estar',
  'soy',
  'ser',
  'tengo',
  'tenia',
  'ganas',
  'intencion',
  'ninguna',
  'ningun',
  'nada',
  'ya',
  'para',
  'por',
  'lo',
  'la',
  'el',
  'puedo',
  'podria',
  'haria',
  'hare',
  'hacer',
  'realmente',
  'verdad',
  'siento',
  'mas',
  'tan',
  'muy',
]);

/** Walks back over connectors; true when the first other word is a negation. */
function negatedBefore(preceding: readonly string[]): boolean {
  for (let i = preceding.length - 1; i >= 0 && i >= preceding.length - 8; i--) {
    const word = preceding[i] as string;
    if (NEGATIONS.has(word)) return true;
    if (!CONNECTORS.has(word)) return false;
  }
  return false;
}
