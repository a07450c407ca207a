// Attribution rules added from held-out wire copy: one short invented sentence per rule.
import { describe, expect, it } from 'vitest';
import { body, run } from './helpers.ts';

const T = 'Port traffic slows after storm';

describe('wire-copy attribution', () => {
  it('reads "Content, the ROLE, NAME, said." with the role before the name', () => {
    const r = run(T, ['The outlook for the harbour remains bright despite the storm, the head of the port authority, Ana Ruiz, said.']);
    expect(body(r)).toMatchObject([{ speaker: 'Ana Ruiz', text: 'The outlook for the harbour remains bright despite the storm', kind: 'indirect' }]);
  });

  it('takes the period of a company abbreviation as the comma closing an appositive ("… Bros. said")', () => {
    const r = run(T, ['"We will rebuild the quay," Tom Berg, an engineer with Harbour Works Bros. said.']);
    expect(body(r)).toMatchObject([{ speaker: 'Tom Berg', text: 'We will rebuild the quay,', kind: 'direct' }]);
  });

  it('reads an employer possessive before a surname as the speaker ("Harbour\'s Berg said")', () => {
    const r = run(T, ['Tom Berg works for Harbour Works.', 'Fewer ships will tighten supplies, Harbour\'s Berg said.']);
    expect(body(r)).toMatchObject([{ speaker: 'Tom Berg', text: 'Fewer ships will tighten supplies' }]);
  });

  it('takes a clause with a long subject after "said" ("said Monday\'s volume of … was …")', () => {
    const r = run(T, ['Berg said Monday\'s small volume of 15 mln tonnes compared to an average of 50 mln was a sign of recovery.']);
    expect(body(r)[0]).toMatchObject({ text: 'Monday\'s small volume of 15 mln tonnes compared to an average of 50 mln was a sign of recovery' });
  });

  it('ends a sentence after an initialism when a sentence opener follows ("the U.S. But …")', () => {
    const r = run(T, ['The spokesman said the firm will grow in Europe and later in the U.S. But the firm has no plan for Asia, he said.']);
    expect(body(r).map((q) => q.text)).toEqual(['the firm will grow in Europe and later in the U.S.', 'But the firm has no plan for Asia']);
  });

  it('ends a reported clause where a new subject with its own reporting verb starts (", several members said")', () => {
    const r = run(T, ['Although the bank said politics is not a criterion for entry, several members said politics would matter.']);
    expect(body(r).map((q) => q.text)).toEqual(['politics is not a criterion for entry', 'politics would matter']);
  });

  it('ends a reported clause at "and said" so the second clause is a quote of its own', () => {
    const r = run(T, ['Port officials said Lagos has not decided its stance and said the firm had not applied yet.']);
    expect(body(r).map((q) => q.text)).toEqual(['Lagos has not decided its stance', 'the firm had not applied yet']);
  });

  it('reads a comma-less closing attribution "… the Observatory added." in text stripped of commas', () => {
    const r = run(T, ['The Flood Observatory said the river rose.', 'The floods also destroyed 14 bridges in the valley the Observatory added.']);
    expect(body(r)[1]).toMatchObject({ text: 'The floods also destroyed 14 bridges in the valley', kind: 'indirect' });
  });

  it('reads a comma-less inverted attribution "… on Friday said a monitoring group."', () => {
    const r = run(T, ['Up in the hills the town saw 25 houses flooded on Friday said a monitoring group.']);
    expect(body(r)).toMatchObject([{ speaker: 'monitoring group', text: 'Up in the hills the town saw 25 houses flooded on Friday' }]);
  });

  it('does not read "what the minister said" as an attribution', () => {
    const r = run(T, ['The mayor repeated on the radio what the minister said.']);
    expect(body(r)).toHaveLength(0);
  });

  it('takes the subject of "was quoted by AFP as saying" as the speaker of the quotation before it', () => {
    const r = run(T, ['"Twenty homes were lost in the town of Tarbes" Sami Haddad head of the Flood Watch Group was quoted by AFP as saying.']);
    expect(body(r)).toMatchObject([{ speaker: 'Sami Haddad', text: 'Twenty homes were lost in the town of Tarbes', kind: 'direct' }]);
    expect(r.speakers[0]).toMatchObject({ name: 'Sami Haddad', roles: ['head of the Flood Watch Group'] });
  });

  it('reads a comma-less apposition "NAME the group\'s director said"', () => {
    const r = run(T, ['Sami Haddad the groups director said the river was rising.']);
    expect(body(r)).toMatchObject([{ speaker: 'Sami Haddad', text: 'the river was rising' }]);
  });

  it('merges a lead description ("a senior Harbour Bank official") with the person named after it in that role', () => {
    const r = run(T, ['The bank will open a branch in Lagos, a senior Harbour Bank official said.',
      '"We are ready," Ivan Petrov, managing director of the Harbour Bank, told reporters.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Ivan Petrov', 'Ivan Petrov']);
    expect(r.speakers).toHaveLength(1);
  });

  it('keeps a description apart when the named person was introduced before it', () => {
    const r = run(T, ['"We are ready," Ivan Petrov, managing director of the Harbour Bank, told reporters.',
      'The branch will open in May, a Harbour Bank official said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Ivan Petrov', 'a Harbour Bank official']);
  });

  it('steps over a place adverb between subject and verb ("Delegates here said")', () => {
    const r = run(T, ['Delegates here said the move was linked to new trade efforts.']);
    expect(body(r)).toMatchObject([{ speaker: 'Delegates', text: 'the move was linked to new trade efforts' }]);
  });

  it('does not take "denied press reports suggesting …" as a reported clause', () => {
    const r = run(T, ['Ana Ruiz denied press reports suggesting the port was for sale.']);
    expect(body(r)).toHaveLength(0);
    expect(r.speakers.map((s) => s.name)).toEqual(['Ana Ruiz']);
  });

  it('reads "the consortium said" as an organisation speaking', () => {
    const r = run(T, ['The Harbour Works consortium has won nine orders for its new crane, the consortium said in a statement.']);
    expect(body(r)).toHaveLength(1);
    expect(body(r)[0]).toMatchObject({ text: 'The Harbour Works consortium has won nine orders for its new crane', kind: 'indirect' });
  });

  it('takes no clause from a reporting verb inside an object relative ("the buyers that the firm said it needed")', () => {
    const r = run(T, ['The yard has nine orders, well above the five buyers that the firm said it needed to build the crane.']);
    expect(body(r)).toHaveLength(0);
  });
  it('takes "proposed" in an inversion and "repeated that" as reporting verbs', () => {
    const r = run(T, ['A better plan would be to dredge the channel twice a year, proposed Mia Stone, director of the pilots guild.',
      'Harbour master Leo Kent repeated that repairs are likely to finish by May.']);
    expect(body(r).map((q) => [q.speaker, q.text])).toEqual([
      ['Mia Stone', 'A better plan would be to dredge the channel twice a year'], ['Leo Kent', 'repairs are likely to finish by May']]);
  });

  it('does not read "proposed" with a noun object as a reported clause', () => {
    const r = run(T, ['Harbour master Leo Kent proposed a new toll for large ships.']);
    expect(body(r)).toEqual([]);
  });

  it('types "Agency of X Deputy Administrator First Last" as the person, not the agency', () => {
    const r = run(T, ['Port Authority of Vella Deputy Administrator Tom Greer said the quay will reopen.']);
    expect(body(r)).toMatchObject([{ speaker: 'Tom Greer' }]);
    expect(r.speakers.find((s) => s.name === 'Tom Greer')?.type).toBe('person');
  });

  it('resolves "The King" to the king named before instead of a new speaker', () => {
    const r = run(T, ['King Harald said the port will reopen.', '"We will rebuild," the King said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Harald', 'Harald']);
  });

  it('skips a comma-bounded relative clause or appositive inside the reported subject', () => {
    const r = run(T, ['Berg said his tour of the docks, which ends today, showed the need for repairs.',
      'Berg said Vella, the largest port in the region, was working at half capacity.']);
    expect(body(r).map((q) => q.text)).toEqual(['his tour of the docks, which ends today, showed the need for repairs',
      'Vella, the largest port in the region, was working at half capacity']);
  });

  it('ends a reported clause at "and he called on" (a pronoun with its own speech verb)', () => {
    const r = run(T, ['Berg said the port needs calm and he called on unions to end the strike.']);
    expect(body(r).map((q) => q.text)).toEqual(['the port needs calm']);
  });
  it('treats a group of workers as a source and resolves "they" and "the dockers" to it', () => {
    const r = run(T, ['Striking dockers said they would stay out until May. The dockers said pay was too low. They said talks had failed.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Striking dockers', 'Striking dockers', 'Striking dockers']);
  });

  it('reads "ROLE, NAME, told …" when the role opens the sentence', () => {
    const r = run(T, ['One of their leaders, Ana Ruiz, told reporters that most dockers quit on Monday.']);
    expect(body(r)).toMatchObject([{ speaker: 'Ana Ruiz', text: 'most dockers quit on Monday' }]);
  });

  it('does not take the place after "office in" as a person speaking', () => {
    const r = run(T, ['The national union headquarters in Porto de Galinhas said dockers were quitting.']);
    expect(r.speakers.filter((s) => s.type === 'person')).toEqual([]);
  });
  it('does not run a partial quote left open inside a clause into the next paragraph\'s quotation', () => {
    const r = run(T, ['Berg said the budget will stay flat as the firm is "planning for low prices.', '"We are careful," Berg said.']);
    expect(body(r).map((q) => [q.text, q.kind])).toEqual([['the budget will stay flat as the firm is "planning for low prices.', 'indirect'], ['We are careful,', 'direct']]);
  });

  it('keeps middle initials in a name ("Tom E. Berg", "A.B. Kent")', () => {
    const r = run(T, ['Harbour Corp Chairman Tom E. Berg said the port will grow.']);
    expect(body(r)).toMatchObject([{ speaker: 'Tom E. Berg' }]);
  });

  it('reads "…, according to NAME, ROLE." with the role closing the sentence', () => {
    const r = run(T, ['The merger will, however, save the firm 15 mln dlrs a year, according to A.B. Kent, vice president of sales for the company.']);
    expect(body(r)).toMatchObject([{ speaker: 'A.B. Kent', text: 'The merger will, however, save the firm 15 mln dlrs a year' }]);
  });
  it('reads "“…,” said NAME who was …" (a relative clause without a comma after the inverted speaker)', () => {
    const r = run(T, ['Tom Berg runs the port. "We will grow," said Berg who was in town for talks.']);
    expect(body(r)).toMatchObject([{ speaker: 'Tom Berg', text: 'We will grow,', kind: 'direct' }]);
  });

  it('skips a capitalised company appositive inside the reported subject', () => {
    const r = run(T, ['Berg said the new unit, Harbour Works Inc., was not set up to cut costs.']);
    expect(body(r)).toMatchObject([{ text: 'the new unit, Harbour Works Inc., was not set up to cut costs' }]);
  });

  it('does not read "responded to <event>" as a speech act', () => {
    const r = run(T, ['Harbour Works, the big port firm, responded to the fall in trade by cutting jobs.']);
    expect(r.speakers).toEqual([]);
  });
  it('merges the short form of a named organisation ("Harbour Bank" after "Harbour Bank Holdings Ltd")', () => {
    const r = run(T, ['Harbour Bank Holdings Ltd said profits fell.', 'Harbour Bank, owned by a trust, previously reported that costs rose.']);
    expect(new Set(body(r).map((q) => q.speaker))).toEqual(new Set(['Harbour Bank Holdings Ltd']));
    expect(r.speakers.find((s) => s.name === 'Harbour Bank Holdings Ltd')?.aliases).toContain('Harbour Bank');
  });
  it('reads a sentence-initial "According to <bare plural source> …," with the source named up to its modifier', () => {
    const r = run(T, ['According to official port records filed in the town hall, the average wage is 900 dlrs a month.']);
    expect(body(r)).toMatchObject([{ speaker: 'official port records', text: 'the average wage is 900 dlrs a month' }]);
  });
  it('names "the … agency (ACRONYM) said" by its acronym', () => {
    const r = run(T, ['Ships were delayed for a week, the regional shipping agency (RSA) has said.']);
    expect(body(r)).toMatchObject([{ speaker: 'RSA', text: 'Ships were delayed for a week' }]);
  });

  it('keeps an acronym after "partners in <Place>" as the speaker in text without commas', () => {
    const r = run(T, ['Citing its partners in Kenya UNHCR has said that the camps were full.']);
    expect(body(r).map((q) => q.speaker)[0]).toMatch(/UNHCR/);
  });
  it('starts body speech after a headline repeated at the start of the body', () => {
    const r = run('Ships stuck at Vella port', ['Ships stuck at Vella port AFP Monday 3 Mar 2014 At least 12 ships were held at the port a monitor said.']);
    expect(body(r)).toMatchObject([{ text: 'At least 12 ships were held at the port' }]);
  });

  it('drops lower-case descriptors before an organisation name ("militant group Harbour Front")', () => {
    const r = run(T, ['The militant group Harbour Front said it shut the port. Harbour said in a statement its men left.']);
    expect(r.speakers.map((s) => [s.name, s.type])).toEqual([['Harbour Front', 'organization']]);
  });
});

