// Provocations as the rubric reads them: junk prompts and planned-but-not-raised ones earn nothing,
// a short specific prompt that redirected the talk is at the top.
import { scoreNote, type ScoringInput } from '.';

const provocation = (input: ScoringInput) => scoreNote(input).dimensions.provocation;

describe('provocation', () => {
  it('gives nothing for one-word prompts marked new to them', () => {
    const prompts = ['AI', 'cloud'].map((text) => ({
      fromLibrary: false,
      text,
      reaction: 'new_to_them' as const,
    }));
    expect(provocation({ summary: 'Quarterly check-in on open orders.', prompts })).toBe(0);
  });

  it('gives nothing for a provocation that was only planned, whatever reaction was ticked', () => {
    const prompts = [
      {
        fromLibrary: false,
        text: 'Fixed-wireless churn risk in rural areas',
        reaction: 'new_to_them' as const,
      },
    ];
    const planned =
      "Wanted to raise fixed-wireless churn risk but didn't get there; Stan spent the time on the campaign calendar.";
    expect(provocation({ summary: planned, prompts })).toBe(0);
    expect(
      provocation({ summary: 'Raised fixed-wireless churn risk; new to Stan.', prompts }),
    ).toBeGreaterThanOrEqual(90);
  });

  it('tops a short specific prompt that redirected the talk to what really worries them', () => {
    const prompts = [
      {
        fromLibrary: false,
        text: 'Surge capacity for cat-event FNOL spikes',
        reaction: 'redirected' as const,
      },
    ];
    const summary = 'Raised surge capacity; she pivoted: her real worry is subrogation leakage.';
    expect(provocation({ summary, prompts })).toBeGreaterThanOrEqual(90);
  });

  it('keeps a generic question below a specific issue', () => {
    const ask = (text: string) =>
      provocation({ summary: 'Call with the CFO.', prompts: [{ fromLibrary: false, text }] });
    expect(ask('Problems for next year?')).toBeLessThan(
      ask('Payer prior-auth rule changes in 2027 will raise denials'),
    );
  });
});

describe('provocation in dictated and terse notes', () => {
  it('counts topics named in a word or two as a generic raise, below a specific issue', () => {
    const generic = provocation({ summary: 'Raised AI, cloud, security. All new to them.', prompts: [] });
    expect(generic).toBeGreaterThanOrEqual(35);
    expect(generic).toBeLessThan(70);
  });

  it('does not take the customer’s own plan to raise something for our unraised provocation', () => {
    const summary =
      'met darren the underwriting lead i raised that embedded insurance with payroll platforms could take the micro segment within a couple years he hadnt thought about that at all he wants to bring it to his CUO himself';
    const prompts = [
      {
        fromLibrary: false,
        text: 'Embedded insurance via payroll platforms could take the micro segment',
        reaction: 'new_to_them' as const,
      },
    ];
    expect(provocation({ summary, prompts })).toBeGreaterThanOrEqual(90);
  });

  it('does not take a contract walk-through for an issue', () => {
    const summary =
      'Walked through the redlines: they want the liability cap raised from 12 to 24 months of fees.';
    expect(provocation({ summary, prompts: [] })).toBe(0);
  });
});
