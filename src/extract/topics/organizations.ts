// Curated table of international organisations and armed/political groups with their names and acronyms.
// No installed package lists these, so this data file is the single place to add one.

export interface OrganizationEntry {
  /** Display name; its slug is the topic slug. */
  name: string;
  /** Other full names, matched case-sensitively as whole words. */
  aliases?: string[];
  /** Acronyms, matched case-sensitively (so "UN" never matches "un-"). */
  acronyms?: string[];
}

export const ORGANIZATIONS: readonly OrganizationEntry[] = [
  { name: 'United Nations', aliases: ['U.N.'], acronyms: ['UN'] },
  { name: 'UN Security Council', aliases: ['Security Council', 'U.N. Security Council', 'United Nations Security Council'], acronyms: ['UNSC'] },
  { name: 'UN General Assembly', aliases: ['General Assembly', 'United Nations General Assembly'], acronyms: ['UNGA'] },
  { name: 'UNHCR', aliases: ['UN refugee agency', 'UN Refugee Agency', 'United Nations High Commissioner for Refugees'] },
  { name: 'UNICEF', aliases: ["United Nations Children's Fund"] },
  { name: 'World Health Organization', acronyms: ['WHO'] },
  { name: 'World Food Programme', aliases: ['World Food Program'], acronyms: ['WFP'] },
  { name: 'International Monetary Fund', acronyms: ['IMF'] },
  { name: 'World Bank' },
  { name: 'World Trade Organization', acronyms: ['WTO'] },
  { name: 'International Atomic Energy Agency', acronyms: ['IAEA'] },
  { name: 'OPCW', aliases: ['Organisation for the Prohibition of Chemical Weapons', 'Organization for the Prohibition of Chemical Weapons'] },
  { name: 'International Criminal Court', acronyms: ['ICC'] },
  { name: 'International Committee of the Red Cross', aliases: ['Red Cross'], acronyms: ['ICRC'] },
  { name: 'Red Crescent', aliases: ['Syrian Arab Red Crescent', 'Arab Red Crescent'], acronyms: ['SARC'] },
  { name: 'European Union', acronyms: ['EU'] },
  { name: 'European Community', aliases: ['European Economic Community', 'Common Market'], acronyms: ['EC', 'EEC'] },
  { name: 'European Commission' },
  { name: 'European Parliament' },
  { name: 'NATO', aliases: ['North Atlantic Treaty Organization', 'Nato'] },
  { name: 'OPEC', aliases: ['Organization of Petroleum Exporting Countries', 'Organization of the Petroleum Exporting Countries'] },
  { name: 'Arab League', aliases: ['League of Arab States'] },
  { name: 'Gulf Cooperation Council', acronyms: ['GCC'] },
  { name: 'Organisation of Islamic Cooperation', aliases: ['Organization of Islamic Cooperation', 'Organization of the Islamic Conference'], acronyms: ['OIC'] },
  { name: 'African Union' },
  { name: 'ASEAN', aliases: ['Association of Southeast Asian Nations'] },
  { name: 'Shanghai Cooperation Organisation', aliases: ['Shanghai Cooperation Organization'], acronyms: ['SCO'] },
  { name: 'BRICS' },
  { name: 'G7', aliases: ['Group of Seven', 'G-7'] },
  { name: 'G20', aliases: ['Group of 20', 'G-20'] },
  { name: 'GATT', aliases: ['General Agreement on Tariffs and Trade'] },
  { name: 'OECD', aliases: ['Organisation for Economic Co-operation and Development', 'Organization for Economic Cooperation and Development'] },
  { name: 'Amnesty International' },
  { name: 'Human Rights Watch' },
  { name: 'Human Rights Council', aliases: ['UN Human Rights Council'] },
  { name: 'Syrian Observatory for Human Rights', acronyms: ['SOHR'] },
  { name: 'Islamic State', aliases: ['Islamic State in Iraq and Syria', 'Islamic State in Iraq and the Levant', 'Islamic State of Iraq and the Levant', 'Islamic State of Iraq and Syria', 'Daesh', 'Daish', 'DAESH'], acronyms: ['ISIS', 'ISIL', 'IS'] },
  { name: 'Jabhat al-Nusra', aliases: ['al-Nusra Front', 'Al-Nusra Front', 'Nusra Front', 'Jabhat Al-Nusra', 'Jabhat Fateh al-Sham', 'Hayat Tahrir al-Sham', 'Tahrir al-Sham'], acronyms: ['HTS'] },
  { name: 'Al-Qaeda', aliases: ['al-Qaeda', 'al-Qaida', 'Al-Qaida', 'al Qaeda', 'Al Qaeda'] },
  { name: 'Hezbollah', aliases: ['Hizbollah', 'Hizbullah', 'Hezbollah Resistance'] },
  { name: 'Hamas' },
  { name: 'Taliban' },
  { name: 'Muslim Brotherhood' },
  { name: 'Free Syrian Army', acronyms: ['FSA'] },
  { name: 'Syrian Democratic Forces', acronyms: ['SDF'] },
  { name: "Kurdistan Workers' Party", aliases: ['Kurdistan Workers Party'], acronyms: ['PKK'] },
  { name: "People's Protection Units", aliases: ['Peoples Protection Units'], acronyms: ['YPG'] },
  { name: 'Jaish al-Islam', aliases: ['Jaysh al-Islam'] },
  { name: 'Ahrar al-Sham' },
  { name: 'White Helmets', aliases: ['Syria Civil Defence', 'Syrian Civil Defence'] },
  { name: 'National Coalition', aliases: ['Syrian National Coalition', 'Syrian Coalition', 'National Coalition for Syrian Revolutionary and Opposition Forces', 'Etilaf'] },
  { name: 'High Negotiations Committee', aliases: ['High Negotiations Commission'], acronyms: ['HNC'] },
  { name: 'Houthis', aliases: ['Houthi', 'Ansar Allah', 'Ansarullah'] },
  { name: 'Pentagon' },
  { name: 'Kremlin' },
  { name: 'Federal Reserve', aliases: ['Fed'] },
  { name: 'European Central Bank', acronyms: ['ECB'] },
  { name: 'Bundesbank' },
];
