/**
 * Places people type that are not the last segment of an IANA zone name: big cities,
 * Spanish spellings, a few single-zone countries and US time-zone abbreviations. Keys are
 * already folded (lower case, no accents, no punctuation). Ambiguous names (San José,
 * Valencia, Portland, IST, CST-as-China) are left out on purpose: a wrong zone silently
 * shifts every reminder, while an unknown name only costs the user a retry.
 */
const GROUPS: ReadonlyArray<readonly [zone: string, keys: readonly string[]]> = [
  ['America/New_York', [
    'nyc', 'nueva york', 'washington', 'washington dc', 'boston', 'miami', 'atlanta',
    'philadelphia', 'filadelfia', 'baltimore', 'pittsburgh', 'charlotte', 'orlando', 'tampa',
    'jacksonville', 'raleigh', 'cleveland', 'columbus', 'cincinnati', 'newark', 'buffalo',
    'florida', 'eastern', 'eastern time', 'us eastern', 'et', 'est', 'edt',
  ]],
  ['America/Chicago', [
    'houston', 'dallas', 'austin', 'san antonio', 'fort worth', 'minneapolis', 'saint paul',
    'st paul', 'kansas city', 'st louis', 'saint louis', 'new orleans', 'nueva orleans',
    'nashville', 'memphis', 'milwaukee', 'oklahoma city', 'omaha', 'tulsa', 'texas',
    'central', 'central time', 'us central', 'ct', 'cst', 'cdt',
  ]],
  ['America/Denver', [
    'salt lake city', 'albuquerque', 'el paso', 'colorado springs', 'colorado',
    'mountain', 'mountain time', 'us mountain', 'mt', 'mst', 'mdt',
  ]],
  ['America/Phoenix', ['tucson', 'scottsdale', 'mesa', 'arizona']],
  ['America/Los_Angeles', [
    'san francisco', 'seattle', 'san diego', 'las vegas', 'sacramento', 'oakland', 'fresno',
    'long beach', 'california', 'pacific', 'pacific time', 'us pacific', 'pt', 'pst', 'pdt',
  ]],
  ['America/Anchorage', ['alaska']],
  ['Pacific/Honolulu', ['hawaii']],
  ['America/Puerto_Rico', ['san juan']],
  ['America/Toronto', ['montreal', 'ottawa', 'quebec']],
  ['America/Edmonton', ['calgary']],
  ['America/Mexico_City', [
    'ciudad de mexico', 'mexico', 'cdmx', 'mexico df', 'df', 'guadalajara', 'puebla',
  ]],
  ['America/Guatemala', ['ciudad de guatemala', 'guatemala city']],
  ['America/Panama', ['panama city', 'ciudad de panama']],
  ['America/Havana', ['la habana', 'habana', 'cuba']],
  ['America/Bogota', ['medellin', 'cali', 'barranquilla', 'cartagena', 'colombia']],
  ['America/Guayaquil', ['quito', 'ecuador']],
  ['America/Lima', ['peru']],
  ['America/Santiago', ['santiago de chile', 'chile']],
  ['America/Argentina/Buenos_Aires', ['argentina', 'rosario']],
  ['America/Caracas', ['venezuela']],
  ['America/Montevideo', ['uruguay']],
  ['America/Asuncion', ['paraguay']],
  ['America/La_Paz', ['bolivia']],
  ['America/Sao_Paulo', ['rio de janeiro', 'brasilia', 'brasil', 'brazil']],
  ['Europe/Madrid', [
    'barcelona', 'sevilla', 'seville', 'malaga', 'bilbao', 'zaragoza', 'valladolid',
    'alicante', 'murcia', 'palma', 'mallorca', 'espana', 'spain',
  ]],
  ['Atlantic/Canary', ['canarias', 'islas canarias', 'canary islands', 'las palmas', 'tenerife']],
  ['Europe/London', [
    'londres', 'manchester', 'birmingham', 'liverpool', 'edinburgh', 'edimburgo', 'glasgow',
    'uk', 'united kingdom', 'reino unido', 'england', 'inglaterra', 'scotland', 'escocia',
  ]],
  ['Europe/Dublin', ['ireland', 'irlanda']],
  ['Europe/Berlin', [
    'munich', 'munchen', 'frankfurt', 'hamburg', 'hamburgo', 'cologne', 'koln', 'germany', 'alemania',
  ]],
  ['Europe/Paris', ['france', 'francia', 'lyon', 'marseille', 'marsella']],
  ['Europe/Rome', ['roma', 'milan', 'milano', 'naples', 'napoles', 'italy', 'italia']],
  ['Europe/Lisbon', ['lisboa', 'porto', 'oporto', 'portugal']],
  ['Europe/Brussels', ['bruselas']],
  ['Europe/Zurich', ['geneva', 'ginebra']],
  ['Europe/Vienna', ['viena']],
  ['Europe/Athens', ['atenas']],
  ['Europe/Warsaw', ['varsovia']],
  ['Europe/Prague', ['praga']],
  ['Europe/Moscow', ['moscu']],
  ['Europe/Istanbul', ['estambul']],
  ['Europe/Stockholm', ['estocolmo']],
  ['Asia/Kolkata', [
    'mumbai', 'bombay', 'delhi', 'new delhi', 'nueva delhi', 'bangalore', 'bengaluru',
    'chennai', 'hyderabad', 'pune', 'india',
  ]],
  ['Asia/Shanghai', ['beijing', 'pekin', 'shenzhen', 'guangzhou', 'china']],
  ['Asia/Tokyo', ['tokio', 'osaka', 'japan', 'japon']],
  ['Asia/Seoul', ['seul']],
  ['Asia/Ho_Chi_Minh', ['hanoi', 'ho chi minh city', 'saigon']],
  ['Asia/Dubai', ['abu dhabi']],
  ['Asia/Jerusalem', ['tel aviv']],
  ['Asia/Karachi', ['lahore', 'islamabad']],
  ['Australia/Sydney', ['canberra']],
  ['Pacific/Auckland', ['wellington', 'new zealand', 'nueva zelanda']],
  ['Africa/Johannesburg', ['cape town', 'ciudad del cabo', 'pretoria']],
  ['Africa/Cairo', ['el cairo']],
];

export const ZONE_ALIASES: ReadonlyMap<string, string> = new Map(
  GROUPS.flatMap(([zone, keys]) => keys.map((key) => [key, zone] as const)),
);
