// Word lists the extractor's rules read: reporting verbs, titles, organisation heads, source nouns, places.
import { createRequire } from 'node:module';
import type { Countries } from 'world-countries';

const require = createRequire(import.meta.url);
const loaded = require('world-countries') as Countries | { default: Countries };
const countries: Countries = Array.isArray(loaded) ? loaded : loaded.default;

/** Reporting verbs by lemma → inflected forms. Lower-case only: "Said" capitalised is a name (Haifa Said). */
const VERBS: Record<string, string[]> = {
  say: ['say', 'says', 'said', 'saying'],
  add: ['add', 'adds', 'added', 'adding'],
  stress: ['stress', 'stresses', 'stressed', 'stressing'],
  affirm: ['affirm', 'affirms', 'affirmed', 'affirming'],
  assert: ['assert', 'asserts', 'asserted', 'asserting'],
  note: ['note', 'notes', 'noted', 'noting'],
  indicate: ['indicate', 'indicates', 'indicated', 'indicating'],
  underline: ['underline', 'underlines', 'underlined', 'underlining'],
  underscore: ['underscore', 'underscores', 'underscored', 'underscoring'],
  reiterate: ['reiterate', 'reiterates', 'reiterated', 'reiterating'],
  explain: ['explain', 'explains', 'explained', 'explaining'],
  clarify: ['clarify', 'clarifies', 'clarified', 'clarifying'],
  tell: ['tell', 'tells', 'told', 'telling'],
  announce: ['announce', 'announces', 'announced', 'announcing'],
  warn: ['warn', 'warns', 'warned', 'warning'],
  confirm: ['confirm', 'confirms', 'confirmed', 'confirming'],
  deny: ['deny', 'denies', 'denied', 'denying'],
  describe: ['describe', 'describes', 'described', 'describing'],
  hail: ['hail', 'hails', 'hailed', 'hailing'],
  praise: ['praise', 'praises', 'praised', 'praising'],
  criticize: ['criticize', 'criticizes', 'criticized', 'criticizing', 'criticise', 'criticises', 'criticised', 'criticising'],
  condemn: ['condemn', 'condemns', 'condemned', 'condemning'],
  denounce: ['denounce', 'denounces', 'denounced', 'denouncing'],
  urge: ['urge', 'urges', 'urged', 'urging'],
  wonder: ['wonder', 'wonders', 'wondered', 'wondering'],
  report: ['report', 'reports', 'reported', 'reporting'],
  emphasize: ['emphasize', 'emphasizes', 'emphasized', 'emphasizing', 'emphasise', 'emphasises', 'emphasised', 'emphasising'],
  state: ['state', 'states', 'stated', 'stating'],
  declare: ['declare', 'declares', 'declared', 'declaring'],
  reveal: ['reveal', 'reveals', 'revealed', 'revealing'],
  insist: ['insist', 'insists', 'insisted', 'insisting'],
  argue: ['argue', 'argues', 'argued', 'arguing'],
  claim: ['claim', 'claims', 'claimed', 'claiming'],
  acknowledge: ['acknowledge', 'acknowledges', 'acknowledged', 'acknowledging'],
  admit: ['admit', 'admits', 'admitted', 'admitting'],
  assure: ['assure', 'assures', 'assured', 'assuring'],
  highlight: ['highlight', 'highlights', 'highlighted', 'highlighting'],
  mention: ['mention', 'mentions', 'mentioned', 'mentioning'],
  remark: ['remark', 'remarks', 'remarked', 'remarking'],
  reply: ['reply', 'replies', 'replied', 'replying'],
  respond: ['respond', 'responds', 'responded', 'responding'],
  comment: ['comment', 'comments', 'commented', 'commenting'],
  write: ['write', 'writes', 'wrote', 'writing'],
  tweet: ['tweet', 'tweets', 'tweeted', 'tweeting'],
  point: ['point', 'points', 'pointed', 'pointing'], // only with "out" (see MULTI)
  refer: ['refer', 'refers', 'referred', 'referring'], // only "referring to the fact that"
  express: ['express', 'expresses', 'expressed', 'expressing'], // only with hope/belief/… that
  voice: ['voice', 'voices', 'voiced', 'voicing'],
  call: ['call', 'calls', 'called', 'calling'], // speaker only (call for / call on)
  demand: ['demand', 'demands', 'demanded', 'demanding'],
  predict: ['predict', 'predicts', 'predicted', 'predicting'],
  pledge: ['pledge', 'pledges', 'pledged', 'pledging'],
  vow: ['vow', 'vows', 'vowed', 'vowing'],
  recall: ['recall', 'recalls', 'recalled', 'recalling'],
  estimate: ['estimate', 'estimates', 'estimated', 'estimating'],
  inform: ['inform', 'informs', 'informed', 'informing'],
  quote: ['quote', 'quotes', 'quoted', 'quoting'],
  continue: ['continue', 'continues', 'continued', 'continuing'], // only "went on/continued saying"
  go: ['went', 'goes', 'go', 'going'],
  make: ['made', 'makes', 'make', 'making'], // only "made it clear that"
  caution: ['caution', 'cautions', 'cautioned', 'cautioning'],
  concede: ['concede', 'concedes', 'conceded', 'conceding'],
  complain: ['complain', 'complains', 'complained', 'complaining'],
  contend: ['contend', 'contends', 'contended', 'contending'],
  suggest: ['suggested', 'suggesting'],
  observe: ['observed', 'observing'],
  // "proposed that …", "…, proposed X"; "repeated that …": a noun object ("proposed a merger") is rejected as no clause.
  propose: ['proposed', 'proposes', 'proposing'],
  repeat: ['repeated', 'repeats', 'repeating'],
  testify: ['testified', 'testifies', 'testify', 'testifying'],
  disclose: ['disclosed', 'discloses', 'disclosing'],
  reaffirm: ['reaffirmed', 'reaffirms', 'reaffirming'],
  allege: ['alleged', 'alleges', 'alleging'],
  // Only with a clause (see cues.ts): "maintained that …", "forecast that …", "asked whether …".
  maintain: ['maintained', 'maintains', 'maintaining'],
  forecast: ['forecast', 'forecasts', 'forecasting'],
  ask: ['asked', 'asks', 'asking'],
  agree: [], // discussing or agreeing is not a speech act (annotation guidelines)
};

