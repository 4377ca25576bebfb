// The coach reads English: a note in another language is "not scored" rather than given a number,
// and English in every style reps write (shorthand, non-native, one word) is still scored.
import { assessNote, type ScoringInput } from '.';

const note = (summary: string, more: Partial<ScoringInput> = {}): ScoringInput => ({
  summary,
  prompts: [],
  ...more,
});

describe('assessNote', () => {
  it.each([
    [
      'Spanish',
      'Reunión con la directora financiera. Le planteamos que los nuevos aranceles van a reducir su margen y no lo habían considerado; ella quiere revisar los proveedores antes de marzo.',
    ],
    [
      'French',
      'Rendez-vous avec le DAF. Nous avons soulevé le risque des nouvelles règles de reporting pour leurs fournisseurs; il pense que le sujet est pour la direction des achats.',
    ],
    [
      'German',
      'Termin mit der Finanzchefin. Wir haben das Risiko der neuen Zölle für ihre Marge angesprochen, das war ihr neu und sie will die Lieferanten bis März prüfen.',
    ],
    [
      'Portuguese',
      'Reunião com o diretor financeiro. Levantamos o risco das novas tarifas para a margem e ele não tinha pensado nisso; quer rever os fornecedores até março com a equipe.',
    ],
    [
      'Japanese',
      '財務責任者と打ち合わせ。新しい関税が利益率に与える影響を提起したところ、初めて聞く話だったとのこと。三月までに仕入先を見直したいそうです。',
    ],
  ])('answers "not scored" for a note in %s, with no numbers', (_language, summary) => {
    const result = assessNote(note(summary, { nextStep: 'Workshop am 8. Dezember' }));
    expect(result).toMatchObject({
      status: 'not_scored',
      reason: 'not_english',
      overall: null,
      dimensions: null,
    });
    expect(result.status === 'not_scored' && result.message).toMatch(/reads English/);
  });

  it.each([
    [
      'shorthand',
      'Mtg w/ CFO; she flagged denial creep, IT & RC disagree re ownership. Next: call w/ Tom 10/14.',
    ],
    [
      'non-native',
      'We was meeting the director, she tell us the plant have too many stop because of old machine, she want fix before summer.',
    ],
    ['a one-word draft', 'Demo'],
    ['a short draft', 'Status call'],
  ])('scores English written as %s', (_style, summary) => {
    expect(assessNote(note(summary)).status).toBe('scored');
  });
});