describe('clause boundaries in news style', () => {
  it('ends a reported clause at a coordinated second speech act ("said A and urged B")', () => {
    const r = run(T, ['Mayor Lena Holt said the quay was in poor repair and urged funding for a new pier.']);
    expect(body(r)).toMatchObject([{ speaker: 'Lena Holt', text: 'the quay was in poor repair', kind: 'indirect' }]);
  });

  it('ends a reported clause where ", but <new speaker> said" starts another', () => {
    const r = run(T, ['Mayor Lena Holt spoke on Monday.', 'She said the pier would open in May, but a port official said the work was not finished.']);
    expect(body(r).map((q) => q.text)).toEqual(['the pier would open in May', 'the work was not finished']);
  });

  it('ends a reported clause at "and <named source> said" in text without commas', () => {
    const r = run(T, ['Port officials reported that ten cranes were damaged and the Harbour Council for Dock Safety said two berths were shut.']);
    expect(body(r)).toMatchObject([
      { speaker: 'Port officials', text: 'ten cranes were damaged' },
      { speaker: 'Harbour Council for Dock Safety', text: 'two berths were shut' },
    ]);
  });

  it('reads "Opening phrase, he said, content" as content after the attribution only', () => {
    const r = run(T, ['Mayor Lena Holt spoke on Monday.', 'In the meantime, she said, the ferries will run from the old quay she said.']);
    expect(body(r)).toMatchObject([{ speaker: 'Lena Holt', text: 'the ferries will run from the old quay' }]);
  });
});

