/**
 * fixtures/blind-messages*: thirty-one sets (30, 30, 30, 25, 40, 40, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30, 30 and 30 messages) written from the contract alone
 * by sessions that never saw the code (see their READMEs); -cards and -threads attach card images
 * of fixtures/cards-blind. Each goes through the whole pipeline (card OCR included) and must give
 * the expected part of the document: requests (client, insurance, subscriber, referral,
 * card.attached, missing fields) and the reply decision. First runs, before the fixes they
 * prompted: 86.0%, 77.1%, 93.7%, 89.0%, 96.3%, 95.2%, 95.3%, 63.6%, 53.7%, 79.4%, 84.6%, 79.7%, 90.6%, 87.3%, 81.8%, 62.6%, 73.3%, 80.4%, 80.8%, 70.0%, 48.5%, 71.9%, 62.1%, 54.3%, 74.5%, 44.8%, 73.5%, 62.9%, 74.8%, 73.3% and 28.2% of fields (each of the last twenty-two written after the rules for the ones before it; -rural after the rules for -senders and -intermediaries, -hospital after those for -rural, -mobile and -international after those for -hospital, -tools after the first rules for those two, -payers and -decisions after those for -tools, -faxes and -followups after the first rules for those two, -admissions, -tables and -ordinary after the rules for those two, -told, -templates and -holidays after the rules for those three, -families, -names and -shorthand after the rules for those three).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VobDocument, VobRequest } from '../../../schemas/vob-record';
import { createCardReader } from '../../../src/adapters/ocr/card-reader';
import { extractMessage } from '../../../src/pipeline/extract-message';

const SETS = [
  'blind-messages', 'blind-messages-cards', 'blind-messages-everyday', 'blind-messages-threads', 'blind-messages-month',
  'blind-messages-month-2', 'blind-messages-month-3', 'blind-messages-exports', 'blind-messages-loose', 'blind-messages-referrals', 'blind-messages-week',
  'blind-messages-senders', 'blind-messages-intermediaries', 'blind-messages-rural', 'blind-messages-hospital',
  'blind-messages-mobile', 'blind-messages-international', 'blind-messages-tools', 'blind-messages-payers', 'blind-messages-decisions',
  'blind-messages-faxes', 'blind-messages-followups', 'blind-messages-admissions', 'blind-messages-tables', 'blind-messages-ordinary',
  'blind-messages-told', 'blind-messages-templates', 'blind-messages-holidays',
  'blind-messages-families', 'blind-messages-names', 'blind-messages-shorthand',
];
const cases = SETS.flatMap((set) => {
  const dir = join(__dirname, '../../../fixtures', set);
  return readdirSync(dir).filter((f) => f.endsWith('.eml')).sort().map((f) => join(set, f));
});

/** Cases the pipeline gets wrong, and why (kept as it.failing). */
const KNOWN_GAPS: Record<string, string> = {
  // Cases whose expected values other blind authors judged differently, or a card dictionary name:
  'blind-messages-threads/15-couple-first-second-client.eml': "'Tina is Robert's wife and is covered under his plan': the subscriber named by first name in another client's block",
  'blind-messages-week/13-read-receipt.eml': "a multipart/report read receipt: 'auto-submitted' (RFC 3834/8098), as blind-messages-exports/25 and -rural/30 expect; its author chose 'not-a-request'",
  'blind-messages-hospital/01-portal-secure-message-notice.eml': "a no-reply sender that also carries List-Unsubscribe: 'auto-submitted' here (the sender is checked first); its author chose 'bulk-or-list'; no reply either way",
  // The sets in styles none of the others has, kept as scored on their first run plus the general rules since: field by field still wrong.
  'blind-messages-names/08-quoted-nickname-inside-name-dads-plan-name-unknown.eml': "judged: the contract keeps a name as written, so 'Alexandra \"Lexi\" Moreno' keeps its nickname (fixtures/body-html-table-kv does too); and not yet read: the plan's phone after 'BCBSTX behavioral health # (from the back of her card):', so the reply is held",
  'blind-messages-admissions/01-recoverytrak-prescreen-printout.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-admissions/02-admitlink-html-only-oscar-phone-only-on-termed-medicaid.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].insurance.phone, [0].subscriber.name, [0].missingFields, reply not sent',
  'blind-messages-admissions/03-bed-board-census-no-vob-needed.eml': 'first run, not yet read right: request count',
  'blind-messages-admissions/04-word-biopsychosocial-narrative-mother-cigna.eml': 'first run, not yet read right: [0].client.dob, [0].client.address, [0].insurance.memberId, [0].missingFields',
  'blind-messages-admissions/07-eap-referral-table-umr-card-address-withheld.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-admissions/09-ur-concurrent-review-coverage-change-aetna-card.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName',
  'blind-messages-admissions/11-adolescent-parent-interview-father-unnamed.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-admissions/13-tab-aligned-prescreen-ambetter-id-unknown-prior-medicaid-id.eml': 'first run, not yet read right: [0].insurance.phone, [0].missingFields, reply not sent',
  'blind-messages-admissions/15-two-emr-prescreens-second-medicaid-id-pending.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].missingFields, [1].client.name, [1].insurance.payerName, [1].subscriber.name, [1].missingFields, reply not sent',
  'blind-messages-admissions/16-lumen-html-only-definition-list-dual-diagnosis.eml': 'first run, not yet read right: request count, [0].referredBy',
  'blind-messages-admissions/17-asam-worksheet-grid-age-only-no-dob.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-admissions/19-sbar-night-nurse-handoff-dads-plan.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].insurance.payerName, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-admissions/20-website-prescreen-forward-html-only-no-referring-facility.eml': 'first run, not yet read right: [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-admissions/21-older-adult-medicare-advantage-poa-guarantor-mbi.eml': 'first run, not yet read right: request count, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.phone, [0].referredBy, [0].missingFields',
  'blind-messages-admissions/23-ccda-transition-record-forward-relationship-blank.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].missingFields, reply not sent',
  'blind-messages-admissions/24-form-notification-sober-living-application-no-ins-phone.eml': 'first run, not yet read right: request count, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-admissions/25-crm-lead-timeline-newest-first-id-corrected.eml': 'first run, not yet read right: [0].client.name, [0].insurance.phone, [0].missingFields',
  'blind-messages-admissions/26-self-pay-prescreen-fyi-old-plan-termed.eml': 'first run, not yet read right: request count',
  'blind-messages-admissions/27-financial-screen-new-employer-carrier-unknown-prior-medicaid.eml': 'first run, not yet read right: [0].insurance.payerName, [0].insurance.phone, [0].missingFields, reply not sent',
  'blind-messages-admissions/28-marchman-act-petition-mother-petitioner-and-subscriber.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-admissions/30-nested-bullets-dv-shelter-address-confidential.eml': 'first run, not yet read right: [0].insurance.payerName',
  'blind-messages-decisions/08-facility-address-but-no-client-address.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-decisions/10-newest-text-withdraws-the-address.eml': 'first run, not yet read right: [0].client.address, [0].insurance.payerName, [0].missingFields, reply not sent',
  'blind-messages-decisions/16-client-name-withheld-pending-part2-consent.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-decisions/18-website-live-chat-transcript.eml': 'first run, not yet read right: [0].client.address, [0].insurance.payerName, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-decisions/22-mother-points-to-address-in-her-signature.eml': 'first run, not yet read right: [0].referredBy, [0].missingFields',
  'blind-messages-decisions/24-referred-to-php-is-not-a-referral-source.eml': 'first run, not yet read right: [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-decisions/25-bcbsaz-card-said-to-carry-dob-and-address.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name, [0].missingFields, reply not sent',
  'blind-messages-decisions/26-homeless-client-with-a-real-mailing-address.eml': 'first run, not yet read right: [0].client.address, [0].missingFields',
  'blind-messages-decisions/27-ins-phone-same-as-last-weeks-client-precert-fax.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName, [0].insurance.memberId, [0].missingFields, reply not sent',
  'blind-messages-decisions/28-mother-and-daughter-one-complete-one-not.eml': 'first run, not yet read right: [0].insurance.phone, [0].missingFields, [1].client.address, [1].insurance.payerName, [1].insurance.memberId, [1].insurance.groupNumber, [1].insurance.phone, [1].subscriber.name, [1].missingFields, reply not sent',
  'blind-messages-everyday/10-call-center-notes.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-exports/10-fixed-width-fax-homeless.eml': 'first run, not yet read right: request count, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-families/01-mother-long-worried-paragraphs-id-on-eob-not-guessed.eml': 'first run, not yet read right: [0].insurance.groupNumber, reply not sent',
  'blind-messages-families/02-dad-three-lines-from-iphone-cigna-card.eml': 'first run, not yet read right: [0].client.dob, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-families/03-both-parents-plans-writer-names-moms-primary-no-phone.eml': 'first run, not yet read right: request count, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-families/05-custodial-dad-sends-noncustodial-moms-aetna-card.eml': 'first run, not yet read right: [0].client.address, [0].missingFields',
  'blind-messages-families/07-grandfather-guardian-child-on-her-own-chip-medicare-decoy.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-families/09-caseworker-placement-moved-priority-health-card.eml': 'first run, not yet read right: [0].client.address',
  'blind-messages-families/10-college-senior-23-writes-herself-on-dads-plan.eml': 'first run, not yet read right: [0].client.name',
  'blind-messages-families/11-aged-off-at-26-now-on-husbands-plan-no-referral.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].missingFields, reply not sent',
  'blind-messages-families/12-school-counselor-html-table-carrier-unknown.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-families/14-pediatrician-ehr-referral-order-guarantor-not-subscriber.eml': 'first run, not yet read right: [0].subscriber.name',
  'blind-messages-families/15-juvenile-probation-officer-release-address-pending.eml': 'first run, not yet read right: [0].client.name, reply not sent',
  'blind-messages-families/16-nickname-bex-legal-hyphenated-name-nobody-referred.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-families/19-father-is-subscriber-child-lives-with-her-mother.eml': 'first run, not yet read right: request count, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-families/20-half-brothers-on-two-different-plans.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].referredBy, [0].missingFields, [1].client.name, [1].referredBy, [1].missingFields, reply not sent',
  'blind-messages-families/21-father-forwards-admissions-checklist-back-mom-unnamed.eml': 'first run, not yet read right: request count, [0].insurance.payerName, [0].insurance.phone, [0].missingFields, reply not sent',
  'blind-messages-families/24-ex-husband-replies-all-girls-on-his-plan-since-january.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-families/28-sixteen-year-old-writes-from-school-account.eml': 'first run, not yet read right: request count, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-faxes/03-faxserver-two-columns-side-by-side.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-faxes/04-xerox-labels-then-values-mother.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-faxes/05-sharp-scan-sheet-uhc-card-pages.eml': 'first run, not yet read right: [0].referredBy, [0].missingFields',
  'blind-messages-faxes/06-rightfax-social-work-letter-prose.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].insurance.phone, [0].missingFields',
  'blind-messages-faxes/07-comb-box-form-bracket-digits.eml': 'first run, not yet read right: [0].client.dob, [0].client.address, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].missingFields',
  'blind-messages-faxes/08-fax2mail-pages-reversed-father.eml': 'first run, not yet read right: [0].client.address, [0].insurance.payerName, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-faxes/09-cloudfax-inline-ocr-part-printed-email.eml': 'first run, not yet read right: [0].insurance.payerName',
  'blind-messages-faxes/12-brother-ehr-printout-address-across-page-break.eml': 'first run, not yet read right: [0].client.dob, [0].client.address, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-faxes/13-gateway-member-id-smudged.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-faxes/14-cover-sheet-center-referral-blank.eml': 'first run, not yet read right: [0].subscriber.relationship, reply not sent',
  'blind-messages-faxes/15-canon-typed-letter-age-no-dob.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-faxes/24-scan-sticky-note-phone-relationship-blank.eml': 'first run, not yet read right: [0].client.address, [0].insurance.phone, [0].missingFields, reply not sent',
  'blind-messages-faxes/27-gateway-eob-forwarded-for-records.eml': 'first run, not yet read right: request count',
  'blind-messages-faxes/28-faxserver-payer-denial-letter.eml': 'first run, not yet read right: request count',
  'blind-messages-faxes/29-gateway-misdirected-medical-records.eml': 'first run, not yet read right: request count',
  'blind-messages-followups/03-third-mail-which-one-is-right-no-new-data.eml': 'first run, not yet read right: request count',
  'blind-messages-followups/04-inline-red-answers-under-our-list-no-original.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].card.attached, [0].missingFields, reply not sent',
  'blind-messages-followups/06-fresh-resend-with-the-one-missing-field.eml': 'first run, not yet read right: [0].insurance.payerName, [0].referredBy, [0].missingFields',
  'blind-messages-followups/07-any-update-nudge-that-adds-the-phone.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].card.attached, [0].missingFields',
  'blind-messages-followups/08-new-client-plus-status-question-on-another.eml': 'first run, not yet read right: request count, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].missingFields, reply not sent',
  'blind-messages-followups/16-disregard-wrong-client-right-one-on-top.eml': 'first run, not yet read right: [0].insurance.groupNumber',
  'blind-messages-followups/18-answer-sent-through-the-centers-google-group.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].card.attached, [0].missingFields',
  'blind-messages-followups/19-strikethrough-corrections-html-only.eml': 'first run, not yet read right: [0].client.dob, [0].insurance.memberId',
  'blind-messages-followups/20-forwards-own-original-with-ibx-card.eml': 'first run, not yet read right: [0].insurance.memberId',
  'blind-messages-followups/22-nudge-answers-one-of-two-asked-fields.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].card.attached, [0].missingFields, reply not sent',
  'blind-messages-followups/24-center-internal-chatter-with-box-in-cc.eml': 'first run, not yet read right: request count',
  'blind-messages-followups/25-center-forwards-payer-eligibility-response.eml': 'first run, not yet read right: [0].insurance.payerName',
  'blind-messages-holidays/02-iphone-one-liner-mom-unnamed.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-holidays/03-next-year-plan-new-member-id-old-id-ends-1231.eml': 'first run, not yet read right: [0].insurance.phone, [0].missingFields',
  'blind-messages-holidays/04-client-writes-herself-address-only-in-signature.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-holidays/05-medicare-primary-supplement-listed-first.eml': 'first run, not yet read right: [0].insurance.payerName, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-holidays/08-medicaid-listed-first-primary-only-on-card-bcbsaz.eml': 'first run, not yet read right: [0].insurance.payerName, [0].insurance.memberId, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship',
  'blind-messages-holidays/11-fill-in-coordinator-slash-line-no-payer-phone.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-holidays/13-fill-in-answers-phone-rest-only-in-quoted-thread.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-holidays/15-typed-out-of-office-heads-up-no-auto-header.eml': 'first run, not yet read right: request count',
  'blind-messages-holidays/18-christmas-eve-discharge-policy-holder-no-relationship.eml': 'first run, not yet read right: [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-holidays/19-personal-address-first-name-only-no-center.eml': 'first run, not yet read right: [0].insurance.phone, [0].missingFields, reply not sent',
  'blind-messages-holidays/20-merry-christmas-reply-quoting-our-request-for-info.eml': 'first run, not yet read right: request count',
  'blind-messages-holidays/21-christmas-day-android-half-the-fields.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-holidays/22-current-plan-ends-1231-nothing-lined-up-for-january.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName, [0].subscriber.name, [0].missingFields',
  'blind-messages-holidays/23-year-end-list-of-pending-clients-status-only.eml': 'first run, not yet read right: request count',
  'blind-messages-holidays/25-son-from-iphone-new-wellcare-plan-starts-1-1-card-no-address.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-holidays/26-formal-fill-in-letter-umr-primary-no-phone-medicaid-secondary-has-one.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-holidays/27-question-will-december-vobs-show-2027-benefits.eml': 'first run, not yet read right: request count',
  'blind-messages-holidays/29-ahcccs-plan-changes-1-1-two-column-table.eml': 'first run, not yet read right: [0].insurance.payerName, [0].insurance.memberId, [0].insurance.phone, [0].missingFields',
  'blind-messages-holidays/30-last-day-of-year-answers-on-top-of-nested-iphone-thread.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-hospital/06-two-column-adult-child-premera-card.eml': 'first run, not yet read right: [0].client.address',
  'blind-messages-hospital/07-same-sex-spouse-accents-qp.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-hospital/10-ehr-medicaid-mco-homeless.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name',
  'blind-messages-hospital/20-html-only-table-no-dob.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-hospital/23-humana-pdf-card-no-referrer.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-hospital/26-aetna-front-only-no-phone.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name',
  'blind-messages-hospital/29-ehr-subscriber-no-relationship.eml': 'first run, not yet read right: [0].client.name',
  'blind-messages-intermediaries/01-fax-gateway-humana-pdf.eml': 'first run, not yet read right: [0].insurance.memberId',
  'blind-messages-intermediaries/06-sms-thread-export.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-intermediaries/27-prose-card-carries-insurance-premera.eml': 'first run, not yet read right: [0].client.address, [0].missingFields',
  'blind-messages-international/02-spanish-promotora-molina-card-no-address.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-international/03-vietnamese-family-name-first-dayfirst.eml': 'first run, not yet read right: [0].referredBy, [0].missingFields',
  'blind-messages-international/05-haitian-creole-bilingual-mother-name-pending.eml': 'first run, not yet read right: [0].subscriber.name, [0].missingFields, reply not sent',
  'blind-messages-international/08-japanese-employer-hr-ymd-umr-card-no-referral.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-international/14-refugee-caseworker-jan1-dob-pmi-number.eml': 'first run, not yet read right: [0].insurance.phone, [0].missingFields',
  'blind-messages-international/16-overseas-military-apo-address-dtg-date.eml': 'first run, not yet read right: [0].insurance.memberId, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-international/21-brazilian-father-titular-in-words-no-referral.eml': 'first run, not yet read right: request count, [0].client.dob, [0].insurance.payerName, [0].insurance.memberId, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-loose/05-spanish-mother-card.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-loose/18-voicemail-transcription.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-loose/22-sms-thread-homeless.eml': 'first run, not yet read right: [0].insurance.phone, [0].missingFields, reply not sent',
  'blind-messages-loose/23-bilingual-sister-no-ins-phone.eml': 'first run, not yet read right: [0].insurance.memberId, reply not sent',
  'blind-messages-loose/27-two-brothers-one-message.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.address, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, [1].client.name, [1].client.dob, [1].client.address, [1].insurance.payerName, [1].insurance.memberId, [1].insurance.groupNumber, [1].insurance.phone, [1].subscriber.name, [1].subscriber.relationship, [1].referredBy, [1].card.attached, [1].missingFields, reply not sent',
  'blind-messages-loose/29-forwarded-client-email.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-loose/30-reply-supplies-missing-and-corrects.eml': 'first run, not yet read right: [0].insurance.memberId, [0].referredBy, [0].missingFields',
  'blind-messages-mobile/01-gvoice-voicemail-fwd-spoken-digits.eml': 'first run, not yet read right: [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-mobile/04-two-bursts-dob-corrected-ext.eml': 'first run, not yet read right: [0].insurance.payerName, [0].insurance.memberId, [0].subscriber.name, [0].referredBy, [0].missingFields',
  'blind-messages-mobile/05-whatsapp-export-id-corrected-in-chat.eml': 'first run, not yet read right: [0].insurance.payerName, [0].insurance.memberId, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-mobile/06-all-lowercase-dob-not-given.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name, [0].missingFields, reply not sent',
  'blind-messages-mobile/08-exchange-voicemail-inaudible-id-audio-attachment.eml': 'first run, not yet read right: [0].client.dob, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-mobile/09-iphone-inline-aetna-card-oneline-address.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].client.address, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-mobile/10-sms-copy-cigna-card-no-address.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].insurance.payerName, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-mobile/11-wife-uhc-front-only-no-phone.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-mobile/12-siri-self-correction-umr-back-only.eml': 'first run, not yet read right: [0].client.dob',
  'blind-messages-mobile/15-second-burst-adds-priority-card-and-address.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-mobile/16-lowercase-molina-front-dob-unknown.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name, [0].missingFields, reply not sent',
  'blind-messages-mobile/17-visual-voicemail-paste-phonetic-id.eml': 'first run, not yet read right: [0].client.address, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-mobile/18-gvoice-text-fwd-wifes-plan-unnamed.eml': 'first run, not yet read right: [0].client.name, [0].insurance.memberId, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-mobile/21-second-burst-replaces-insurance.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship',
  'blind-messages-mobile/22-texting-abbreviations-two-digit-00.eml': 'first run, not yet read right: [0].insurance.payerName, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-mobile/23-ringcentral-voicemail-words-relationship-unknown.eml': 'first run, not yet read right: [0].client.name, [0].insurance.phone, [0].subscriber.name, [0].missingFields, reply not sent',
  'blind-messages-mobile/27-voicemail-fwd-billing-question.eml': 'first run, not yet read right: request count',
  'blind-messages-names/02-sbar-account-claim-auth-case-npi-fax-around-member-id.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name',
  'blind-messages-names/04-five-phones-cell-center-fax-pcp-provider-line-plan-bh.eml': 'first run, not yet read right: [0].insurance.phone',
  'blind-messages-names/06-two-unrelated-johnsons-caps-surnames-second-no-dob.eml': 'first run, not yet read right: [1].insurance.payerName, [1].insurance.phone, [1].missingFields, reply not sent',
  'blind-messages-names/07-emr-last-first-iii-son-jr-father-ids-01-vs-00.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name',
  'blind-messages-names/09-goes-by-jay-legal-name-on-insurance-no-center-yet.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-names/11-accent-apostrophe-hyphen-name-wife-subscriber-address-later.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-names/12-latin1-dangelo-son-jose-father-bilingual-labels.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].card.attached, [0].missingFields',
  'blind-messages-names/14-initials-only-client-and-wife-no-address-no-phone.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-names/15-reply-correction-first-and-last-name-swapped.eml': 'first run, not yet read right: [0].subscriber.name',
  'blind-messages-names/17-the-right-kevin-m-tran-subscriber-unknown.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-names/18-son-jr-writes-for-father-sr-uhc-card-self.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].client.address, [0].subscriber.name, [0].referredBy, [0].missingFields',
  'blind-messages-names/21-wife-writes-from-husbands-account-id-and-phone-with-him.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-names/24-daughter-in-law-same-name-writes-humana-pdf-card.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-names/25-patient-guarantor-insured-three-columns-stepfather-vs-father.eml': 'first run, not yet read right: request count, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-names/27-results-were-for-the-wrong-maria-garcia-rerun.eml': 'first run, not yet read right: request count, [0].client.dob, [0].client.address, [0].insurance.memberId, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-names/28-tricare-sponsor-rank-last-first-dbn-vs-dod-id.eml': 'first run, not yet read right: request count, [0].client.name, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-names/29-english-name-in-parentheses-student-plan-carrier-unknown.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-ordinary/08-sober-living-two-residents-second-id-lost.eml': 'first run, not yet read right: [1].client.address, [1].insurance.phone, [1].subscriber.name, [1].subscriber.relationship, [1].missingFields, reply not sent',
  'blind-messages-ordinary/09-domestic-partner-employer-plan-umr-card.eml': 'first run, not yet read right: [0].insurance.payerName, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-ordinary/11-psychiatry-office-manager-dob-corrected-later-in-same-mail.eml': 'first run, not yet read right: [0].client.dob, [0].referredBy',
  'blind-messages-ordinary/15-discharge-nurse-sbar-stepfather-premera-card.eml': 'first run, not yet read right: [0].client.name',
  'blind-messages-ordinary/19-detox-night-nurse-address-same-as-subscriber.eml': 'first run, not yet read right: [0].client.address, [0].insurance.memberId, [0].subscriber.name, [0].missingFields',
  'blind-messages-ordinary/23-answering-service-message-caller-is-policy-holder.eml': 'first run, not yet read right: [0].client.name, [0].insurance.memberId, [0].subscriber.name, [0].missingFields',
  'blind-messages-ordinary/24-daughter-poa-medicare-advantage-humana-card-no-program-yet.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-ordinary/27-mobile-crisis-owa-html-only-dob-refused.eml': 'first run, not yet read right: [0].client.address, [0].insurance.memberId, [0].missingFields, reply not sent',
  'blind-messages-ordinary/28-attorney-father-lettered-particulars-no-address-no-program.eml': 'first run, not yet read right: [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-payers/01-cms1500-box-labels-wellmark-prefix-apart.eml': 'first run, not yet read right: [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].missingFields',
  'blind-messages-payers/02-pm-abbrev-outlook-table-meritain-stepchild.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].client.address, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-payers/03-name-of-insured-teamsters-fund-suffix-weekday-dob.eml': 'first run, not yet read right: [0].insurance.phone, [0].missingFields',
  'blind-messages-payers/04-umr-card-tpa-b-prefix-dob-space-number.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-payers/05-medicare-advantage-wellcare-card-beneficiary-two-digit-year.eml': 'first run, not yet read right: [0].client.address, [0].insurance.payerName',
  'blind-messages-payers/07-medicaid-mco-healthy-blue-ordinal-words-voice-prompts.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name, [0].missingFields',
  'blind-messages-payers/09-carve-out-magellan-bh-line-domestic-partner.eml': 'first run, not yet read right: [0].insurance.phone',
  'blind-messages-payers/12-molina-medicaid-card-po-box-rural-directions.eml': 'first run, not yet read right: [0].client.address',
  'blind-messages-payers/13-county-indigent-program-care-of-po-box-no-subscriber.eml': 'first run, not yet read right: [0].client.address, [0].insurance.memberId, [0].missingFields, reply not sent',
  'blind-messages-payers/17-ibx-card-bh-carve-out-line-referral-blank.eml': 'first run, not yet read right: [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-payers/18-priority-medicaid-card-program-name-no-dob.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-payers/21-arkansas-blue-prefix-apart-facesheet-not-attached.eml': 'first run, not yet read right: [0].insurance.memberId',
  'blind-messages-payers/25-medicaid-mco-provider-bulletin-list.eml': 'first run, not yet read right: request count',
  'blind-messages-payers/27-hold-coverage-termed-county-application-pending.eml': 'first run, not yet read right: request count',
  'blind-messages-payers/29-phishing-mailbox-quota-notice.eml': 'first run, not yet read right: request count',
  'blind-messages-referrals/01-hospital-sw-epic-paste.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-referrals/07-sober-living-apple-health-no-id.eml': 'first run, not yet read right: [0].insurance.phone, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-referrals/10-mother-long-prose.eml': 'first run, not yet read right: [0].insurance.memberId, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-referrals/17-tricare-values-first.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].card.attached, [0].missingFields',
  'blind-messages-referrals/30-medicare-advantage-iphone.eml': 'first run, not yet read right: [0].client.address, [0].missingFields',
  'blind-messages-rural/01-dictated-run-on.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-rural/09-subscriber-in-sentence-highmark-card.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-rural/20-base64-body-insurance-unknown.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-rural/22-dictated-husbands-plan-no-name.eml': 'first run, not yet read right: [0].client.address, [0].insurance.payerName, [0].insurance.phone, [0].subscriber.relationship, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-rural/23-html-table-priority-back-only.eml': 'first run, not yet read right: [0].insurance.payerName',
  'blind-messages-senders/02-er-social-worker-forwarded-discharge-summary.eml': 'first run, not yet read right: [0].subscriber.name, reply not sent',
  'blind-messages-senders/03-county-case-manager-markdown-two-clients.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, [1].subscriber.name, [1].subscriber.relationship, [1].missingFields',
  'blind-messages-senders/05-eap-counselor-double-chevron.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-senders/07-billing-company-fixed-width-aetna-card.eml': 'first run, not yet read right: [0].client.address',
  'blind-messages-senders/09-private-therapist-indented-values.eml': 'first run, not yet read right: [0].client.address, [0].referredBy, [0].missingFields',
  'blind-messages-senders/18-sober-living-molina-card-dob-unknown.eml': 'first run, not yet read right: [0].client.address',
  'blind-messages-shorthand/03-ur-nurse-clinical-lines-highmark-card.eml': 'first run, not yet read right: [0].insurance.payerName',
  'blind-messages-shorthand/08-numbered-followup-restates-3-and-5.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].card.attached, [0].missingFields, [1].client.name, [1].client.dob, [1].client.address, [1].insurance.payerName, [1].insurance.memberId, [1].insurance.groupNumber, [1].insurance.phone, [1].subscriber.name, [1].subscriber.relationship, [1].referredBy, [1].card.attached, [1].missingFields',
  'blind-messages-shorthand/13-ditto-marks-per-field-siblings-no-referral-on-3.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].missingFields, [1].client.name, [1].client.dob, [1].client.address, [1].insurance.payerName, [1].insurance.memberId, [1].insurance.groupNumber, [1].insurance.phone, [1].subscriber.name, [1].subscriber.relationship, [1].referredBy, [1].card.attached, [1].missingFields, [2].client.name, [2].client.dob, [2].client.address, [2].insurance.payerName, [2].insurance.memberId, [2].insurance.groupNumber, [2].insurance.phone, [2].subscriber.name, [2].subscriber.relationship, [2].referredBy, [2].card.attached, [2].missingFields, reply not sent',
  'blind-messages-shorthand/15-ur-nurse-humana-pdf-card-address-pending.eml': 'first run, not yet read right: [0].insurance.payerName',
  'blind-messages-shorthand/16-shorthand-nfa-address-subscriber-dob-decoy.eml': 'first run, not yet read right: request count, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-shorthand/18-termd-eff-question-about-line-2.eml': 'first run, not yet read right: request count',
  'blind-messages-shorthand/19-slash-line-umr-card-dob-pending.eml': 'first run, not yet read right: [0].client.address, [0].missingFields, reply not sent',
  'blind-messages-shorthand/24-stacked-unlabeled-values-payer-and-ref-in-subject.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields, [1].client.name, [1].client.dob, [1].client.address, [1].insurance.payerName, [1].insurance.memberId, [1].insurance.groupNumber, [1].insurance.phone, [1].subscriber.name, [1].subscriber.relationship, [1].referredBy, [1].card.attached, [1].missingFields',
  'blind-messages-shorthand/26-new-plan-eff-termd-plan-decoy.eml': 'first run, not yet read right: [0].insurance.payerName',
  'blind-messages-shorthand/27-resend-results-by-batch-line-numbers.eml': 'first run, not yet read right: request count',
  'blind-messages-shorthand/29-twins-same-as-above-except-member-id.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].missingFields, [1].client.name, [1].client.dob, [1].client.address, [1].insurance.payerName, [1].insurance.memberId, [1].insurance.groupNumber, [1].insurance.phone, [1].subscriber.name, [1].subscriber.relationship, [1].referredBy, [1].card.attached, [1].missingFields',
  'blind-messages-tables/05-x12-270-pasted-phone-in-note.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName, [0].subscriber.name',
  'blind-messages-tables/06-legacy-fixed-width-report-wrapped-address-blank-columns.eml': 'first run, not yet read right: reply not sent',
  'blind-messages-tables/08-html-only-form-spacer-cells-empty-referral.eml': 'first run, not yet read right: [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-tables/15-not-a-request-center-contact-roster-update.eml': 'first run, not yet read right: request count',
  'blind-messages-tables/17-slack-nested-bullet-outline-no-insurance-phone.eml': 'first run, not yet read right: [0].insurance.payerName',
  'blind-messages-templates/01-bitterroot-two-up-dot-leaders-blank-unit-and-group.eml': 'first run, not yet read right: [0].client.address, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-templates/02-calapooia-values-first-labels-in-parentheses.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-templates/03-prairie-lantern-captions-over-value-columns-blank-boxes.eml': 'first run, not yet read right: [0].client.address, [0].insurance.memberId, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-templates/04-juniper-hollow-template-sent-blank-by-mistake.eml': 'first run, not yet read right: request count',
  'blind-messages-templates/05-ironweed-numbered-lettered-questions-skip-logic.eml': 'first run, not yet read right: [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-templates/07-casa-alborada-bilingual-stacked-labels-phone-por-confirmar.eml': 'first run, not yet read right: [0].client.dob, [0].insurance.groupNumber, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-templates/08-lone-cypress-combined-slash-labels.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].missingFields',
  'blind-messages-templates/09-cedar-bluff-asks-for-a-copy-of-our-template.eml': 'first run, not yet read right: request count',
  'blind-messages-templates/13-wasatch-cairn-ascii-box-client-and-holder-columns.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-templates/15-harrow-creek-bracket-labels-optional-filled-home-and-sent-by-blank.eml': 'first run, not yet read right: [0].client.address, [0].insurance.payerName, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-templates/16-sierra-foothill-section-table-optional-filled-birthdate-cell-empty.eml': 'first run, not yet read right: [0].referredBy',
  'blind-messages-templates/17-sweetgrass-new-template-sample-data-for-review.eml': 'first run, not yet read right: request count',
  'blind-messages-templates/18-wissahickon-html-only-caption-under-each-box-ibx-card-referral-dash.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].client.address, [0].subscriber.name, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-templates/19-mogollon-rim-tab-stops-two-pairs-per-line-bcbsaz-card.eml': 'first run, not yet read right: [0].insurance.groupNumber, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-templates/20-cumberland-gap-payer-by-ticked-box-radio-glyph-relationship.eml': 'first run, not yet read right: [0].insurance.payerName, [0].referredBy, [0].missingFields',
  'blind-messages-templates/22-llano-estacado-right-aligned-labels-colons-inside-labels-unhoused.eml': 'first run, not yet read right: [0].insurance.groupNumber',
  'blind-messages-templates/28-blackwater-falls-guarantor-is-policy-holder-carrier-slot-blank.eml': 'first run, not yet read right: [0].referredBy, reply not sent',
  'blind-messages-told/02-voice-memo-transcript-whiskey-id-no-address.eml': 'first run, not yet read right: [0].client.dob, [0].insurance.memberId, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-told/03-dragon-dictation-scratch-that-nato-id-no-phone.eml': 'first run, not yet read right: [0].client.address, [0].insurance.memberId, [0].referredBy, [0].missingFields, reply not sent',
  'blind-messages-told/04-referral-told-as-timeline-cedar-hollow.eml': 'first run, not yet read right: [0].client.dob, [0].missingFields',
  'blind-messages-told/05-mother-in-a-rush-dob-retracted-no-phone-no-referral.eml': 'first run, not yet read right: request count, [0].client.name, [0].client.dob, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].card.attached, [0].missingFields, reply not sent',
  'blind-messages-told/08-twins-told-together-second-id-tomorrow.eml': 'first run, not yet read right: request count, [0].client.name, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields, [1].client.name, [1].client.dob, [1].client.address, [1].insurance.payerName, [1].insurance.memberId, [1].insurance.groupNumber, [1].insurance.phone, [1].subscriber.name, [1].subscriber.relationship, [1].referredBy, [1].card.attached, [1].missingFields, reply not sent',
  'blind-messages-told/09-wife-called-the-number-on-the-back-no-program-yet.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-told/10-mother-never-says-her-sons-name.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].missingFields, reply not sent',
  'blind-messages-told/11-interventionist-weekend-story-premera-card.eml': 'first run, not yet read right: [0].client.name, [0].subscriber.name',
  'blind-messages-told/15-fathers-letter-christmas-eve-no-member-number.eml': 'first run, not yet read right: [0].client.dob, [0].client.address, [0].insurance.payerName, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-told/17-phone-call-retold-in-reported-speech-no-referral.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].insurance.memberId, [0].insurance.groupNumber, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-told/18-client-writes-for-herself-id-locked-in-app.eml': 'first run, not yet read right: [0].insurance.phone, [0].missingFields, reply not sent',
  'blind-messages-told/19-returning-client-new-name-new-plan-zip-fixed-in-ps.eml': 'first run, not yet read right: [0].client.name, [0].client.address, [0].insurance.payerName, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-told/20-mother-switches-subscriber-halfway-through.eml': 'first run, not yet read right: [0].insurance.payerName, [0].referredBy, [0].missingFields',
  'blind-messages-told/21-teams-case-conference-transcript-dob-corrected-no-address.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-told/22-night-nurse-coming-to-you-from-us-two-digit-year.eml': 'first run, not yet read right: [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-tools/05-college-athletics-trainer-cigna-card.eml': 'first run, not yet read right: [0].client.name, [0].missingFields',
  'blind-messages-tools/08-public-defender-mitigation-letter-in-custody.eml': 'first run, not yet read right: [0].subscriber.name, reply not sent',
  'blind-messages-tools/13-signature-bigger-than-request-vcard-humana-card.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-tools/14-external-banner-disclaimer-between-note-and-forward.eml': 'first run, not yet read right: [0].subscriber.name, [0].subscriber.relationship, [0].missingFields',
  'blind-messages-tools/15-thunderbird-8bit-forward-sister-no-member-id.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, reply not sent',
  'blind-messages-week/07-pinecrest-siblings.eml': 'first run, not yet read right: [0].client.name, [0].insurance.payerName, [0].insurance.memberId, [0].insurance.groupNumber, [0].insurance.phone, [0].subscriber.name, [0].subscriber.relationship, [0].missingFields, [1].client.name, [1].missingFields',
  'blind-messages-week/12-sunlit-phone-note-card.eml': 'first run, not yet read right: [0].client.name, [0].client.dob, [0].client.address, [0].subscriber.name, [0].subscriber.relationship, [0].referredBy, [0].missingFields',
  'blind-messages-week/17-send-results-to-dr.eml': 'first run, not yet read right: request count',
  'blind-messages-week/24-mesa-letter-tbd-id.eml': 'first run, not yet read right: [0].client.address, reply not sent',
  'blind-messages-week/30-newdawn-forward-id-corrected.eml': 'first run, not yet read right: [0].client.name, [0].insurance.memberId, [0].subscriber.relationship, [0].missingFields',
};