/** Participles that add a further statement even without a comma before them ("… took place adding that …"). */
export const LOOSE_PARTICIPLES = new Set(['adding', 'noting', 'saying', 'stressing', 'explaining', 'indicating', 'affirming', 'asserting',
  'emphasizing', 'emphasising', 'underlining', 'stating', 'confirming']);
/** Verbs after which a participle is their complement ("stop insisting that"), not a new statement. */
export const GOVERNING = new Set(['stop', 'stopped', 'keep', 'kept', 'continue', 'continued', 'start', 'started', 'began', 'begin', 'avoid', 'without']);

/** Lemmas whose object is a person, then the clause: "told reporters that", "assured him that". */
export const TAKES_OBJECT = new Set(['tell', 'inform', 'assure', 'urge', 'warn', 'remind']);
/** Nouns after "expressed/voiced" that make a speech act with a that-clause. */
export const EXPRESS_NOUNS = new Set(['hope', 'hopes', 'belief', 'confidence', 'optimism', 'conviction', 'concern', 'fear', 'fears', 'regret', 'surprise', 'satisfaction', 'certainty', 'view']);

/** Verbs whose present forms are mostly nouns in news copy ("state media", "reports", "remarks"): past and -ing only. */
const NOUN_LIKE = new Set(['state', 'report', 'comment', 'remark', 'note', 'claim', 'mention', 'point', 'call', 'demand', 'tweet', 'reply',
  'quote', 'highlight', 'pledge', 'vow', 'estimate', 'recall', 'voice', 'express', 'stress', 'warn', 'write']);

export const VERB_FORM = new Map<string, string>();
for (const [lemma, forms] of Object.entries(VERBS)) {
  for (const f of forms) {
    if (NOUN_LIKE.has(lemma) && !/(?:ed|ing|ote|old|ld)$/.test(f)) continue;
    if (!VERB_FORM.has(f)) VERB_FORM.set(f, lemma);
  }
}

/** Auxiliaries and modals: one after a subject marks a finite clause. */
export const FINITE_AUX = new Set(['is', 'are', 'was', 'were', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should',
  'must', 'may', 'might', 'shall', 'does', 'do', 'did', "isn't", "aren't", "wasn't", "won't", "can't", "doesn't", "didn't", 'cannot']);

/** Words that open an adverbial or subordinate intro segment ("In a statement, …", "Meanwhile, …"). */
export const INTRO_WORDS = new Set(['in', 'on', 'at', 'during', 'for', 'after', 'before', 'with', 'within', 'regarding', 'concerning',
  'meanwhile', 'however', 'moreover', 'furthermore', 'also', 'earlier', 'later', 'separately', 'additionally', 'besides', 'further',
  'when', 'while', 'as', 'since', 'although', 'though', 'if', 'because', 'by', 'from', 'to', 'under', 'amid', 'following',
  'upon', 'through', 'over', 'despite', 'speaking', 'commenting', 'addressing', 'responding', 'referring', 'talking', 'and', 'but',
  'yesterday', 'today', 'tonight', 'last', 'next', 'this', 'then', 'thus', 'hence', 'accordingly', 'elsewhere', 'likewise',
  'similarly', 'again', 'yet', 'still', 'indeed', 'notably', 'meantime', 'first', 'second', 'finally', 'lastly']);