describe('reported clauses after "said"', () => {
  it('crosses a relative clause inside a long subject ("said the welcome by the envoys with whom he met was warm")', () => {
    const r = run(T, ['Mayor Lena Holt said the welcome by the envoys with whom she met during the week was always warm.']);
    expect(body(r)).toMatchObject([{ text: 'the welcome by the envoys with whom she met during the week was always warm' }]);
  });

  it('takes a short subject with a past-tense verb as a clause ("said the firm\'s offer included …")', () => {
    const r = run(T, ['Lena Holt said the firm\'s offer included a pay rise for dockers.']);
    expect(body(r)).toMatchObject([{ text: 'the firm\'s offer included a pay rise for dockers' }]);
  });

  it('keeps "said the plan that was approved" a noun phrase', () => {
    const r = run(T, ['Lena Holt said the plan that was approved.']);
    expect(body(r)).toHaveLength(0);
  });

  it('skips an occasion phrase before a bare clause ("said in a speech last night the fee is …")', () => {
    const r = run(T, ['Lena Holt said in a speech last night the harbour fee should be lower.']);
    expect(body(r)).toMatchObject([{ text: 'the harbour fee should be lower' }]);
  });

  it('takes a clause opened by "if" as reported speech, but not one opened by "as"', () => {
    const r = run(T, ['Lena Holt said if the talks fail the port will close.', 'Holt said as she left the quay the ferries were late.']);
    expect(body(r).map((q) => q.text)).toEqual(['if the talks fail the port will close']);
  });
});

describe('sources named after their description', () => {
  it('links "a monitoring group said" to the organisation named right after it', () => {
    const r = run(T, ['Ten ships were stuck at the port, a monitoring group said.', '"The queue is growing," the Harbour Observatory for Shipping said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Harbour Observatory for Shipping', 'Harbour Observatory for Shipping']);
    expect(r.speakers).toMatchObject([{ name: 'Harbour Observatory for Shipping', type: 'organization' }]);
    expect(r.speakers[0]!.aliases).toContain('monitoring group');
  });
});

describe('Reuters company marks', () => {
  it('reads "<Company Name Ltd> said" as the organisation, and its bracketed acronym as an alias', () => {
    const r = run(T, ['<Harbour Investments Ltd>, (HIL), said its bid for the ferry line still stands.', 'HIL said in a statement it will review the bid daily.']);
    expect(body(r)).toMatchObject([
      { speaker: 'Harbour Investments Ltd', text: 'its bid for the ferry line still stands' },
      { speaker: 'Harbour Investments Ltd', text: 'it will review the bid daily' },
    ]);
    expect(r.speakers).toMatchObject([{ name: 'Harbour Investments Ltd', type: 'organization', aliases: ['HIL'] }]);
  });

  it('keeps a one-word ticker out of the name ("Harbour Corp <HBR> said")', () => {
    const r = run(T, ['Harbour Corp <HBR> said it sold its tug unit.']);
    expect(body(r)).toMatchObject([{ speaker: 'Harbour Corp', text: 'it sold its tug unit' }]);
  });

  it('ends a reported clause at ", although <Other Co> said …"', () => {
    const r = run(T, ['Harbour Corp said its offer still stands, although <Delta Shipping Ltd> said today it holds half the shares.']);
    expect(body(r).map((q) => [q.speaker, q.text])).toEqual([
      ['Harbour Corp', 'its offer still stands'], ['Delta Shipping Ltd', 'it holds half the shares'],
    ]);
  });
});

describe('where reported speech stops', () => {
  it('ends a reported clause at ", but would not give details" (the speaker\'s own act)', () => {
    const r = run(T, ['Lena Holt said she would welcome local bidders, but would not give any details on timing.']);
    expect(body(r)).toMatchObject([{ text: 'she would welcome local bidders' }]);
  });

  it('keeps "and would not hire" inside the reported clause', () => {
    const r = run(T, ['Lena Holt said the firm would close the dock and would not hire new staff.']);
    expect(body(r)).toMatchObject([{ text: 'the firm would close the dock and would not hire new staff' }]);
  });

  it('ends a sentence at a full stop followed by a bracketed caption ("… there. [click to enlarge] …")', () => {
    const r = run(T, ['Lena Holt said old tugs were based there. [click to enlarge] The port was warned by the navy.']);
    expect(body(r)).toMatchObject([{ text: 'old tugs were based there' }]);
  });
});