/** The parts of a request the blind set states. */
function comparable(r: VobRequest): unknown {
  return {
    client: r.client,
    insurance: r.insurance,
    subscriber: r.subscriber,
    referredBy: r.referredBy,
    card: { attached: r.card.attached },
    missingFields: r.missingFields,
  };
}

describe('blind messages through the whole pipeline', () => {
  const cardReader = createCardReader();
  afterAll(() => cardReader.close());

  it('has every set', () => {
    expect(cases).toHaveLength(945);
  });

  // Each message is read once (card OCR is slow on a busy machine); both checks use the reading.
  const readings = new Map<string, Promise<VobDocument>>();
  const read = (file: string): Promise<VobDocument> => {
    if (!readings.has(file)) {
      const path = join(__dirname, '../../../fixtures', file);
      readings.set(file, extractMessage(readFileSync(path), { cardReader, replyPolicy: { ownAddresses: [], allowedSenderDomains: [] } }).then((r) => r.document));
    }
    return readings.get(file)!;
  };
  const expectedOf = (file: string): Pick<VobDocument, 'requests' | 'reply'> =>
    JSON.parse(readFileSync(join(__dirname, '../../../fixtures', file.replace(/\.eml$/, '.expected.json')), 'utf8')) as Pick<VobDocument, 'requests' | 'reply'>;

  const run = async (file: string): Promise<void> => {
    const document = await read(file);
    expect({ requests: document.requests.map(comparable), reply: { send: document.reply.send, reason: document.reply.reason } }).toEqual(expectedOf(file));
  };
  it.each(cases.filter((c) => !(c in KNOWN_GAPS)))('%s', run, 120_000);
  it.failing.each(cases.filter((c) => c in KNOWN_GAPS))('known gap: %s', run, 120_000);
  // Whatever else is still wrong, no automatic reply goes out that should not, and none asks
  // for anything the center sent.
  it.each(cases)('no wrong automatic reply: %s', async (file) => {
    const document = await read(file);
    if (!document.reply.send) return;
    const expected = expectedOf(file);
    expect(expected.reply).toEqual({ send: true, reason: 'missing-fields' });
    expect(document.requests).toHaveLength(expected.requests.length);
    const trulyMissing = new Set(expected.requests.flatMap((r) => r.missingFields));
    expect(document.requests.flatMap((r) => r.missingFields).filter((f) => !trulyMissing.has(f))).toEqual([]);
  }, 120_000);
});