export const WEEKDAYS = new Set(['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday']);
export const MONTHS = new Set(['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october',
  'november', 'december', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec']);
/** Time words that may sit between a reporting verb and its clause ("said Tuesday there are …"). */
export const TIME_WORDS = new Set([...WEEKDAYS, 'today', 'yesterday', 'tonight', 'earlier', 'later', 'recently', 'again', 'also',
  'previously', 'once', 'morning', 'evening', 'afternoon', 'night', 'last', 'week', 'this', 'on', 'late', 'early']);

/** Adverbs that may sit between a subject and its verb ("He also affirmed", "Canel strongly condemned"). */
export const VERB_ADVERBS = new Set(['also', 'further', 'again', 'strongly', 'firmly', 'clearly', 'previously', 'earlier', 'later',
  'recently', 'then', 'once', 'repeatedly', 'publicly', 'explicitly', 'categorically', 'flatly', 'emphatically', 'has', 'have',
  'had', 'had', 'already', 'reportedly', 'allegedly', 'personally', 'separately', 'likewise', 'similarly', 'too', 'however',
  'yesterday', 'today', 'tonight', 'has', 'once', 'meanwhile', 'additionally', 'moreover', 'furthermore', 'especially', 'particularly',
  'jointly', 'formally', 'officially', 'privately', 'subsequently', 'initially']);


/** Title and role words: never part of a person's name. Lower-cased. */
export const TITLE_WORDS = new Set(['minister', 'ministers', 'deputy', 'foreign', 'prime', 'president', "president's", 'vice', 'secretary',
  'secretary-general', 'general', 'administrator', 'spokesman', 'spokeswoman', 'spokesperson', 'envoy', 'special', 'ambassador', 'chairman',
  'chairwoman', 'chair', 'head', 'chief', 'director', 'director-general', 'governor', 'speaker', 'member', 'members',
  'representative', 'permanent', 'adviser', 'advisor', 'commander', 'leader', 'king', 'queen', 'prince', 'princess', 'emir',
  'sheikh', 'sheik', 'sayyed', 'sayed', 'sayyid', 'dr', 'gen', 'lt', 'col', 'maj', 'brig', 'mr', 'mrs', 'ms', 'miss', 'sir', 'prof',
  'professor', 'senator', 'sen', 'rep', 'congressman', 'congresswoman', 'mayor', 'judge', 'justice', 'pope', 'patriarch',
  'archbishop', 'bishop', 'imam', 'mufti', 'ayatollah', 'counselor', 'counsellor', 'assistant', 'undersecretary', 'under-secretary',
  'first', 'second', 'acting', 'former', 'senior', 'defense', 'defence', 'interior', 'information', 'health', 'economy', 'finance',
  'affairs', 'expatriates', 'state', 'justice', 'education', 'agriculture', 'culture', 'tourism', 'trade', 'industry', 'energy',
  'oil', 'electricity', 'transport', 'communications', 'awqaf', 'endowments', 'administration', 'development', 'relations',
  'cooperation', 'security', 'policy', 'national', 'international', 'committee', 'council', 'commission', 'assembly', 'parliament',
  'coordinator', 'officer', 'official', 'diplomat', 'correspondent', 'reporter', 'editor', 'analyst', 'expert', 'activist',
  'counterpart', 'colonel', 'major', 'lieutenant', 'brigadier', 'captain', 'admiral', 'marshal', 'sergeant', 'excellency',
  'h.e', 'hon', 'honorable', 'honourable', 'father', 'mother', 'sister', 'brother', 'reverend', 'rev',
  'grand', 'supreme', 'high', 'top', 'chancellor', 'premier', 'lawmaker', 'mp', 'dean', 'rector', 'manager', 'founder',
  'presidential', 'ministerial', 'executive', 'political', 'military', 'media', 'press', 'office', 'bureau', 'political',
  'resident', 'coordinator', 'delegate', 'attaché', 'attache', 'chargé', 'charge', "d'affaires", 'd’affaires', 'consul',
  'mission', 'delegation', 'economic', 'planning', 'water', 'resources', 'local', 'municipal', 'social', 'labor', 'labour',
  'youth', 'sports', 'environment', 'housing', 'works', 'public', 'higher', 'presidency', 'republic', 'federation',
  'people', 'people’s', 'chamber', 'house', 'senate', 'cabinet', 'government', 'ministry', 'central', 'joint', 'staff', 'chiefs',
  'treasurer', 'attorney', 'prosecutor', 'commissioner', 'inspector', 'auditor', 'comptroller', 'chairperson', 'co-chairman',
  'vice-chairman', 'vice-president', 'president-elect', 'sheriff', 'superintendent', 'ombudsman', 'registrar', 'provost',
  'chief executive', 'economist', 'general manager', 'managing', 'partner', 'governor-general', 'lord', 'lady', 'baron', 'duke',
  'queen', 'crown', 'sultan', 'caliph', 'patriarch', 'cardinal', 'rabbi', 'pastor', 'nun', 'colonel-general', 'field', 'engineer',
  'eng', 'architect', 'doctor', 'counsel', 'lawyer', 'mufti', 'bishop', 'metropolitan', 'archimandrite', 'exchequer']);

/** Plural group names that are parties or movements, never one person ("Christian Democrats said"). */
export const GROUP_PLURALS = new Set(['democrats', 'republicans', 'socialists', 'communists', 'conservatives', 'liberals', 'greens',
  'islamists', 'nationalists', 'loyalists', 'separatists', 'rebels', 'militants', 'kurds', 'palestinians', 'israelis', 'americans',
  'russians', 'syrians', 'iranians', 'turks', 'arabs', 'europeans', 'allies', 'unionists', 'federalists', 'royalists', 'houthis',
  'sunnis', 'shiites', 'christians', 'muslims', 'jews', 'druze', 'institutions', 'banks', 'markets', 'traders', 'exporters']);

/** Honorifics dropped from a canonical person name but kept as a role prefix. */
export const HONORIFICS = new Set(['eng', 'engineer', 'dr', 'mr', 'mrs', 'ms', 'miss', 'sir', 'prof', 'sheikh', 'sheik', 'sayyed', 'sayed', 'sayyid',
  'gen', 'lt', 'col', 'maj', 'brig', 'h.e', 'hon', 'imam', 'ayatollah', 'mufti', 'rev', 'father', 'emir', 'king', 'prince', 'queen']);

/** Particles inside Arabic and European names: lower-case yet part of the name ("Staffan de Mistura", "bin Zayed"). */
export const NAME_PARTICLES = new Set(['al', 'el', 'de', 'di', 'da', 'du', 'van', 'von', 'der', 'den', 'bin', 'ibn', 'bint', 'abu', 'abd',
  'le', 'la', 'del', 'dos', 'das', 'ben', 'ould', 'wild', 'y', 'ter', 'ad', 'as', 'ash', 'at', 'az', 'an', 'ar']);

/** Heads of organisation names ("Ministry of Health", "Russian Coordination Center"). Lower-cased. */
export const ORG_HEADS = new Set(['ministry', 'council', 'party', 'center', 'centre', 'committee', 'agency', 'army', 'government',
  'office', 'organization', 'organisation', 'commission', 'command', 'forces', 'front', 'coalition', 'authority', 'authorities',
  'department', 'embassy', 'union', 'bank', 'company', 'association', 'federation', 'foundation', 'institute', 'university',
  'league', 'movement', 'kremlin', 'court', 'parliament', 'assembly', 'group', 'corporation', 'observatory', 'navy', 'police',
  'presidency', 'cabinet', 'administration', 'secretariat', 'board', 'bureau', 'directorate', 'fund', 'program', 'programme',
  'unit', 'units', 'mission', 'delegation', 'senate', 'congress', 'house', 'palace', 'pentagon', 'network', 'channel', 'tv',
  'television', 'radio', 'newspaper', 'daily', 'times', 'post', 'news', 'press', 'media', 'service', 'services', 'guard',
  'corps', 'brigade', 'brigades', 'battalion', 'ministries', 'syndicate', 'chamber', 'alliance', 'state', 'regime', 'municipality',
  'governorate', 'directorate', 'hospital', 'crescent', 'cross', 'who', 'unicef', 'unhcr', 'ocha', 'nato', 'opec', 'iaea',
  'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'holdings', 'industries', 'sa', 'ag', 'nv', 'gmbh', 'bancorp', 'airlines', 'firm',
  'exchange', 'reserve', 'treasury', 'commission', 'systems', 'company', 'companies', 'banks', 'partners', 'trust', 'securities',
  'republic', 'kingdom', 'emirates', 'sultanate', 'emirate',
  // Publications and company-name heads of wire copy ("The Wall Street Journal said", "Zambia Copper Mines said").
  'journal', 'magazine', 'gazette', 'herald', 'tribune', 'mines', 'mining', 'motors', 'airways', 'chemical', 'chemicals', 'resources',
  'petroleum', 'pharmaceuticals', 'electronics', 'technologies', 'enterprises', 'investments', 'insurance', 'shipping', 'railways',
  'railroad', 'telecom', 'stores', 'foods', 'products', 'brothers', 'bros', 'committees', 'councils', 'agencies', 'organizations',
  'industrie', 'spa', 'ab', 'asa', 'oy', 'bhd', 'pty', 'pte', 'cie', 'srl', 'sarl', 'kg', 'ltda', 'kk',
  'organisations']);

/** Organisations usually named by one word ("Hezbollah said"). */
export const KNOWN_ORGS = new Set(['hezbollah', 'hamas', 'isis', 'isil', 'daesh', 'nusra', 'taliban', 'nato', 'opec', 'kremlin', 'pentagon',
  'un', 'eu', 'sana', 'xinhua', 'irna', 'tass', 'reuters', 'afp', 'sputnik', 'unicef', 'unhcr', 'who', 'iaea', 'interpol', 'fatah',
  'asean', 'amnesty', 'greenpeace', 'google', 'facebook', 'twitter', 'microsoft', 'apple', 'amazon', 'fed', 'bundesbank', 'congress',
  'parliament', 'senate', 'knesset', 'duma', 'majlis', 'government', 'army', 'police', 'polisario', 'unesco', 'fao', 'wto', 'imf']);

/** Nouns that refer back to the organisation in the story ("The company said", "the ministry added"). */
export const GENERIC_ORG = new Set(['company', 'firm', 'group', 'consortium', 'bank', 'ministry', 'agency', 'government', 'army', 'council', 'party',
  'committee', 'organization', 'organisation', 'corporation', 'center', 'centre', 'office', 'authority', 'department', 'embassy',
  'union', 'commission', 'court', 'movement', 'coalition', 'board', 'institute', 'foundation', 'association', 'federation',
  'network', 'channel', 'newspaper', 'daily', 'observatory', 'command', 'mission', 'statement', 'report', 'utility', 'carrier',
  'airline', 'insurer', 'retailer', 'lender', 'brokerage', 'maker', 'producer', 'manufacturer', 'concern', 'operator', 'bureau',
  'regime', 'administration', 'cabinet', 'presidency', 'parliament', 'legislature', 'opposition', 'alliance', 'front', 'watchdog']);

/** Heads of descriptions for unnamed sources ("an official source", "SANA reporter", "a spokesman"). */
export const SOURCE_NOUNS = new Set([
  // Groups of people who speak as one in labour and protest stories ("Striking workers said … They said …").
  'workers', 'strikers', 'seamen', 'sailors', 'miners', 'farmers', 'growers', 'protesters', 'protestors', 'demonstrators', 'employees',
  'dockers', 'dockworkers', 'pilots', 'students', 'teachers', 'nurses', 'villagers', 'shipowners',
  'source', 'sources', 'monitor', 'monitors', 'official', 'officials', 'reporter', 'reporters', 'correspondent', 'spokesman',
  'spokeswoman', 'spokesperson', 'diplomat', 'diplomats', 'witness', 'witnesses', 'eyewitness', 'eyewitnesses', 'activist',
  'activists', 'resident', 'residents', 'expert', 'experts', 'analyst', 'analysts', 'minister', 'ambassador', 'envoy',
  'officer', 'commander', 'president', 'chairman', 'governor', 'director', 'head', 'chief', 'member', 'representative',
  'secretary', 'leader', 'deputy', 'adviser', 'advisor', 'counterpart', 'mayor', 'speaker', 'coordinator', 'doctor', 'delegate',
  'economists', 'economist', 'arbitrageurs', 'arbitrageur', 'dealers', 'dealer', 'traders', 'trader', 'brokers', 'broker', 'bankers',
  'banker', 'observers', 'observer', 'investors', 'investor', 'executives', 'executive', 'spokesmen', 'lawyers', 'lawyer', 'doctors',
  'police', 'authorities', 'organizers', 'organisers', 'sources', 'insiders', 'insider', 'negotiators', 'negotiator', 'mediators',
  'mediator', 'monitors', 'researchers', 'researcher', 'scientists', 'scientist', 'officers', 'commanders', 'ministers', 'leaders',
  'members', 'representatives', 'delegates', 'envoys', 'lawmakers', 'lawmaker', 'legislators', 'legislator', 'senators', 'critics',
  'opponents', 'supporters', 'protesters', 'campaigners', 'farmers', 'workers', 'citizens', 'locals', 'survivors', 'medics', 'paramedics',
  'journalists', 'journalist', 'editors', 'columnist', 'commentator', 'commentators', 'producers', 'producer', 'exporters', 'exporter',
  'importers', 'importer', 'manufacturers', 'strategist', 'strategists', 'chairwoman', 'ceo', 'cfo', 'governors', 'mayors',
  'aides', 'aide', 'congressmen', 'congressman', 'spokespeople', 'staffers', 'advisers', 'advisors', 'consultants', 'consultant',
  // Witnesses of events in conflict and disaster copy ("an AFP photographer in …", "the militant said").
  'regulators', 'attorneys', 'prosecutors', 'investigators', 'inspectors', 'auditors', 'planners', 'houses', 'firms', 'brokerages',
  'managers', 'bookrunner', 'underwriter', 'underwriters', 'reports', 'democrat', 'republican', 'groups', 'estimates', 'figures',
  'statistics', 'records', 'tallies',
  'photographer', 'photographers', 'cameraman', 'cameramen', 'militant', 'militants', 'gunman', 'gunmen', 'survivor', 'relatives',
  'neighbours', 'neighbors', 'rescuers', 'rescuer', 'soldier', 'soldiers', 'fighter', 'fighters', 'policeman', 'policemen', 'nurse']);

/**
 * A source noun, also as the tail of a lower-case compound ("a masked-militant", "a pro-government activist").
 * Kept out of the tokenizer: a check there on every token cost a fifth of its speed.
 */
export function isSourceNoun(base: string): boolean {
  if (SOURCE_NOUNS.has(base)) return true;
  const h = base.lastIndexOf('-');
  return h > 0 && base.charCodeAt(0) >= 97 && SOURCE_NOUNS.has(base.slice(h + 1));
}

/** Collective or non-source subjects: never a speaker ("the two sides", "both parties"). */
export const COLLECTIVE = new Set(['sides', 'parties', 'both', 'two', 'participants', 'attendees', 'all', 'they', 'we', 'i', 'you',
  'it', 'everyone', 'nobody', 'people', 'this', 'that', 'these', 'those', 'which', 'who', 'what', 'some', 'many', 'several', 'most',
  'few', 'others', 'one', 'another', 'each', 'such', 'three', 'four', 'five', 'ten', 'none', 'neither', 'either', 'any']);

export const DETERMINERS = new Set(['the', 'a', 'an']);

/** Function words allowed inside a title chain ("Minister of Foreign Affairs and International Cooperation"). */
export const CHAIN_WORDS = new Set(['of', 'for', 'to', 'the', 'and', 'in', 'at', 'on', '&']);

/** Capitalised words that start sentences or name things but never persons. */
export const NON_NAME = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'he', 'she', 'it', 'they', 'we', 'i', 'his',
  'her', 'its', 'their', 'our', 'my', 'in', 'on', 'at', 'for', 'of', 'and', 'but', 'or', 'as', 'by', 'with', 'from', 'to',
  'meanwhile', 'however', 'moreover', 'also', 'check', 'east', 'west', 'north', 'south', 'middle', 'gulf', 'sea', 'ocean', 'region',
  'city', 'province', 'countryside', 'islamic', 'arab', 'western', 'eastern', 'northern', 'southern', 'occupied', 'golan',
  'day', 'martyr’s', "martyr's", 'forum', 'conference', 'summit', 'meeting', 'session', 'resolution', 'communiqué', 'communique',
  'agreement', 'accord', 'accords', 'treaty', 'declaration', 'charter', 'initiative', 'plan', 'process', 'talks', 'dialogue',
  'federal', 'republic', 'kingdom', 'emirates', 'states', 'united', 'nations', 'un', 'eu', 'us', 'u.s', 'uk', 'usa', 'uae', 'isis',
  'daesh', 'isil', 'hezbollah', 'hamas', 'nusra', 'taliban', 'qaeda', 'al-qaeda', 'sana', 'xinhua', 'irna', 'tass', 'reuters', 'afp',
  'sputnik', 'ap', 'tv', 'air', 'base', 'airport', 'street', 'square', 'road', 'highway', 'crossing', 'corridor', 'camp', 'district',
  'town', 'village', 'area', 'areas', 'governorate', 'basketball', 'football', 'league', 'cup', 'championship', 'olympic', 'games',
  'home', 'world', 'updated', 'leave', 'reply', 'share', 'related', 'more', 'read', 'photo', 'video', 'file', 'representational',
  'god', 'allah', 'jesus', 'christmas', 'eid', 'ramadan', 'new', 'year', 'first', 'second', 'third', 'security', 'general', 'army',
  'syrian', 'russian', 'american', 'mr', 'mrs', 'ms', 'sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday',
  'january', 'february', 'march', 'april', 'june', 'july', 'august', 'september', 'october', 'november', 'december', 'caribbean',
  'latin', 'america', 'africa', 'europe', 'asia', 'levant', 'mediterranean', 'red', 'black', 'dead', 'lake', 'river', 'mount',
  'valley', 'desert', 'island', 'islands', 'peninsula', 'strait', 'bay', 'coast', 'port', 'state', 'foreign', 'affairs', 'cooperation',
  'communist', 'socialist', 'democratic', 'national', 'popular', 'liberation', 'revolutionary', 'progressive', 'leftist', 'forces',
  'nevertheless', 'nonetheless', 'therefore', 'furthermore', 'additionally', 'still', 'yet', 'instead', 'otherwise', 'accordingly',
  'consequently', 'thus', 'hence', 'indeed', 'separately', 'earlier', 'later', 'overall', 'currently', 'previously', 'now', 'then',
  'today', 'yesterday', 'recently', 'finally', 'lastly', 'although', 'though', 'while', 'when', 'after', 'before', 'since', 'if',
  'because', 'despite', 'during', 'under', 'according', 'regarding', 'besides', 'elsewhere', 'similarly', 'likewise', 'reuter',
  'reuters', 'inc', 'corp', 'co', 'ltd', 'llc', 'plc', 'human', 'rights', 'watch', 'amnesty', 'international', 'congressional',
  'republican', 'democrat', 'presidential', 'parliamentary', 'governmental', 'official', 'some', 'many', 'several', 'most', 'few',
  'others', 'one', 'another', 'each', 'such', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'fed']);

