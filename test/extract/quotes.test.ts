// One test per attribution rule, each on a short sentence written for the test.
import { describe, expect, it } from 'vitest';
import { body, run } from './helpers.ts';

const T = 'Talks on water sharing resume';

describe('reported speech', () => {
  it('takes the that-clause of a reporting verb, without "that" and the final period', () => {
    const r = run(T, ['Kenyan Water Minister Amina Odhiambo said that the dam will open in May.']);
    expect(body(r)).toMatchObject([{ speaker: 'Amina Odhiambo', text: 'the dam will open in May', kind: 'indirect', cue: 'said' }]);
    expect(r.speakers[0]).toMatchObject({ name: 'Amina Odhiambo', type: 'person', roles: ['Kenyan Water Minister'] });
  });

  it('takes a bare clause after a time word ("said Tuesday there are …")', () => {
    const r = run(T, ['Amina Odhiambo said Tuesday there are gaps between the two plans.']);
    expect(body(r)[0]).toMatchObject({ text: 'there are gaps between the two plans', kind: 'indirect' });
  });

  it('skips place and time phrases before "that"', () => {
    const r = run(T, ['Odhiambo added in an interview with a local radio station on Monday that talks would resume.']);
    expect(body(r)[0]).toMatchObject({ text: 'talks would resume', cue: 'added' });
  });

  it('does not take noun-phrase complements as quotes, but the subject is still a speaker', () => {
    const r = run(T, ['Amina Odhiambo stressed the need for a fair deal on the river.']);
    expect(body(r)).toHaveLength(0);
    expect(r.speakers.map((s) => s.name)).toEqual(['Amina Odhiambo']);
  });

  it('does not take infinitive complements ("called on X to …") as quotes', () => {
    const r = run(T, ['Amina Odhiambo called on both countries to respect the treaty.']);
    expect(body(r)).toHaveLength(0);
  });

  it('reads the inverted form "…, X said."', () => {
    const r = run(T, ['The river level has dropped by a third since spring, Odhiambo said.']);
    expect(body(r)[0]).toMatchObject({ text: 'The river level has dropped by a third since spring', kind: 'indirect', speaker: 'Odhiambo' });
  });

  it('reads the inverted form "…, said X" followed by a participle phrase', () => {
    const r = run(T, ['Farmers will get more water next year, said Odhiambo speaking after a meeting with her counterpart Jean Mbeki.']);
    expect(body(r)[0]).toMatchObject({ text: 'Farmers will get more water next year', speaker: 'Odhiambo' });
    expect(r.speakers.map((s) => s.name)).toEqual(['Odhiambo']);
  });

  it('keeps an interrupted attribution inside one span ("Kenya, X said, is ready …")', () => {
    const r = run(T, ['Kenya, Odhiambo said, is ready to share the data with its neighbours.']);
    expect(body(r)[0]).toMatchObject({ text: 'Kenya, Odhiambo said, is ready to share the data with its neighbours', kind: 'indirect' });
  });

  it('starts a new quote at each participle (", adding that …")', () => {
    const r = run(T, ['Odhiambo noted that the pumps are old, adding that new ones will arrive soon.']);
    expect(body(r).map((q) => [q.text, q.cue])).toEqual([
      ['the pumps are old', 'noted'],
      ['new ones will arrive soon', 'adding'],
    ]);
  });

  it('takes the question after "wondered why/how …"', () => {
    const r = run(T, ['Odhiambo wondered why the upstream states keep building dams.', 'Odhiambo said when she arrived.']);
    expect(body(r)).toMatchObject([{ text: 'why the upstream states keep building dams', cue: 'wondered' }]);
  });

  it('credits "according to X" with the rest of the sentence', () => {
    const r = run(T, ['Three wells were closed last week, according to the Ministry of Water.']);
    expect(body(r)[0]).toMatchObject({ text: 'Three wells were closed last week', speaker: 'Ministry of Water', cue: 'according to' });
    expect(r.speakers[0]!.type).toBe('organization');
  });

  it('credits the quoted person in "X quoted Y as saying that …"', () => {
    const r = run(T, ['The agency quoted Minister Amina Odhiambo as saying that the canal is finished.']);
    expect(body(r)[0]).toMatchObject({ text: 'the canal is finished', speaker: 'Amina Odhiambo' });
  });

  it('credits "This was stated by X" with the sentence before', () => {
    const r = run(T, ['The canal will carry twice as much water. This was stated by Water Minister Amina Odhiambo on Sunday.']);
    expect(body(r)[0]).toMatchObject({ text: 'The canal will carry twice as much water', speaker: 'Amina Odhiambo' });
  });
});