describe('witness sources', () => {
  it('takes "an AFP photographer … reported" closing a comma-less sentence as an unnamed source', () => {
    const r = run(T, ['Two injured dockers were seen waiting on the quay as boats arrived an AFP photographer reported.']);
    expect(body(r)).toMatchObject([{ speaker: 'an AFP photographer', kind: 'indirect', text: 'Two injured dockers were seen waiting on the quay as boats arrived' }]);
  });

  it('reads a lower-case compound ending in a source noun ("a masked-militant") as that source', () => {
    const r = run(T, ['"This port is ours now" said a masked-militant holding a flag. "We stay here" the militant said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['a masked-militant', 'a masked-militant']);
  });
});

describe('bracketed acronyms inside a source description', () => {
  it('keeps "a senior Harbour de Vella (HDV) official" whole as the closing subject', () => {
    const r = run(T, ['The port has yet to settle the details of its plan, a senior Harbour de Vella (HDV) official said.']);
    expect(body(r)).toMatchObject([{ speaker: 'a senior Harbour de Vella (HDV) official', text: 'The port has yet to settle the details of its plan' }]);
  });
});

describe('countries and proposals', () => {
  it('takes a country of two words as an organisation speaker, and "but said" as its second act', () => {
    const r = run(T, ['New Zealand proposed talks on port fees, but said both sides must first restore trust.']);
    expect(body(r)).toMatchObject([{ speaker: 'New Zealand', text: 'both sides must first restore trust' }]);
    expect(r.speakers).toMatchObject([{ name: 'New Zealand', type: 'organization' }]);
  });

  it('does not take "proposed <object> to <verb>" as a reported clause, only "proposed that …"', () => {
    const r = run(T, ['Lena Holt proposed new rules to curb noise.', 'Holt proposed that the port close early.']);
    expect(body(r).map((q) => q.text)).toEqual(['the port close early']);
  });
});

describe('family name first', () => {
  it('links a lone family name to a name with a hyphenated given name ("Pak" → "Pak Sun-hee")', () => {
    const r = run(T, ['Prime Minister Pak Sun-hee wrote to the port council.', 'Pak said the ferries could resume in May.']);
    expect(body(r)).toMatchObject([{ speaker: 'Pak Sun-hee', text: 'the ferries could resume in May' }]);
    expect(r.speakers.map((s) => s.name)).toEqual(['Pak Sun-hee']);
  });
});

describe('paragraphs with a trailer', () => {
  it('reads a body paragraph that ends in an agency trailer without a full stop ("… said. Reuter")', () => {
    const r = run(T, ['Harbour Corp said the new berth should open in the second half of the year. Reuter']);
    expect(body(r)).toMatchObject([{ speaker: 'Harbour Corp', text: 'the new berth should open in the second half of the year' }]);
  });

  it('still keeps a short headline-like line with a speech verb out of the body', () => {
    const r = run(T, ['Port chief says ferries will resume', 'Ana Ruiz said the ferries will resume in May.']);
    expect(body(r)).toHaveLength(1);
  });
});

describe('closing attributions in Reuters copy', () => {
  it('reads "Content, Name, role said." when the comma closing the role is missing', () => {
    const r = run(T, ['Talks on the dock lease have made progress, Roland Marsh, head of the port users committee said.', 'He told reporters a deal was close.']);
    expect(body(r)).toMatchObject([
      { speaker: 'Roland Marsh', text: 'Talks on the dock lease have made progress' },
      { speaker: 'Roland Marsh', text: 'a deal was close' },
    ]);
    expect(r.speakers[0]!.roles).toEqual(['head of the port users committee']);
  });

  it('crosses a middle initial before ", role, said" ("John F. Berg, president, said")', () => {
    const r = run(T, ['"Lower fees hurt our margins," John F. Berg, president, said in a statement.']);
    expect(body(r)).toMatchObject([{ speaker: 'John F. Berg', kind: 'direct' }]);
  });

  it('drops a sentence-opening "But" from the subject segment and its title', () => {
    const r = run(T, ['But Port Commissioner Jim Hale, a former pilot, said the vote was important.']);
    expect(body(r)).toMatchObject([{ speaker: 'Jim Hale', text: 'the vote was important' }]);
    expect(r.speakers[0]!.roles).toEqual(['Port Commissioner']);
  });
});

describe('clauses after "said" with a noun subject', () => {
  it('skips a comma-bounded parenthetical inside the clause subject', () => {
    const r = run(T, ['Lena Holt said the company, among other things, was accused of fraud.']);
    expect(body(r)).toMatchObject([{ text: 'the company, among other things, was accused of fraud' }]);
  });

  it('takes a noun then a past-tense verb after "said" as its clause, even past a prepositional phrase', () => {
    const r = run(T, ['Lena Holt said a warning by a rival broker hurt the stock on Monday.']);
    expect(body(r)).toMatchObject([{ text: 'a warning by a rival broker hurt the stock on Monday' }]);
  });

  it('takes a short subject with a present-tense verb in -s after "said" as its clause', () => {
    const r = run(T, ['Lena Holt said the plan includes pay rises for dockers.']);
    expect(body(r)).toMatchObject([{ text: 'the plan includes pay rises for dockers' }]);
  });

  it('keeps a noun-phrase object of "stressed" out', () => {
    const r = run(T, ['Lena Holt stressed the need for talks with the unions.']);
    expect(body(r)).toHaveLength(0);
  });
});

describe('organisations and groups in company news', () => {
  it('takes plural professional groups ("State regulators said") as unnamed sources', () => {
    const r = run(T, ['State regulators said they were seeking action against the port operator.']);
    expect(body(r)).toMatchObject([{ speaker: 'State regulators', text: 'they were seeking action against the port operator' }]);
  });

  it('reads publication and company-name heads as organisations, with ", ACR," as an alias', () => {
    const r = run(T, ['The Harbour Journal, which tracks the index, said Vella was dropped.', 'Vella Copper Mines, VCM, said output fell. VCM said sales rose.']);
    expect(r.speakers.map((s) => [s.name, s.type])).toEqual([['Harbour Journal', 'organization'], ['Vella Copper Mines', 'organization']]);
    expect(body(r).map((q) => q.speaker)).toEqual(['Harbour Journal', 'Vella Copper Mines', 'Vella Copper Mines']);
  });

  it('resolves "the bank holding company said" to the story\'s organisation', () => {
    const r = run(T, ['Harbour Pacific Corp said it is placing loans on a non-accrual basis. The bank holding company said the move affects 40 mln dlrs of loans.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Harbour Pacific Corp', 'Harbour Pacific Corp']);
  });

  it('names an organisation after a lower-case organisation noun ("the state news agency Vella Press reported")', () => {
    const r = run(T, ['The port budget will grow next year, the state news agency Velpres reported.']);
    expect(r.speakers).toMatchObject([{ name: 'Velpres', type: 'organization' }]);
  });

  it('reads "Employer analyst First Last" as the person, with the employer in the role', () => {
    const r = run(T, ['"We keep recommending the stock," Harbour Lynch analyst Charles Rowe said.']);
    expect(r.speakers).toMatchObject([{ name: 'Charles Rowe', type: 'person', roles: ['Harbour Lynch analyst'] }]);
  });

  it('gives "<Owner>\'s statement said" to the owner of the statement', () => {
    const r = run(T, ['Dome Shipping said it had talks. Rival Lines said it made an offer. Dome\'s statement said the offer broke a deal.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Dome Shipping', 'Rival Lines', 'Dome Shipping']);
  });
});

describe('descriptions of company sources', () => {
  it('keeps "a spokesman for the state-run mining company" whole as the subject', () => {
    const r = run(T, ['A spokesman for the state-run mining company said output fell 24 pct.']);
    expect(body(r)).toMatchObject([{ speaker: 'A spokesman for the state-run mining company', text: 'output fell 24 pct' }]);
  });

  it('links a short company name whose first word reads as a title ("Security Harbour said") to the full name', () => {
    const r = run(T, ['Security Harbour Corp said it is placing loans on a non-accrual basis. Despite the cut, Security Harbour said it still expects higher earnings.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Security Harbour Corp', 'Security Harbour Corp']);
    expect(r.speakers).toHaveLength(1);
  });
});

describe('more clause subjects and coordinated speech acts', () => {
  it('crosses a middle initial, an age and a role in the clause subject ("said F. Ross Berg, 55, president, will …")', () => {
    const r = run(T, ['The company said F. Ross Berg, 55, president and chief executive, will become chairman.']);
    expect(body(r)).toMatchObject([{ text: 'F. Ross Berg, 55, president and chief executive, will become chairman' }]);
  });

  it('gives a speech verb coordinated with another main verb to the sentence subject ("X gave no details but told …")', () => {
    const r = run(T, ['Port chief Clay Yates gave no details of the deal but told journalists the accord covers the main fees.']);
    expect(body(r)).toMatchObject([{ speaker: 'Clay Yates', cue: 'told', text: 'the accord covers the main fees' }]);
  });

  it('keeps a number with a thousands comma as one token inside a clause subject', () => {
    const r = run(T, ['The utility said its share in the 1,205 megawatt plant was sold to investors.']);
    expect(body(r)).toMatchObject([{ text: 'its share in the 1,205 megawatt plant was sold to investors' }]);
  });

  it('takes a short clause ending in a past-tense verb ("said the crews fled")', () => {
    const r = run(T, ['The harbour police said the crews fled.']);
    expect(body(r)).toMatchObject([{ text: 'the crews fled' }]);
  });
});

describe('text with commas and apostrophes stripped', () => {
  it('splits sentences glued at a full stop ("… responsibility.Commenting …")', () => {
    const r = run(T, ['Ana Ruiz said the port bears responsibility.Commenting on this the harbour master Tom Hale said it was bad.']);
    expect(body(r).map((q) => q.text)).toEqual(['the port bears responsibility', 'it was bad']);
  });

  it('reads a closing "… it said." after comma-less content, and a closing occasion phrase ("said at a TV interview on Sunday")', () => {
    const r = run(T, ['The Harbour Observatory said ten boats sank.', 'The worst damage was in Vella where waves sank six boats and wrecked two it said.',
      'The top priority for the port is to reopen Port Minister Rex Tolle said at a TV interview on Sunday.']);
    expect(body(r).map((q) => [q.speaker, q.text])).toEqual([
      ['Harbour Observatory', 'ten boats sank'],
      ['Harbour Observatory', 'The worst damage was in Vella where waves sank six boats and wrecked two'],
      ['Rex Tolle', 'The top priority for the port is to reopen'],
    ]);
  });

  it('keeps a relative tail after a long quotation outside the direct quote', () => {
    const r = run(T, ['Port chief Ana Ruiz spoke.', '"The queue grew fast after the storm hit the coast" that the crews saw from the quay she added.']);
    expect(body(r)).toMatchObject([{ kind: 'direct', text: 'The queue grew fast after the storm hit the coast' }]);
  });

  it('starts the subject at a place possessive ("… in Vella Norways Foreign Ministry said")', () => {
    const r = run(T, ['The decision shows a lack of understanding of events in Vella Norways Foreign Ministry said on Sunday.']);
    expect(body(r)).toMatchObject([{ speaker: 'Norways Foreign Ministry', text: 'The decision shows a lack of understanding of events in Vella' }]);
  });

  it('reads "the British-based Harbour Observatory for Rights monitoring group said" as the organisation', () => {
    const r = run(T, ['A blast killed 25 dockers the British-based Harbour Observatory for Rights monitoring group said. No group claimed the blast.']);
    expect(body(r)).toMatchObject([{ speaker: 'Harbour Observatory for Rights', text: 'A blast killed 25 dockers' }]);
    expect(r.speakers.map((s) => s.name)).toEqual(['Harbour Observatory for Rights']);
  });

  it('reads "Name ACRONYM Title in Place" as a person with a role', () => {
    const r = run(T, ['Our goal is to reopen the quay said Elena Hoff WHO Representative in Vella.']);
    expect(r.speakers).toMatchObject([{ name: 'Elena Hoff', type: 'person', roles: ['WHO Representative in Vella'] }]);
  });

  it('leaves a lower-case noun before a title run in the content ("… remain in office Port Minister Ana Ruiz said")', () => {
    const r = run(T, ['The union must stop insisting that the chief should remain in office Port Minister Ana Ruiz said on Sunday.']);
    expect(body(r)).toMatchObject([{ speaker: 'Ana Ruiz', text: 'The union must stop insisting that the chief should remain in office' }]);
    expect(r.speakers[0]!.roles).toEqual(['Port Minister']);
  });

  it('reads "ORG a monitoring group based in the UK reported" as the organisation', () => {
    const r = run(T, ['The Harbour Observatory for Rights a monitoring group based in the UK reported that the strikes hit boats.']);
    expect(body(r)).toMatchObject([{ speaker: 'Harbour Observatory for Rights', text: 'the strikes hit boats' }]);
  });

  it('takes the phrase before a comma-less "which" as the subject ("The Observatory which tracks the port said")', () => {
    const r = run(T, ['The Harbour Observatory which tracks the port said the blast also sank a tug.']);
    expect(body(r)).toMatchObject([{ speaker: 'Harbour Observatory', text: 'the blast also sank a tug' }]);
  });

  it('ends the content at a place before a lower-case source description ("… in Vella state news agency VNA reported")', () => {
    const r = run(T, ['Three boats were sunk in a rocket attack on the port in Vella state news agency VNA reported.']);
    expect(body(r)).toMatchObject([{ speaker: 'VNA', text: 'Three boats were sunk in a rocket attack on the port in Vella' }]);
  });
});

describe('more comma-less wire copy', () => {
  it('ends the content at an organisation noun before a capitalised modifier ("… of the coalition Harbour officials said")', () => {
    const r = run(T, ['The strikes involved jets from two states members of the coalition Harbour officials said.']);
    expect(body(r)).toMatchObject([{ speaker: 'Harbour officials', text: 'The strikes involved jets from two states members of the coalition' }]);
  });

  it('does not take "claimed the attack in a statement circulated on its accounts" as a clause', () => {
    const r = run(T, ['The Harbour Front group on Tuesday claimed the attack in a statement circulated on its accounts.']);
    expect(body(r)).toHaveLength(0);
  });

  it('reads "Name of the activist-run Media Center said" as the person with the employer', () => {
    const r = run(T, ['Obeida Hamal of the activist-run Vella Media Center said the crews had left the port.']);
    expect(body(r)).toMatchObject([{ speaker: 'Obeida Hamal', text: 'the crews had left the port' }]);
  });

  it('takes a long subject with a relative clause after an occasion phrase ("said in Vella the attack in which … had killed")', () => {
    const r = run(T, ['Port figure George Sabo said in Vella the attack in which gas was used had killed 13 people.']);
    expect(body(r)).toMatchObject([{ text: 'the attack in which gas was used had killed 13 people' }]);
  });

  it('starts a new quote at a participle right after the closing verb ("… Ruiz said adding that …")', () => {
    const r = run(T, ['Ana Ruiz spoke.', 'The port has seen the worst storm since the war Ruiz said adding that the crews have left.']);
    expect(body(r).map((q) => [q.cue, q.text])).toEqual([['said', 'The port has seen the worst storm since the war'], ['adding', 'the crews have left']]);
  });

  it('gives "the Defense Ministry statement said" to the ministry', () => {
    const r = run(T, ['The strikes destroyed two command posts the Defense Ministry statement said.']);
    expect(body(r)).toMatchObject([{ speaker: 'Defense Ministry', text: 'The strikes destroyed two command posts' }]);
  });
});

describe('comma-less appositions', () => {
  it('takes the name before an indefinite description as the subject ("ORG a Britain-based monitoring group said")', () => {
    const r = run(T, ['The Harbour Observatory for Rights a Britain-based monitoring group said the blast hit the port.',
      '"The claim is false" Air Force Colonel John Dorr a coalition spokesman told reporters.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Harbour Observatory for Rights', 'John Dorr']);
    expect(r.speakers[1]!.roles).toContain('coalition spokesman');
  });

  it('keeps a place before "a monitor said" in the content', () => {
    const r = run(T, ['Twelve boats were sunk in the northern province of Idlib a monitor said.']);
    expect(body(r)).toMatchObject([{ speaker: 'a monitor', text: 'Twelve boats were sunk in the northern province of Idlib' }]);
  });

  it('reads plural organisation heads ("the Local Coordination Committees said") as an organisation', () => {
    const r = run(T, ['The Local Coordination Committees said jets struck the towns.']);
    expect(r.speakers).toMatchObject([{ name: 'Local Coordination Committees', type: 'organization' }]);
  });
});

describe('page furniture before the first sentence', () => {
  it('drops "Date of publication <date>", "Tags …" and "AGENCY <weekday> <date>" prefixes from the quote', () => {
    const r = run(T, ['Date of publication 3 April 2017 At least 20 boats sank in the storm a monitor said.',
      'Tags Vella Port Storm Boats At least 9 crews were rescued on Tuesday a monitor said.',
      'Storm hits port AFP Thursday 25 Sep 2014 A series of waves sank four tugs a monitor said.']);
    expect(body(r).map((q) => q.text)).toEqual(['At least 20 boats sank in the storm', 'At least 9 crews were rescued on Tuesday', 'A series of waves sank four tugs']);
  });
});

describe('generic organisation references', () => {
  it('resolves "the ministry said" to the latest source whose name holds "ministry", not the current other group', () => {
    const r = run(T, ['Some 120 fighters were killed, the defence ministry in Moscow said.', 'The Harbour Front group claimed the attack. The group said three fighters died.', 'The ministry said foreign fighters were coming in.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['the defence ministry in Moscow', 'Harbour Front', 'the defence ministry in Moscow']);
  });
});

describe('agency copy without commas (sources and audiences)', () => {
  it('keeps "informed sources" whole and reads "… a source told Sputnik Sunday." as a closing attribution', () => {
    const r = run(T, ['Crews try to find safer berths in Vella or Norway informed sources said.', 'Nine boats sank near the port on Wednesday an informed source told Harbour TV Sunday.']);
    expect(body(r).map((q) => [q.speaker, q.text])).toEqual([
      ['informed sources', 'Crews try to find safer berths in Vella or Norway'],
      ['an informed source', 'Nine boats sank near the port on Wednesday'],
    ]);
  });

  it('reads "told al-Manar that …" with an Arabic-article name as the audience', () => {
    const r = run(T, ['Sources told al-Manar that the crews seized the quay.']);
    expect(body(r)).toMatchObject([{ speaker: 'Sources', text: 'the crews seized the quay' }]);
  });

  it('skips "citing X" between the verb and its that-clause', () => {
    const r = run(T, ['Harbour TV reported citing the port ministry that the crews tried to storm the quay.']);
    expect(body(r)).toMatchObject([{ text: 'the crews tried to storm the quay' }]);
  });

  it('starts a new quote at "adding that" without a comma, but not at "stop insisting that"', () => {
    const r = run(T, ['The Harbour Observatory said it was unclear when the blast took place adding that two crews were hurt.',
      'The union must stop insisting that the chief should stay Port Minister Ana Ruiz said.']);
    expect(body(r).map((q) => q.text)).toEqual(['it was unclear when the blast took place', 'two crews were hurt',
      'The union must stop insisting that the chief should stay']);
  });

  it('drops Sputnik\'s "Get short URL <n>" furniture from the quote', () => {
    const r = run(T, ['2017) Get short URL 113 At least nine boats sank near the port on Wednesday a source told Harbour TV.']);
    expect(body(r)).toMatchObject([{ text: 'At least nine boats sank near the port on Wednesday' }]);
  });

  it('gives a participle to "But X which …" as the sentence subject', () => {
    const r = run(T, ['But Norway which holds a veto defended its ally saying that the boats were hit by mistake.']);
    expect(body(r)).toMatchObject([{ speaker: 'Norway', text: 'the boats were hit by mistake' }]);
  });
});

describe('more Reuters sentence shapes', () => {
  it('finds "that" after a long audience of "told"', () => {
    const r = run(T, ['Port chief Ana Ruiz told a meeting of the Union of Harbour Pilots here that the quay is behind schedule.']);
    expect(body(r)).toMatchObject([{ speaker: 'Ana Ruiz', text: 'the quay is behind schedule' }]);
  });

  it('reads "Content, X was quoted as saying." with the content first', () => {
    const r = run(T, ['The port will not suspend its fees, Harbour Minister Branko Milo was quoted as saying.']);
    expect(body(r)).toMatchObject([{ speaker: 'Branko Milo', text: 'The port will not suspend its fees' }]);
  });

  it('skips adverbs between subject and verb ("jointly said", "last month claimed") and after it ("said repeatedly")', () => {
    const r = run(T, ['Harbour Corp and Delta Lines Inc jointly said they signed a deal.', 'Vella Shipping last month said rivals tried to cut prices.',
      'Port officials have said repeatedly the quay cannot close.']);
    expect(body(r).map((q) => q.text)).toEqual(['they signed a deal', 'rivals tried to cut prices', 'the quay cannot close']);
  });

  it('lets a document with no known issuer speak as an unnamed source ("the prospectus said")', () => {
    const r = run(T, ['The government will sell all 600 mln shares, the prospectus said.']);
    expect(body(r)).toMatchObject([{ speaker: 'prospectus', text: 'The government will sell all 600 mln shares' }]);
  });

  it('resolves "it" to the latest organisation when a person spoke last, and to the sentence\'s organisation subject inside it', () => {
    const r = run(T, ['Harbour Corp said sales rose.', 'Chairman Tom Hale said margins grew.', '"All units improved," it said.',
      'In May, Vella Foods, a unit of Delta Corp, shut its plant because it said "costs were too high."']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Harbour Corp', 'Tom Hale', 'Harbour Corp', 'Vella Foods']);
  });

  it('reads a subject with a dashed apposition ("Hale -- the chief pilot -- said")', () => {
    const r = run(T, ['Tom Hale -- the most senior pilot to speak so far -- said he did not recall the storm.']);
    expect(body(r)).toMatchObject([{ speaker: 'Tom Hale', text: 'he did not recall the storm' }]);
  });

  it('takes the last comma segment as the speaker after a quotation and a phrase ("…," based on …, Hale said)', () => {
    const r = run(T, ['"We can pay the debt," based on cash from the ferry unit, Tom Hale said.']);
    expect(body(r)).toMatchObject([{ speaker: 'Tom Hale', kind: 'direct', text: 'We can pay the debt,' }]);
  });

  it('skips a participle phrase in commas inside the clause subject ("remarks, taken with …, could be …")', () => {
    const r = run(T, ['Economists said the remarks, taken with those of the ministers, could be a signal.']);
    expect(body(r)).toMatchObject([{ text: 'the remarks, taken with those of the ministers, could be a signal' }]);
  });

  it('takes a bare plural noun clause after an occasion phrase ("said in the prospectus special terms were made")', () => {
    const r = run(T, ['Chairman Tom Hale said in the prospectus special terms were being made for staff.']);
    expect(body(r)).toMatchObject([{ text: 'special terms were being made for staff' }]);
  });
});

describe('closing attributions around places and appositions', () => {
  it('ends the content at a place after a lower-case adjective ("… in southern Syria state media said"), with an apposition after', () => {
    const r = run(T, ['Crews have taken control of berths in southern Syria state media said on Saturday part of a campaign they started this month.']);
    expect(body(r)).toMatchObject([{ speaker: 'state media', text: 'Crews have taken control of berths in southern Syria' }]);
  });

  it('takes plural firm nouns as a source group ("Most major brokerage houses said")', () => {
    const r = run(T, ['Most major brokerage houses said they had seen no formal notice from the exchange.']);
    expect(body(r)).toMatchObject([{ speaker: 'Most major brokerage houses', text: 'they had seen no formal notice from the exchange' }]);
  });
});

describe('inverted attributions followed by a relative clause', () => {
  it('reads "… said the Observatory which takes its data from …" as a closing inverted attribution', () => {
    const r = run(T, ['Raids on the port have cost the lives of 13 dockers near a military quay said the Harbour Observatory which takes its data from a network of sources.']);
    expect(body(r)).toMatchObject([{ speaker: 'Harbour Observatory', text: 'Raids on the port have cost the lives of 13 dockers near a military quay' }]);
  });
});

describe('named groups', () => {
  it('reads "the civil defence known as the Harbour Helmets have said" as the named group', () => {
    const r = run(T, ['At least 31 dockers have been hurt near the port on Friday the civil defence known as the Harbour Helmets have said.']);
    expect(body(r)).toMatchObject([{ speaker: 'Harbour Helmets', text: 'At least 31 dockers have been hurt near the port on Friday' }]);
    expect(r.speakers).toMatchObject([{ name: 'Harbour Helmets', type: 'organization' }]);
  });

  it('does not run a tag list into the next sentence ("… Harbour Observatory for Rights At least …")', () => {
    const r = run(T, ['Tags Vella quay road Harbour Observatory for Rights At least 9 crews were hurt the Harbour Observatory for Rights said.']);
    expect(r.speakers.map((s) => s.name)).toEqual(['Harbour Observatory for Rights']);
  });
});

describe('descriptions of organisations', () => {
  it('keeps "the Vellan interior ministry" as a body of its own, not the current organisation', () => {
    const r = run(T, ['Harbour TV said the port shut.', 'The Vellan interior ministry said on Monday that two boats attacked the port.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Harbour TV', 'Vellan interior ministry']);
  });
});

describe('institution names in company news', () => {
  it('keeps "Office of Management and Budget Director James Miller" one person with an institutional title', () => {
    const r = run(T, ['Office of Port Management and Budget Director James Mill said the fee rise will fail.']);
    expect(r.speakers).toMatchObject([{ name: 'James Mill', type: 'person' }]);
  });

  it('reads "the National Association of Harbour Management (NAHM) said" as the organisation with its acronym', () => {
    const r = run(T, ['Port traffic grew in February, the National Association of Harbour Management (NAHM) said.']);
    expect(r.speakers).toMatchObject([{ name: 'National Association of Harbour Management', type: 'organization', aliases: ['NAHM'] }]);
  });

  it('links a company\'s middle word ("Labatt said") and a Reuters-marked name ("<Airbus Industrie>") to the organisation', () => {
    const r = run(T, ['John Labatt Ltd said its share rose. Labatt said sales grew.', 'The engine was meant for the <Harbour Industrie> A340. Harbour said it would switch engines.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['John Labatt Ltd', 'John Labatt Ltd', 'Harbour Industrie']);
    expect(r.speakers.every((s) => s.type === 'organization')).toBe(true);
  });

  it('drops a count before a name ("Two World Bank teams")', () => {
    const r = run(T, ['Two Harbour Bank teams said the loans were cut.']);
    expect(r.speakers.map((s) => s.name)).not.toContain('Two Harbour Bank');
  });
});

describe('short names of organisations', () => {
  it('links a bare head noun ("Observatory which tracks the war said") to the named organisation', () => {
    const r = run(T, ['A blast killed 25 dockers the Harbour Observatory for Rights said.', 'Observatory which tracks the war said the blast also killed a senior pilot.']);
    expect(body(r).map((q) => [q.speaker, q.text])).toEqual([
      ['Harbour Observatory for Rights', 'A blast killed 25 dockers'], ['Harbour Observatory for Rights', 'the blast also killed a senior pilot'],
    ]);
  });
});

describe('documents that speak', () => {
  it('gives "The statement said" to the organisation named just before, else keeps it unnamed', () => {
    const r1 = run(T, ['The Vella Port Authority issued a statement on Monday. The statement said the quay would close.']);
    expect(body(r1)).toMatchObject([{ speaker: 'Vella Port Authority', text: 'the quay would close' }]);
    const r2 = run(T, ['A statement was issued on Monday. The statement said the quay would close.']);
    expect(r2.speakers).toMatchObject([{ type: 'unnamed' }]);
  });
});

describe('closing attributions with adjuncts (FA-KES)', () => {
  it('reads "the Coalition said" (an organisation head ending in -tion is no abstract noun)', () => {
    const r = run(T, ['Any delay will open the door to more attacks on the port the Coalition said.']);
    expect(body(r)).toMatchObject([{ speaker: 'Coalition', text: 'Any delay will open the door to more attacks on the port' }]);
  });

  it('reads "one of the officials said", "the watchdog said" and "an official from the forces said" as sources', () => {
    const r = run(T, ['Ana Ruiz spoke. "All the evidence points to that" one of the officials said.', 'Four tugs made up the rest of the losses the watchdog said.',
      'A strike on a camp killed three guards on Sunday an official from the forces said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['one of the officials', 'the watchdog', 'an official from the forces']);
  });

  it('lets a closing attribution carry an -ing adjunct or a short phrase with a quotation', () => {
    const r = run(T, ['Air raids near the port killed 42 people a monitoring group said Friday giving an updated toll.',
      'Three strikes hit the quay on Monday the Harbour Observatory said despite a "calm zone" in place there.']);
    expect(body(r).map((q) => q.text)).toEqual(['Air raids near the port killed 42 people', 'Three strikes hit the quay on Monday']);
  });

  it('does not read "… after regime forces responded with air raids" as a closing attribution', () => {
    const r = run(T, ['In the past two weeks 200 dockers have been hurt in Vella after port guards responded with raids to rebel fire.']);
    expect(body(r)).toHaveLength(0);
  });
});

describe('places and openers before sources', () => {
  it('keeps "Turkey" (renamed in the gazetteer) a place and a one-word name out of comma-less appositions', () => {
    const r = run(T, ['The assault sparked an exodus of crews into neighbouring Turkey an activist said.', 'The ferry talks failed after a call with Hale an official said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['an activist', 'an official']);
  });

  it('drops a sentence adverb from a source description ("Recently activists said")', () => {
    const r = run(T, ['Recently activists said the quay was shut.']);
    expect(r.speakers.map((s) => s.name)).toEqual(['activists']);
  });
});

describe('name shapes in company news', () => {
  it('links "Sim" to "Sim Kee Boon" and "Gallo" to "Nicholas Gallo III" (suffix kept in the name)', () => {
    const r = run(T, ['Chairman Sim Kee Boon said the bond sold well. Sim said debt will fall.',
      '"We spent much time on these talks," said Harbour chairman Nicholas Gallo III. Gallo said the firm will stop seeking partners.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Sim Kee Boon', 'Sim Kee Boon', 'Nicholas Gallo III', 'Nicholas Gallo III']);
  });

  it('keeps an ordinal that opens a company name ("First Harbour said")', () => {
    const r = run(T, ['First Harbour Bancorp said it may reclassify loans. "It is too soon," First Harbour said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['First Harbour Bancorp', 'First Harbour Bancorp']);
  });
});

describe('Reuters market-report sources', () => {
  it('reads "Moody\'s said" as the company and "said one broker" / "one dealer said" as unnamed sources', () => {
    const r = run(T, ["Moody's said it would study the risk.", '"It raises doubts," said one broker.', 'Fees will rise, one dealer said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(["Moody's", 'one broker', 'one dealer']);
  });

  it('keeps "One of their leaders, Name, told …" the named person', () => {
    const r = run(T, ['One of their leaders, Orlando Dias, told reporters the crews offered to resign.']);
    expect(body(r)).toMatchObject([{ speaker: 'Orlando Dias' }]);
  });

  it('skips "then" before a that-clause and parentheticals in the clause subject', () => {
    const r = run(T, ['Port bankers also said then that Vella should seek an accord.', 'Dealers said the market, which seemed weak late yesterday, reacted badly to the drop.',
      'Ed Balla said the Group of Seven ports, G-7, can set stable fees.', 'The bank said M-2, which measures notes in circulation, fell to 609 billion lire.']);
    expect(body(r).map((q) => q.text)).toEqual(['Vella should seek an accord', 'the market, which seemed weak late yesterday, reacted badly to the drop',
      'the Group of Seven ports, G-7, can set stable fees', 'M-2, which measures notes in circulation, fell to 609 billion lire']);
  });

  it('reads "…, the 24-nation OECD, which hosted the talks, said." and a company\'s first word ("Entertainment said")', () => {
    const r = run(T, ['A new formula will be used for port credits, the 24-nation OECD, which hosted the talks, said.',
      'Entertainment Marketing Inc bid for the firm. Entertainment said the offer would be made through a merger.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['OECD', 'Entertainment Marketing Inc']);
  });

  it('takes "securities managers said", "press reports said" and "the Illinois Democrat said" as sources', () => {
    const r = run(T, ['Bids were strong, securities managers said.', 'Local press reports said the port would close.', 'Senator Tom Hale spoke.',
      '"It is an uphill fight," the Illinois Democrat said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['securities managers', 'Local press reports', 'Tom Hale']);
  });
});

describe('source groups and according-to phrases in comma-less copy', () => {
  it('reads "… in Hama rights groups said", "… civilians two residents said" and "several diplomats said"', () => {
    const r = run(T, ['A tank assault killed at least 80 people in Hama rights groups said.', 'Tanks shelled a district of Hama killing four more civilians two residents said.',
      'Fees rose, several diplomats said.']);
    expect(body(r).map((q) => [q.speaker, q.text])).toEqual([
      ['rights groups', 'A tank assault killed at least 80 people in Hama'],
      ['two residents', 'Tanks shelled a district of Hama killing four more civilians'],
      ['several diplomats', 'Fees rose'],
    ]);
  });

  it('reads a closing "X said on a visit to Y." ("on" is time only before a weekday)', () => {
    const r = run(T, ['The port authority is responsible for the delay Fabius said on a visit to Ramallah.']);
    expect(body(r)).toMatchObject([{ speaker: 'Fabius', text: 'The port authority is responsible for the delay' }]);
  });

  it('keeps a closing "according to the directorate of health in Idlib province." whole', () => {
    const r = run(T, ['Chemical agents were used in the attack which left 100 people dead according to the directorate of health in Idlib province.',
      'A civil war broke out in 2011 and has since claimed 200000 lives according to UN estimates.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['directorate of health in Idlib province', 'UN estimates']);
  });
});

describe('nested speech and agency descriptions', () => {
  it('keeps "said that in a letter, the counsel told … that …" one quote (nested speech is not split off)', () => {
    const r = run(T, ['Harbour Corp said that in a letter dated June 26, the port counsel told lawyers that the board will review the case.']);
    expect(body(r)).toMatchObject([{ speaker: 'Harbour Corp', text: 'in a letter dated June 26, the port counsel told lawyers that the board will review the case' }]);
  });

  it('ends comma-less content at a place before a nationality ("… of Raqqa Syrian state-run news agency SANA reported")', () => {
    const r = run(T, ['At least 10 civilians were killed in strikes west of Raqqa Syrian state-run news agency SANA reported.']);
    expect(body(r)).toMatchObject([{ speaker: 'SANA', text: 'At least 10 civilians were killed in strikes west of Raqqa' }]);
  });
});

describe('generic references when no organisation is speaking', () => {
  it('resolves "the ministry said" to the last speaking source named as a ministry, not the first organisation', () => {
    const r = run(T, ['The Harbour Front group lost 120 fighters, the defence ministry in Vella said.',
      '"A command post was destroyed near the quay" the ministry said adding some 40 fighters were killed.']);
    expect(body(r).map((q) => [q.speaker, q.cue, q.text])).toEqual([
      ['the defence ministry in Vella', 'said', 'The Harbour Front group lost 120 fighters'],
      ['the defence ministry in Vella', 'said', 'A command post was destroyed near the quay'],
      ['the defence ministry in Vella', 'adding', 'some 40 fighters were killed'],
    ]);
  });
});

describe('group pronouns and long clause subjects', () => {
  it('gives "they said" after "said one trading house source" to that source', () => {
    const r = run(T, ['"Ships are scarce," said one trading house source.', 'Traders are looking to other ports, they said.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['one trading house source', 'one trading house source']);
  });

  it('takes "said the price for each share consists of …" and a long relative clause in commas inside the clause subject', () => {
    const r = run(T, ['Harbour Corp said the price for each Vella share consists of one new share.',
      'The bank said M-2, which measures notes and coins in circulation plus bank and post office deposit accounts, fell to 609 billion lire.']);
    expect(body(r).map((q) => q.text)).toEqual(['the price for each Vella share consists of one new share',
      'M-2, which measures notes and coins in circulation plus bank and post office deposit accounts, fell to 609 billion lire']);
  });
});

describe('titled names after an organisation name', () => {
  it('reads "Harbour Observatory for Rights chief Rami Abdel Rahman said" as the person (a three-word name after the title)', () => {
    const r = run(T, ['"The toll will rise" Harbour Observatory for Rights chief Rami Abdel Rahman said.']);
    expect(r.speakers).toMatchObject([{ name: 'Rami Abdel Rahman', type: 'person', roles: ['Harbour Observatory for Rights chief'] }]);
  });
});

describe('descriptions with nationalities and place labels', () => {
  it('keeps "- Vellan human rights groups said" whole and links "the Britain-based group" to the named organisation', () => {
    const r = run(T, ['- Syrian human rights groups said that crews were among those hurt.',
      'The Harbour Observatory for Rights said ten boats sank. "The toll may rise" the Britain-based group added.',
      'Eight crews were hurt when a strike hit their office the rescue service said on Saturday.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Syrian human rights groups', 'Harbour Observatory for Rights', 'Harbour Observatory for Rights', 'rescue service']);
  });
});

describe('Syrian-war group names', () => {
  it('reads Arabic group names ("Jaysh al-Islam") as organisations and links "the Jaysh al-Islam group" to it', () => {
    const r = run(T, ['The Jaysh al-Islam group has admitted using banned weapons. Jaysh al-Islam said the attack was a mistake.']);
    expect(r.speakers).toMatchObject([{ name: 'Jaysh al-Islam', type: 'organization' }]);
    expect(r.speakers).toHaveLength(1);
  });
});