// Gazetteer: country names, capitals, demonyms and regional places end a name run ("… in Damascus Imad Saab").
const PLACE = new Set<string>();
const DEMONYM = new Set<string>();
for (const c of countries) {
  for (const n of [c.name.common, c.name.official, ...c.altSpellings, ...(c.capital ?? [])]) {
    if (n && n.length > 2) PLACE.add(n.toLowerCase());
  }
  const d = c.demonyms?.eng;
  if (d) { DEMONYM.add(d.m.toLowerCase()); DEMONYM.add(d.f.toLowerCase()); }
}
// Distinctive words of multi-word country names ("Saudi Arabia" → arabia, "Great Britain" → britain).
const COMMON_NAME_WORDS = new Set(['united', 'republic', 'of', 'the', 'islands', 'island', 'saint', 'democratic', 'people', "people's",
  'south', 'north', 'new', 'east', 'west', 'kingdom', 'states', 'arab', 'central', 'equatorial', 'federal', 'federated', 'territory',
  'and', 'state', 'great', 'city', 'holy', 'see', 'sint', 'san', 'santa', 'el', 'de', 'da', 'la', 'le', 'lao', 'sri', 'heard', 'mcdonald',
  'norfolk', 'jan', 'mayen', 'isle', 'man', 'cook', 'christmas', 'pitcairn', 'virgin', 'british', 'french', 'american', 'minor',
  'outlying', 'caicos', 'turks', 'wallis', 'futuna', 'costa', 'puerto', 'dominican', 'czech', 'ivory', 'coast', 'marino', 'lucia',
  'vincent', 'kitts', 'nevis', 'barthelemy', 'martin', 'pierre', 'miquelon', 'helena', 'georgia', 'sandwich', 'bouvet', 'bosnia',
  'salvador', 'verde', 'leone', 'marino', 'tome', 'principe', 'faso', 'bissau', 'timor', 'kong', 'macau', 'thomas']);
