import { describe, expect, it } from 'vitest';
import { isBylineShape, isHeaderByline } from '../../src/parse/byline.ts';

describe('isBylineShape', () => {
  it.each(['Lina Khoury', 'Omar', 'Lina/Omar', 'R. Haddad /Omar', 'S. Nour/ Tarek', 'Dana al-Masri/ Karim Aziz', 'MHD Salem/Omar', 'Hana Saleh – Omar'])(
    'accepts the credit line %s',
    (line) => expect(isBylineShape(line)).toBe(true),
  );
  it.each([
    'He added that the talks would go on.',
    'The ministry said the work is finished',
    'Farmers, traders and officials attended',
    'The End',
    'Report filed on 12 May',
    '“We will continue,” he said',
  ])('rejects the sentence %s', (line) => expect(isBylineShape(line)).toBe(false));
  it('"By" lines above the story', () => {
    expect(isHeaderByline('By Jane Rivers')).toBe(true);
    expect(isHeaderByline('Bylines are rare')).toBe(false);
  });
});
