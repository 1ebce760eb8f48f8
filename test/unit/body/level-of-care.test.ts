import { findLevelOfCare } from '../../../src/domain/body/level-of-care';

describe('findLevelOfCare', () => {
  it.each([
    ['Level of care: PHP', 'php'],
    ['Level of Care Requested: Detox to RTC. Thank you!', 'detox'],
    ['LOC - IOP', 'iop'],
    ['LOC: OP', 'outpatient'],
    ['Program: Residential', 'residential'],
    ['Type of care: partial hospitalization', 'php'],
    ['Level of care: ASAM 3.7-WM', 'detox'],
    ['Level of care: ASAM 3.5', 'residential'],
    ['Level of care: 2.1', 'iop'],
    ['VOB request for PHP:', 'php'],
    ['VOB please - PHP admit Monday.', 'php'],
    ['Referring the patient below for residential. Insurance info:', 'residential'],
    ['Please verify SUD IOP/PHP benefits', 'iop'],
    ['We are an intensive outpatient program', 'iop'],
    ['Requesting a VOB for outpatient counseling.', 'outpatient'],
    ["He's in detox right now, we'll get his address at admission.", 'detox'],
    ['Client needs medically managed withdrawal', 'detox'],
  ])('%s → %s', (body, level) => {
    expect(findLevelOfCare(`Hi,\n\n${body}\n\nClient: Test Person\nDOB: 01/02/1990\n`)).toBe(level);
  });

  it.each([
    'Referred by: Oak Ridge Detox',
    'Refered by   Northstar IOP',
    'Referring Treatment Center: Saguaro IOP',
    'Facility: Cascade Detox',
    'Nicole Adams\nBrightside PHP | Intake',
    'Thanks,\nNew Dawn Detox',
    'Thanks,\nBridgeway Outpatient',
    'Riverside Detox Center called us',
    'Harborview Detox Admissions',
    'Our OP hours are 9 to 5',
    'Program: Safe Harbor Adolescent Program',
    '> Level of care: PHP (quoted from an older message)',
  ])('no level in: %s', (body) => {
    expect(findLevelOfCare(`Client: Test Person\n${body}\n`)).toBeNull();
  });

  it('prefers a labelled line to a level named in prose', () => {
    expect(findLevelOfCare('Checking benefits for outpatient first.\nLevel of care: Residential\n')).toBe('residential');
  });
});