for (const c of countries) {
  // Only the last word ("Saudi Arabia" → arabia, "Sri Lanka" → lanka): first words are often surnames ("Hong" of Hong Kong).
  const words = c.name.common.toLowerCase().split(/[\s-]+/);
  const w = words[words.length - 1]!;
  if (words.length > 1 && w.length > 3 && !COMMON_NAME_WORDS.has(w)) PLACE.add(w);
}
for (const p of ['turkey', 'czech republic', 'czechoslovakia', 'yugoslavia', 'soviet union', 'ussr', 'east germany', 'west germany',
  'cape verde', 'rhodesia', 'britain', 'england', 'scotland', 'wales', 'holland', 'zaire', 'burma', 'ceylon', 'persia', 'frankfurt', 'london',
  'paris', 'tokyo', 'beijing', 'moscow', 'brussels', 'zurich', 'geneva', 'hong kong', 'singapore', 'sydney', 'toronto', 'chicago',
  'los angeles', 'houston', 'dallas', 'boston', 'detroit', 'milan', 'hamburg', 'osaka', 'shanghai', 'mumbai', 'bombay', 'dubai',
  'istanbul', 'ankara', 'tehran', 'baghdad', 'beirut', 'cairo', 'riyadh', 'jeddah', 'doha', 'amman', 'kabul', 'karachi', 'delhi',
  'manila', 'jakarta', 'seoul', 'bangkok', 'sao paulo', 'rio', 'buenos aires', 'caracas', 'havana', 'mexico', 'montreal', 'ottawa',
  'vancouver', 'melbourne', 'johannesburg', 'lagos', 'nairobi', 'kinshasa', 'algiers', 'tunis', 'rabat', 'khartoum', 'sanaa',
  'aden', 'muscat', 'kuwait', 'manama', 'abu dhabi', 'washington', 'wall street', 'kremlin']) PLACE.add(p);
