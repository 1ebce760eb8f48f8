/** Text bent by gateways and clients, read as its writer typed it (wording of our own, not the set's). */
import { repairTransitDamage } from '../../../src/domain/mime/transit-repair';

describe('repairTransitDamage', () => {
  it('decodes UTF-8 read as Latin-1 or Windows-1252, and leaves one look-alike pair alone', () => {
    expect(repairTransitDamage('Client: InÃ©s MuÃ±oz\nNote: sheâ€™s at Casa PeÃ±a â€“ bed 4')).toBe('Client: Inés Muñoz\nNote: she’s at Casa Peña – bed 4');
    expect(repairTransitDamage('Name:Â\u00a0Ruth Oyelaran\nCity:Â\u00a0Akron')).toBe('Name:\u00a0Ruth Oyelaran\nCity:\u00a0Akron');
    expect(repairTransitDamage('Ã© is how the old system shows it')).toBe('Ã© is how the old system shows it');
  });

  it('decodes quoted-printable a relay left visible, soft breaks included, and leaves a lone "=20" alone', () => {
    expect(repairTransitDamage('Member ID=3D W4410 2290 1=\n7\nPayer: Priority Hea=\nlth\nShe=E2=80=99s on her mom=E2=80=99s plan')).toBe('Member ID= W4410 2290 17\nPayer: Priority Health\nShe’s on her mom’s plan');
    expect(repairTransitDamage('see https://portal.test/a?x=20 for the form')).toBe('see https://portal.test/a?x=20 for the form');
  });

  it('narrows full-width letters, digits and punctuation', () => {
    expect(repairTransitDamage('ＤＯＢ：０８／１４／１９８５\u3000ＩＤ：ＲＧＳ９９１２')).toBe('DOB:08/14/1985 ID:RGS9912');
  });
});