describe('direct quotes', () => {
  it('takes the words in marks before "X said"', () => {
    const r = run(T, ['“We will not give up a single drop,” Odhiambo said.']);
    expect(body(r)[0]).toMatchObject({ text: 'We will not give up a single drop,', kind: 'direct', speaker: 'Odhiambo' });
  });

  it('takes the words in marks after "X said:"', () => {
    const r = run(T, ['Odhiambo said: "The gates open at dawn."']);
    expect(body(r)[0]).toMatchObject({ text: 'The gates open at dawn.', kind: 'direct' });
  });

  it('takes "noting that “…”" as a direct quote', () => {
    const r = run(T, ['Odhiambo said the plan is ready, noting that “we have found the money.”']);
    expect(body(r).map((q) => [q.kind, q.text])).toEqual([
      ['indirect', 'the plan is ready'],
      ['direct', 'we have found the money.'],
    ]);
  });

  it('ends a quoted complement at its closing mark ("said “…” and left")', () => {
    const r = run(T, ['Odhiambo said “We will go back” and left the hall.']);
    expect(body(r)).toMatchObject([{ text: 'We will go back', kind: 'direct' }]);
  });

  it('keeps a quoted fragment that opens a reported clause inside one indirect quote', () => {
    const r = run(T, ['Odhiambo said “the river council” is not legal.']);
    expect(body(r)).toMatchObject([{ text: '“the river council” is not legal', kind: 'indirect' }]);
  });

  it('takes a partial quote after "described … as"', () => {
    const r = run(T, ['Odhiambo described the talks as “very frank” and left.']);
    expect(body(r)).toMatchObject([{ text: 'very frank', kind: 'direct', speaker: 'Odhiambo' }]);
  });

  it('ignores scare quotes and names in marks', () => {
    const r = run(T, ['Odhiambo said the so-called “river council” and the “Blue Nile Forum” will meet.']);
    expect(body(r)).toHaveLength(1);
    expect(body(r)[0]!.kind).toBe('indirect');
  });

  it('keeps a quote spread over two paragraphs as one quote', () => {
    const r = run(T, ['Odhiambo said: “The first pump is fixed.', '“The second one will be fixed next week.”']);
    const q = body(r);
    expect(q).toHaveLength(1);
    expect(q[0]!.text).toBe('The first pump is fixed.\n\n“The second one will be fixed next week.');
  });

  it('gives the quotation opening the next paragraph to "X said:" closing the previous one', () => {
    const r = run(T, ['Water Minister Amina Odhiambo said:', '“The gates open at dawn and close at dusk.”']);
    expect(body(r)).toMatchObject([{ speaker: 'Amina Odhiambo', kind: 'direct', text: 'The gates open at dawn and close at dusk.' }]);
  });

  it('runs an unclosed quote to the end of its paragraph', () => {
    const r = run(T, ['Odhiambo said: “The gates open at dawn and close at dusk.', 'Farmers welcomed the plan.']);
    expect(body(r)[0]).toMatchObject({ text: 'The gates open at dawn and close at dusk.', kind: 'direct' });
  });

  it('lets a quote-only paragraph after a speaker’s quote inherit the speaker', () => {
    const r = run(T, ['“We are ready,” Odhiambo said.', '“Everyone in the valley will get water this summer.”']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Odhiambo', 'Odhiambo']);
  });
});

describe('speakers', () => {
  it('resolves "He" to the current speaker, not the nearest name', () => {
    const r = run(T, [
      'Amina Odhiambo said the talks were useful, speaking after a meeting with her counterpart Jean Mbeki.',
      'He added that a deal is close.',
    ]);
    expect(body(r)[1]).toMatchObject({ text: 'a deal is close', speaker: 'Amina Odhiambo' });
    expect(r.mentioned).toContain('Jean Mbeki');
    expect(r.speakers.map((s) => s.name)).not.toContain('Jean Mbeki');
  });

  it('resolves a role description ("The Minister") to the person holding it', () => {
    const r = run(T, ['Water Minister Amina Odhiambo met farmers on Monday.', 'The Minister affirmed that prices will not rise.']);
    expect(body(r)[0]).toMatchObject({ speaker: 'Amina Odhiambo' });
    expect(r.speakers[0]!.aliases).toContain('The Minister');
  });

  it('resolves "The minister" to the current speaker when no one holds that title in the text', () => {
    const r = run(T, ['Amina Odhiambo said that talks resume.', 'The minister added that the deal holds.']);
    expect(r.speakers).toHaveLength(1);
    expect(body(r).map((q) => q.speaker)).toEqual(['Amina Odhiambo', 'Amina Odhiambo']);
  });

  it('uses the fullest form as the canonical name and keeps the surname as an alias', () => {
    const r = run(T, ['Odhiambo said that the dam is safe.', 'Minister Amina Odhiambo added that it will be inspected.']);
    expect(r.speakers).toHaveLength(1);
    expect(r.speakers[0]).toMatchObject({ name: 'Amina Odhiambo', aliases: ['Odhiambo'] });
    expect(body(r).every((q) => q.speaker === 'Amina Odhiambo')).toBe(true);
  });

  it('links a surname-first short form to the full name ("Hong" of "Hong Lei")', () => {
    const r = run(T, ['Spokesman Hong Lei made the remarks at a briefing.', '"Talks must resume," Hong said.']);
    expect(r.speakers).toMatchObject([{ name: 'Hong Lei', type: 'person' }]);
    expect(body(r)[0]!.speaker).toBe('Hong Lei');
  });

  it('splits a title chain into roles ("Envoy to X, Deputy Minister Name")', () => {
    const r = run(T, ['Meanwhile, Kenya’s Special Envoy to the Horn of Africa, Deputy Foreign Minister Jean Mbeki said that talks will go on.']);
    expect(r.speakers[0]).toMatchObject({ name: 'Jean Mbeki', roles: ['Kenya’s Special Envoy to the Horn of Africa', 'Deputy Foreign Minister'] });
  });

  it('collects a chain of comma-separated roles before the name', () => {
    const r = run(T, ['Head of the Water Board, Deputy Minister of Energy, Engineer Joseph Kamau, affirmed that the pumps work.']);
    expect(r.speakers[0]).toMatchObject({ name: 'Joseph Kamau' });
    expect(r.speakers[0]!.roles.slice(0, 2)).toEqual(['Head of the Water Board', 'Deputy Minister of Energy']);
  });

  it('takes the name from an apposition ("Role, Name, said")', () => {
    const r = run(T, ['Chairman of the Farmers Union, Joseph Kamau, said that the harvest was poor.']);
    expect(r.speakers[0]).toMatchObject({ name: 'Joseph Kamau', roles: ['Chairman of the Farmers Union'] });
  });

  it('types unnamed sources and resolves "the reporter" to them', () => {
    const r = run(T, ['An official source said that the border is open.', 'The reporter indicated that trucks were waiting.', 'KNA reporter said that the queue is long.']);
    expect(r.speakers.find((s) => s.name === 'An official source')?.type).toBe('unnamed');
    expect(body(r)).toHaveLength(3);
  });

  it('types organisations and resolves "the ministry" to the one named before', () => {
    const r = run(T, ['The Ministry of Water said that supplies are stable.', 'The ministry added that tankers will be sent.']);
    expect(r.speakers).toHaveLength(1);
    expect(r.speakers[0]).toMatchObject({ name: 'Ministry of Water', type: 'organization' });
    expect(body(r).map((q) => q.speaker)).toEqual(['Ministry of Water', 'Ministry of Water']);
  });

  it('never reads a byline such as "Samir Said" as speech', () => {
    const r = run(T, ['The canal opened on Sunday.'], { byline: 'Samir Said' });
    expect(r.quotes).toHaveLength(0);
    expect(r.speakers).toHaveLength(0);
  });

  it('still reads a long body paragraph that lost its final period', () => {
    const r = run(T, ['Water Minister Amina Odhiambo said on Monday that the talks with the farmers will resume next week in Kisumu']);
    expect(body(r)[0]).toMatchObject({ text: 'the talks with the farmers will resume next week in Kisumu' });
  });

  it('never reads a two-word "Name said" line as speech', () => {
    const r = run(T, ['The canal opened on Sunday.', 'Samir said']);
    expect(r.quotes).toHaveLength(0);
  });
});

describe('headlines', () => {
  it('turns "Name: words" titles and sub-headings into attributed headline quotes, never body quotes', () => {
    const r = run('Odhiambo: We will share the river', ['Water Minister Amina Odhiambo said that the deal is fair.', 'Mbeki: Talks go on', 'Deputy Minister Jean Mbeki said that talks go on.'], { subheadings: ['Mbeki: Talks go on'] });
    const heads = r.quotes.filter((q) => q.kind === 'headline');
    expect(heads.map((q) => [q.speaker, q.text])).toEqual([
      ['Amina Odhiambo', 'We will share the river'],
      ['Jean Mbeki', 'Talks go on'],
    ]);
    expect(body(r)).toHaveLength(2);
  });
});

describe('offsets', () => {
  it('every quote is the exact source slice', () => {
    const r = run(T, [
      '“It is done,” said Odhiambo.',
      'Kenya, Odhiambo said, is ready, adding that “the valley is safe.”',
      'The level dropped, according to KNA reporter.',
    ]);
    expect(r.quotes.length).toBeGreaterThan(2);
    for (const q of r.quotes) expect(r.source.slice(q.start, q.end)).toBe(q.text);
  });
});

describe('wire-style variants', () => {
  it('takes plural source nouns as unnamed speakers ("…, grain dealers said.")', () => {
    const r = run(T, ['Wheat prices rose again this week, grain dealers said.']);
    expect(body(r)[0]).toMatchObject({ text: 'Wheat prices rose again this week', speaker: 'grain dealers' });
    expect(r.speakers[0]!.type).toBe('unnamed');
  });

  it('separates a name from its employer ("Analyst Jane Roe of Acme Partners said")', () => {
    const r = run(T, ['Analyst Jane Roe of Acme Partners said the merger makes sense.']);
    expect(r.speakers[0]).toMatchObject({ name: 'Jane Roe', type: 'person' });
  });

  it('resolves "The company said" to the organisation of the story', () => {
    const r = run(T, ['Nordmill Holdings Inc said it will close two plants.', 'The company said the closures will cost 200 jobs.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Nordmill Holdings Inc', 'Nordmill Holdings Inc']);
    expect(r.speakers).toHaveLength(1);
  });

  it('credits "according to X" that closes a sentence without a comma', () => {
    const r = run(T, ['Two bridges were damaged in the storm according to local sources.']);
    expect(body(r)[0]).toMatchObject({ text: 'Two bridges were damaged in the storm', speaker: 'local sources' });
  });

  it('takes a bare clause with a past-tense verb and its object ("said gunmen attacked a …")', () => {
    const r = run(T, ['Local sources said gunmen from the hills attacked a police post.']);
    expect(body(r)[0]).toMatchObject({ text: 'gunmen from the hills attacked a police post' });
  });

  it('reopens at a straight mark glued to the next word when the earlier quote was never closed', () => {
    const r = run(T, ['"It is a hard winter, said Tom Reyes of the Farm Bureau. "Prices will stay high."']);
    expect(body(r).map((q) => [q.text, q.speaker])).toEqual([
      ['It is a hard winter', 'Tom Reyes'],
      ['Prices will stay high.', 'Tom Reyes'],
    ]);
  });

  it('reads "went on to say that" and a parenthetical before "that"', () => {
    const r = run(T, ['Odhiambo went on to say that the talks will resume.', 'She stressed, during a visit to the dam, that repairs are done.']);
    expect(body(r).map((q) => q.text)).toEqual(['the talks will resume', 'repairs are done']);
  });

  it('does not make a possessive noun a cue ("Odhiambo’s remarks came …")', () => {
    const r = run(T, ['Odhiambo’s remarks came during a visit to the dam.']);
    expect(r.speakers).toHaveLength(0);
  });
});

describe('speech dates', () => {
  it('dates "said Tuesday" from the story date', async () => {
    const { speechDate } = await import('../../src/extract/index.ts');
    expect(speechDate('tuesday', '2015-08-12')).toBe('2015-08-11');
    expect(speechDate('wednesday', '2015-08-12')).toBe('2015-08-12');
    expect(speechDate('yesterday', '2015-08-01')).toBe('2015-07-31');
    expect(speechDate('monday', null)).toBeNull();
  });

  it('takes the weekday next to the cue, not one inside the reported words', () => {
    const r = run(T, ['Odhiambo said Tuesday that a meeting will be held on Friday.'], { date: '2015-08-12' });
    expect(body(r)[0]!.date).toBe('2015-08-11');
    expect(body(run(T, ['Odhiambo said Tuesday that talks resume.']))[0]!.date).toBeUndefined(); // no story date
  });
});

describe('precision guards', () => {
  it('does not credit reporting verbs inside the content of a closing attribution', () => {
    const r = run(T, ['Kenya firmly condemns the raid on the dam, the Foreign Ministry said in a letter to the council.']);
    expect(r.speakers.map((s) => s.name)).toEqual(['Foreign Ministry']);
    expect(body(r)[0]).toMatchObject({ text: 'Kenya firmly condemns the raid on the dam', speaker: 'Foreign Ministry' });
  });

  it('keeps sentence adverbs and noun uses of verbs out ("Earlier state television reported …")', () => {
    const r = run(T, ['Earlier state television reported that the dam was safe.', 'State media reports were brief.']);
    expect(r.speakers.map((s) => s.name)).toEqual(['state television']);
  });
});

describe('joint speakers', () => {
  it('lists both people of "X and his counterpart Y said" as speakers and credits the first', () => {
    const r = run(T, ['Water Minister Amina Odhiambo and her Ugandan counterpart Jean Mbeki stressed that the treaty holds.']);
    expect(r.speakers.map((s) => s.name)).toEqual(['Amina Odhiambo', 'Jean Mbeki']);
    expect(body(r)[0]).toMatchObject({ speaker: 'Amina Odhiambo', text: 'the treaty holds' });
  });
});

describe('documents and acronyms', () => {
  it('credits "according to the statement" to the organisation that issued it', () => {
    const r = run(T, ['The Ministry of Water said that two dams were inspected.', 'According to the statement, both are safe.']);
    expect(body(r)[1]).toMatchObject({ text: 'both are safe', speaker: 'Ministry of Water', cue: 'according to' });
  });

  it('steps over a bracketed acronym after an organisation ("… Agency (KNA) reported")', () => {
    const r = run(T, ['The Kenya News Agency (KNA) reported that the road was reopened.']);
    expect(body(r)[0]).toMatchObject({ speaker: 'Kenya News Agency', text: 'the road was reopened' });
  });
});

describe('subjects', () => {
  it('resolves "The utility said" like "the company" to the story organisation', () => {
    const r = run(T, ['Lakeside Power Co said it will raise prices.', 'The utility said customers were told.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Lakeside Power Co', 'Lakeside Power Co']);
  });

  it('does not take the object of a preposition as the subject', () => {
    const r = run(T, ['Prices will rise, a trader for a firm working on behalf of the Soviet Union said.']);
    expect(r.speakers.map((s) => s.name)).not.toContain('Soviet Union');
  });
});

describe('clause and description details', () => {
  it('uses the modifiers of a description to pick between people ("The Ugandan minister")', () => {
    const r = run(T, [
      'Water Minister Amina Odhiambo and her Ugandan counterpart Jean Mbeki met on Monday.',
      '“The river is shared,” Odhiambo said.',
      'The Ugandan minister, for his part, said that his country wants a fair deal.',
    ]);
    expect(body(r).map((q) => q.speaker)).toEqual(['Amina Odhiambo', 'Jean Mbeki']);
  });

  it('resolves "the Ugandan official added" to the person speaking now', () => {
    const r = run(T, ['Deputy Minister Jean Mbeki said that the border is open.', '“We are ready to share water,” the Ugandan official added.']);
    expect(body(r).map((q) => q.speaker)).toEqual(['Jean Mbeki', 'Jean Mbeki']);
  });

  it('keeps an "according to X" placed mid-sentence inside one span', () => {
    const r = run(T, ['The Ministry of Water said that the dam is safe.', 'The gates, according to the ministry, were opened twice.']);
    expect(body(r)[1]).toMatchObject({ text: 'The gates, according to the ministry, were opened twice', speaker: 'Ministry of Water' });
  });

  it('keeps ", while …" in the reported clause unless it brings its own speaker', () => {
    const r = run(T, ['Odhiambo said that the north got rain, while the south stayed dry.', 'Odhiambo said that talks resume, while Mbeki stressed that the deal holds.']);
    expect(body(r).map((q) => q.text)).toEqual(['the north got rain, while the south stayed dry', 'talks resume', 'the deal holds']);
  });
});

describe('bare clauses', () => {
  it('finds a present-tense verb before "to" ("said the police continue to patrol …") but not a noun ("the need to …")', () => {
    const r = run(T, ['Odhiambo said the river police continue to patrol the dam.', 'Odhiambo stressed the need to act.', 'Odhiambo underlined the efforts made to help.']);
    expect(body(r).map((q) => q.text)).toEqual(['the river police continue to patrol the dam']);
  });
});

describe('clause subjects', () => {
  it('reads "said this was/indicated …" as a clause but keeps "this week" as time', () => {
    const r = run(T, ['Odhiambo said this was due to the drought.', 'Odhiambo said this week that talks resume.', 'Odhiambo reiterated this stance.']);
    expect(body(r).map((q) => q.text)).toEqual(['this was due to the drought', 'talks resume']);
  });

  it('does not read "costs to employers" or "up to 15" as a verb with an infinitive', () => {
    const r = run(T, ['Odhiambo noted a slight rise in taxes and social security costs to employers.', 'A broker said prices rose, noting yields of up to 15 pct.']);
    expect(body(r).map((q) => q.text)).toEqual(['prices rose']);
  });
});

describe('plural sources', () => {
  it('resolves "they said" to a plural source group speaking now, and never to a gerund opening the sentence', () => {
    const r = run(T, ['Analysts noted a large outflow of capital.', 'Raising the dam would cost too much, they said, noting that rain is due.']);
    expect(body(r).map((q) => [q.speaker, q.text])).toEqual([
      ['Analysts', 'Raising the dam would cost too much'],
      ['Analysts', 'rain is due'],
    ]);
    expect(r.speakers.map((s) => s.name)).toEqual(['Analysts']);
  });
});

describe('fixed expressions', () => {
  it('reads "made (it) clear that" after an Arabic name with a particle', () => {
    const r = run(T, ['Trade Minister Samir al-Hassan made clear that prices will fall.', 'Samir al-Hassan made a visit to the port.']);
    expect(body(r)).toMatchObject([{ speaker: 'Samir al-Hassan', text: 'prices will fall' }]);
  });
});

describe('more reporting verbs', () => {
  it('reads testified / disclosed / reaffirmed / alleged as speech, and maintained / forecast / asked only with a clause', () => {
    const r = run(T, ['Tom Hale testified that he had not known about the flights.', 'Harbour Corp disclosed it had sold the tug unit.',
      'Ana Ruiz maintained that the quay was safe.', 'Ana Ruiz asked whether the ferries would run.', 'Delta Corp maintained its dividend.',
      'Delta Corp forecast a loss.', 'Ana Ruiz asked him to leave.']);
    expect(body(r).map((q) => [q.cue, q.text])).toEqual([
      ['testified', 'he had not known about the flights'], ['disclosed', 'it had sold the tug unit'],
      ['maintained', 'the quay was safe'], ['asked', 'whether the ferries would run'],
    ]);
    expect(r.speakers.map((s) => s.name)).not.toContain('Delta Corp');
  });
});

describe('unpaired straight marks', () => {
  it('does not pair a closing mark whose opener is missing with the next quotation\'s opener', () => {
    const r = run(T, ['Ana Ruiz said the plan is dead." Later she said: "We will fight on," and left.']);
    expect(body(r).map((q) => [q.kind, q.text])).toEqual([['indirect', 'the plan is dead'], ['direct', 'We will fight on,']]);
  });
});