for (const d of ['saudi', 'emirati', 'arab', 'arabian', 'iranian', 'israeli', 'palestinian', 'kurdish', 'turkish', 'american', 'british',
  'european', 'african', 'asian', 'western', 'gulf', 'latin', 'chinese', 'russian', 'syrian', 'iraqi', 'lebanese', 'jordanian',
  'egyptian', 'cuban', 'venezuelan', 'korean', 'soviet', 'persian', 'islamic', 'israeli']) DEMONYM.add(d);
for (const p of ['idleb', 'idlib', 'aleppo', 'homs', 'hama', 'lattakia', 'latakia', 'tartous', 'deir', 'ezzor', 'raqqa', 'daraa',
  'sweida', 'quneitra', 'hasaka', 'hasakah', 'qamishli', 'palmyra', 'douma', 'ghouta', 'golan', 'gaza', 'jerusalem', 'west bank',
  'tulkarm', 'jenin', 'nablus', 'ramallah', 'hebron', 'mosul', 'basra', 'kirkuk', 'erbil', 'benghazi', 'tripoli', 'sinai', 'crimea',
  'donbass', 'kyiv', 'kiev', 'geneva', 'astana', 'sochi', 'vienna', 'munich', 'davos', 'new york', 'washington', 'hmeimim', 'hmeimin',
  'middle east', 'europe', 'africa', 'asia', 'america', 'latin america', 'caribbean']) PLACE.add(p);

/** Last words of multi-word place names ("korea" of "south korea"): a cheap test before joining a phrase. */
const PLACE_TAILS = new Set<string>();
for (const p of PLACE) { const sp = p.lastIndexOf(' '); if (sp > 0) PLACE_TAILS.add(p.slice(sp + 1)); }
export function isPlaceTail(lower: string): boolean {
  return PLACE_TAILS.has(lower);
}

/** A place with its apostrophe stripped ("russias", "syrias"): one lookup instead of a slice per capitalised word. */
const PLACE_POSSESSIVES = new Set<string>();
for (const p of PLACE) if (p.length > 3 && !p.includes(' ')) PLACE_POSSESSIVES.add(p + 's');
export function isPlacePossessive(lower: string): boolean {
  return lower.length > 4 && lower.charCodeAt(lower.length - 1) === 115 && PLACE_POSSESSIVES.has(lower);
}

/** A place, country or demonym word (lower-cased, possessive stripped). */
export function isPlaceWord(lower: string): boolean {
  return PLACE.has(lower) || DEMONYM.has(lower);
}
export function isDemonym(lower: string): boolean {
  return DEMONYM.has(lower);
}
export function isPlaceName(lower: string): boolean {
  return PLACE.has(lower);
}

/**
 * A paragraph after which a page holds only site furniture (teasers, comments, related links). One alternation, tried
 * once per paragraph (it was a list of 18 regexes, each run on every paragraph). "follow us" and "subscribe" end in
 * \x08 because the list held a literal backspace character there (a mangled \b), which decoding strips from files:
 * kept as it was, since a real \b would cut more articles short.
 */
export const FURNITURE_MARKER = /^(?:check also$|you might also like|most viewed|leave a reply|related (?:posts|articles|news|stories)|read more:?$|share this:?$|more from|recommended|comments?$|tags?:|(?:read|see) also:?$|also read:?$|trending(?: now)?:?$|(?:latest|more) news:?$|follow us\x08|subscribe\x08|related:?$)/i;
