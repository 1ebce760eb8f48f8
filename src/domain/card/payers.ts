import { escapeRegExp } from '../escape-regexp';
import { withinOneEdit } from '../edit-distance';

/**
 * US payers and the ways their names appear on cards and in emails. `findPayer` returns the
 * name as the card commonly prints it, so a record's payer reads the way a biller would say it.
 *
 * Matching is tolerant of OCR: long aliases match with a few character edits and without
 * regard to spacing ("BlueCross BlueShield" = "Blue Cross Blue Shield"); short ones (UHC, GEHA)
 * need an exact whole word, since a 3-letter fuzzy match would fire on any noise.
 */

/** How strongly a name identifies the plan that issued the card. */
enum Tier {
  /** Behavioral-health or pharmacy vendors printed on many carriers' cards (Carelon, Magellan). */
  Vendor = 0,
  /** Generic programme words (Medicaid, Medicare, Blue Cross) that a specific name should beat. */
  Generic = 1,
  /** A carrier (Aetna, Cigna, UnitedHealthcare). */
  Carrier = 2,
  /** A plan or administrator brand that prints its network carrier too (UMR on a UHC network). */
  Brand = 3,
}

interface PayerEntry {
  name: string;
  tier: Tier;
  aliases: string[];
  /**
   * The payer this name is a printing of ("Cigna Healthcare" of Cigna): a card's own words are
   * kept as its name, and the two still name the same payer.
   */
  family?: string;
}

const US_STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas',
  KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts',
  MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
  NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma',
  OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota',
  TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont', VA: 'Virginia', WA: 'Washington',
  WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', PR: 'Puerto Rico',
};

/** Independent Blue plans whose cards carry their own brand rather than "BCBS of <state>". */
const BLUE_BRANDS: PayerEntry[] = [
  // Highmark prints "Blue Shield" alone in some regions: the card's own words are the name.
  { name: 'Highmark Blue Shield', tier: Tier.Brand, aliases: ['Highmark Blue Shield', 'Highmark BlueShield'], family: 'Highmark Blue Cross Blue Shield' },
  { name: 'Highmark Blue Cross Blue Shield', tier: Tier.Brand, aliases: ['Highmark', 'Highmark Blue Cross Blue Shield', 'Highmark BCBS'] },
  { name: 'Regence BlueShield', tier: Tier.Brand, aliases: ['Regence', 'Regence BlueCross BlueShield', 'Regence BlueShield'] },
  { name: 'Premera Blue Cross', tier: Tier.Brand, aliases: ['Premera'] },
  { name: 'Florida Blue', tier: Tier.Brand, aliases: ['Florida Blue', 'Blue Cross Blue Shield of Florida', 'BCBSFL'] },
  { name: 'CareFirst BlueCross BlueShield', tier: Tier.Brand, aliases: ['CareFirst', 'Care First BlueCross'] },
  { name: 'Horizon Blue Cross Blue Shield of New Jersey', tier: Tier.Brand, aliases: ['Horizon Blue Cross', 'Horizon BCBSNJ', 'Blue Cross Blue Shield of New Jersey', 'Horizon NJ Health', 'BCBSNJ'] },
  { name: 'Excellus BlueCross BlueShield', tier: Tier.Brand, aliases: ['Excellus'] },
  { name: 'Independence Blue Cross', tier: Tier.Brand, aliases: ['Independence Blue Cross', 'IBX', 'Independence Administrators'] },
  { name: 'Wellmark Blue Cross Blue Shield', tier: Tier.Brand, aliases: ['Wellmark'] },
  { name: 'Blue Shield of California', tier: Tier.Brand, aliases: ['Blue Shield of California', 'BlueShield of CA', 'Blue Shield CA', 'Blue Shield California Promise'] },
  { name: 'Empire BlueCross BlueShield', tier: Tier.Brand, aliases: ['Empire BlueCross', 'Empire Blue Cross', 'Empire Plan'] },
  { name: 'Capital Blue Cross', tier: Tier.Brand, aliases: ['Capital Blue Cross', 'Capital BlueCross'] },
  { name: 'Anthem Blue Cross Blue Shield', tier: Tier.Brand, aliases: ['Anthem Blue Cross Blue Shield', 'Anthem BCBS', 'Anthem Blue Cross and Blue Shield'] },
  { name: 'Anthem Blue Cross', tier: Tier.Brand, aliases: ['Anthem Blue Cross', 'Anthem BC'] },
  { name: 'Anthem', tier: Tier.Carrier, aliases: ['Anthem', 'Elevance Health', 'Elevance'] },
  { name: 'Arkansas Blue Cross and Blue Shield', tier: Tier.Brand, aliases: ['Arkansas Blue Cross'] },
  { name: 'Blue Cross and Blue Shield of Kansas City', tier: Tier.Brand, aliases: ['Blue Cross and Blue Shield of Kansas City', 'Blue Cross Blue Shield of Kansas City', 'Blue KC', 'BlueKC'] },
  { name: 'Blue Cross Blue Shield of Michigan', tier: Tier.Brand, aliases: ['Blue Care Network', 'BCBSM'] },
  { name: 'Blue Cross Blue Shield of Massachusetts', tier: Tier.Brand, aliases: ['BCBSMA', 'Blue Cross Massachusetts'] },
  { name: 'Blue Cross Blue Shield of Texas', tier: Tier.Brand, aliases: ['BCBSTX', 'BCBS of TX', 'BCBS TX', 'BCBS Texas'] },
  { name: 'Blue Cross Blue Shield of Illinois', tier: Tier.Brand, aliases: ['BCBSIL', 'BCBS of IL', 'BCBS IL', 'BCBS Illinois'] },
  { name: 'Blue Cross Blue Shield of Arizona', tier: Tier.Brand, aliases: ['BCBSAZ', 'AZ Blue'] },
  { name: 'Blue Cross Blue Shield of North Carolina', tier: Tier.Brand, aliases: ['BCBSNC', 'Blue Cross NC', 'Blue Cross and Blue Shield of North Carolina'] },
  { name: 'Blue Cross Blue Shield of Tennessee', tier: Tier.Brand, aliases: ['BCBST', 'BlueCross BlueShield of Tennessee'] },
  { name: 'Blue Cross Blue Shield of Minnesota', tier: Tier.Brand, aliases: ['Blue Plus', 'BCBSMN'] },
  { name: 'Blue Cross Blue Shield of Alabama', tier: Tier.Brand, aliases: ['BCBSAL'] },
  { name: 'Blue Cross of Idaho', tier: Tier.Brand, aliases: ['Blue Cross of Idaho'] },
  { name: 'Blue Shield', tier: Tier.Generic, aliases: ['Blue Shield'] },
  { name: 'Blue Cross', tier: Tier.Generic, aliases: ['Blue Cross', 'BlueCard'] },
  { name: 'Blue Cross Blue Shield', tier: Tier.Generic, aliases: ['Blue Cross Blue Shield', 'Blue Cross and Blue Shield', 'Blue Cross & Blue Shield', 'BCBS', 'BCBSA', 'Federal Employee Program', 'FEP Blue'] },
];

const CARRIERS: PayerEntry[] = [
  { name: 'UnitedHealthcare', tier: Tier.Carrier, aliases: ['UnitedHealthcare', 'United Healthcare', 'United Health Care', 'UnitedHealth', 'United Health', 'UHC', 'Optum Behavioral Health', 'Optum Behavioral', 'UnitedHealthcare Community Plan', 'UHC Community Plan', 'United Behavioral Health', 'AARP Medicare', 'Golden Rule', 'Surest'] },
  { name: 'Optum', tier: Tier.Vendor, aliases: ['Optum', 'Optum Health', 'OptumHealth'] },
  { name: 'UMR', tier: Tier.Brand, aliases: ['UMR'] },
  { name: 'Oxford', tier: Tier.Brand, aliases: ['Oxford Health Plans', 'Oxford Health', 'Oxford'] },
  { name: 'Aetna', tier: Tier.Carrier, aliases: ['Aetna', 'Aetna Better Health', 'Aetna Medicare', 'Aetna Health', 'Aetna Student Health', 'Aetna Signature Administrators'] },
  { name: 'Meritain Health', tier: Tier.Brand, aliases: ['Meritain Health', 'Meritain'] },
  { name: 'Cigna Healthcare', tier: Tier.Carrier, aliases: ['Cigna Healthcare', 'CIGNA HealthCare'], family: 'Cigna' },
  { name: 'Cigna', tier: Tier.Carrier, aliases: ['Cigna', 'Evernorth', 'Evernorth Behavioral Health', 'Cigna Behavioral Health'] },
  { name: 'Cigna-HealthSpring', tier: Tier.Brand, aliases: ['Cigna-HealthSpring', 'Cigna HealthSpring', 'HealthSpring'] },
  { name: 'Allegiance', tier: Tier.Brand, aliases: ['Allegiance Benefit Plan Management', 'Allegiance Benefit', 'Allegiance'] },
  { name: 'Humana', tier: Tier.Carrier, aliases: ['Humana', 'Humana Military', 'Humana Gold Plus', 'Humana Healthy Horizons'] },
  { name: 'Kaiser Permanente', tier: Tier.Carrier, aliases: ['Kaiser Permanente', 'Kaiser Foundation Health Plan', 'Kaiser', 'KP'] },
  { name: 'Medi-Cal', tier: Tier.Brand, aliases: ['=Medi-Cal', '=Medi Cal', 'Benefits Identification Card', 'California Department of Health Care Services'] },
  { name: 'Medicare', tier: Tier.Generic, aliases: ['Medicare', 'Medicare Health Insurance', 'Centers for Medicare'] },
  { name: 'Medicaid', tier: Tier.Generic, aliases: ['Medicaid'] },
  { name: 'AHCCCS', tier: Tier.Brand, aliases: ['AHCCCS', 'Arizona Health Care Cost Containment System'] },
  { name: 'Texas Medicaid', tier: Tier.Brand, aliases: ['Your Texas Benefits', 'Texas Medicaid'] },
  { name: 'MassHealth', tier: Tier.Brand, aliases: ['MassHealth'] },
  { name: 'Apple Health', tier: Tier.Brand, aliases: ['Apple Health', 'Washington Apple Health'] },
  { name: 'Health First Colorado', tier: Tier.Brand, aliases: ['Health First Colorado'] },
  { name: 'TRICARE', tier: Tier.Carrier, aliases: ['TRICARE', 'Tricare East', 'Tricare West', 'Tricare Prime', 'Tricare Select'] },
  { name: 'Ambetter', tier: Tier.Brand, aliases: ['Ambetter', 'Ambetter Health', 'Ambetter from Sunshine Health', 'Ambetter from Superior HealthPlan'] },
  { name: 'Molina Healthcare', tier: Tier.Carrier, aliases: ['Molina Healthcare', 'Molina Health Care', 'Molina', 'Molina Marketplace'] },
  { name: 'Centene', tier: Tier.Carrier, aliases: ['Centene'] },
  { name: 'Health Net', tier: Tier.Brand, aliases: ['Health Net', 'HealthNet', 'Health Net Federal Services'] },
  { name: 'Oscar', tier: Tier.Brand, aliases: ['Oscar Health', 'Oscar'] },
  { name: 'Magellan Health', tier: Tier.Vendor, aliases: ['Magellan Health', 'Magellan Healthcare', 'Magellan Behavioral Health', 'Magellan'] },
  { name: 'Carelon Behavioral Health', tier: Tier.Vendor, aliases: ['Carelon Behavioral Health', 'Carelon', 'Beacon Health Options', 'Beacon Health', 'Beacon'] },
  { name: 'GEHA', tier: Tier.Brand, aliases: ['GEHA', 'Government Employees Health Association'] },
  { name: 'Bright Health', tier: Tier.Brand, aliases: ['Bright Health', 'Bright HealthCare'] },
  { name: 'Friday Health Plans', tier: Tier.Brand, aliases: ['Friday Health Plans', 'Friday Health'] },
  // The brand is written "Wellcare" since 2020.
  { name: 'Wellcare', tier: Tier.Brand, aliases: ['WellCare', 'Wellcare Health Plans', 'Wellcare by Allwell'] },
  { name: 'CareSource', tier: Tier.Brand, aliases: ['CareSource', 'Care Source'] },
  { name: 'Amerigroup', tier: Tier.Brand, aliases: ['Amerigroup', 'Amerigroup Community Care'] },
  { name: 'Wellpoint', tier: Tier.Brand, aliases: ['Wellpoint'] },
  { name: 'Simply Healthcare', tier: Tier.Brand, aliases: ['Simply Healthcare'] },
  { name: 'Sunshine Health', tier: Tier.Brand, aliases: ['Sunshine Health'] },
  { name: 'Superior HealthPlan', tier: Tier.Brand, aliases: ['Superior HealthPlan', 'Superior Health Plan'] },
  // Medicaid managed-care brands of Louisiana (and Healthy Blue elsewhere), named after "Medicaid thru".
  { name: 'Healthy Blue', tier: Tier.Brand, aliases: ['Healthy Blue'] },
  { name: 'Louisiana Healthcare Connections', tier: Tier.Brand, aliases: ['Louisiana Healthcare Connections'] },
  { name: 'Fidelis Care', tier: Tier.Brand, aliases: ['Fidelis Care', 'Fidelis'] },
  { name: 'EmblemHealth', tier: Tier.Brand, aliases: ['EmblemHealth', 'Emblem Health', 'GHI', 'HIP Health Plan'] },
  { name: 'Healthfirst', tier: Tier.Brand, aliases: ['Healthfirst'] },
  { name: 'MVP Health Care', tier: Tier.Brand, aliases: ['MVP Health Care', 'MVP Healthcare'] },
  { name: 'Harvard Pilgrim Health Care', tier: Tier.Brand, aliases: ['Harvard Pilgrim'] },
  { name: 'Tufts Health Plan', tier: Tier.Brand, aliases: ['Tufts Health Plan', 'Tufts Health Together', 'Tufts Health Direct', 'Tufts Health'] },
  { name: 'Point32Health', tier: Tier.Brand, aliases: ['Point32Health'] },
  { name: 'Priority Health', tier: Tier.Brand, aliases: ['Priority Health'] },
  { name: 'HealthPartners', tier: Tier.Brand, aliases: ['HealthPartners'] },
  { name: 'Medica', tier: Tier.Brand, aliases: ['Medica'] },
  { name: 'UCare', tier: Tier.Brand, aliases: ['UCare'] },
  // Student health plans' carriers.
  { name: 'Wellfleet', tier: Tier.Brand, aliases: ['Wellfleet Student', 'Wellfleet Insurance', 'Wellfleet'] },
  { name: 'GeoBlue', tier: Tier.Brand, aliases: ['GeoBlue'] },
  { name: 'SelectHealth', tier: Tier.Brand, aliases: ['SelectHealth', 'Select Health'] },
  { name: 'PacificSource', tier: Tier.Brand, aliases: ['PacificSource', 'Pacific Source'] },
  { name: 'Providence Health Plan', tier: Tier.Brand, aliases: ['Providence Health Plan'] },
  { name: 'Moda Health', tier: Tier.Brand, aliases: ['Moda Health'] },
  { name: 'L.A. Care Health Plan', tier: Tier.Brand, aliases: ['L.A. Care', 'LA Care Health Plan', 'L.A. Care Health Plan'] },
  { name: 'Inland Empire Health Plan', tier: Tier.Brand, aliases: ['Inland Empire Health Plan', 'IEHP'] },
  { name: 'CalOptima', tier: Tier.Brand, aliases: ['CalOptima'] },
  { name: 'Partnership HealthPlan of California', tier: Tier.Brand, aliases: ['Partnership HealthPlan'] },
  { name: 'Sharp Health Plan', tier: Tier.Brand, aliases: ['Sharp Health Plan'] },
  { name: 'Sutter Health Plus', tier: Tier.Brand, aliases: ['Sutter Health Plus'] },
  { name: 'Western Health Advantage', tier: Tier.Brand, aliases: ['Western Health Advantage'] },
  { name: 'Geisinger Health Plan', tier: Tier.Brand, aliases: ['Geisinger'] },
  { name: 'UPMC Health Plan', tier: Tier.Brand, aliases: ['UPMC Health Plan', 'UPMC'] },
  { name: 'AmeriHealth', tier: Tier.Brand, aliases: ['AmeriHealth', 'AmeriHealth Caritas'] },
  { name: 'Quartz', tier: Tier.Brand, aliases: ['Quartz Health'] },
  { name: 'Dean Health Plan', tier: Tier.Brand, aliases: ['Dean Health Plan'] },
  { name: 'Presbyterian Health Plan', tier: Tier.Brand, aliases: ['Presbyterian Health Plan'] },
  { name: 'Scott & White Health Plan', tier: Tier.Brand, aliases: ['Scott and White Health Plan', 'Scott & White'] },
  { name: 'Baylor Scott & White Health Plan', tier: Tier.Brand, aliases: ['Baylor Scott & White', 'Baylor Scott and White'] },
  { name: 'Community Health Choice', tier: Tier.Brand, aliases: ['Community Health Choice'] },
  { name: 'Devoted Health', tier: Tier.Brand, aliases: ['Devoted Health'] },
  { name: 'Clover Health', tier: Tier.Brand, aliases: ['Clover Health'] },
  { name: 'Alignment Health Plan', tier: Tier.Brand, aliases: ['Alignment Health'] },
  { name: 'SCAN Health Plan', tier: Tier.Brand, aliases: ['SCAN Health Plan'] },
  { name: 'Aspirus Health Plan', tier: Tier.Brand, aliases: ['Aspirus Health Plan'] },
  // Regional plans of the Northeast, Midwest and Mountain West, as their members write them.
  // (Not bare "Meridian", "Buckeye" or "Paramount": towns and companies carry those names too.)
  { name: 'ConnectiCare', tier: Tier.Brand, aliases: ['ConnectiCare'] },
  { name: 'Meridian Health Plan', tier: Tier.Brand, aliases: ['Meridian Health Plan', 'Meridian Health', 'MeridianCare', 'MeridianComplete', 'Meridian Medicaid'] },
  { name: 'Buckeye Health Plan', tier: Tier.Brand, aliases: ['Buckeye Health Plan', 'Buckeye Health', 'Buckeye Community Health Plan'] },
  { name: 'Network Health', tier: Tier.Brand, aliases: ['Network Health Plan', 'Network Health'] },
  { name: 'WEA Trust', tier: Tier.Brand, aliases: ['WEA Trust'] },
  { name: 'Security Health Plan', tier: Tier.Brand, aliases: ['Security Health Plan'] },
  { name: 'Health Alliance Plan', tier: Tier.Brand, aliases: ['Health Alliance Plan', 'HAP'] },
  { name: 'Health Alliance', tier: Tier.Brand, aliases: ['Health Alliance'] },
  { name: 'Paramount', tier: Tier.Brand, aliases: ['Paramount Health Care', 'Paramount Advantage', 'Paramount Insurance'] },
  { name: 'Medical Mutual', tier: Tier.Brand, aliases: ['Medical Mutual', 'Medical Mutual of Ohio', 'MedMutual'] },
  { name: 'Sentara Health Plans', tier: Tier.Brand, aliases: ['Sentara Health Plans', 'Sentara Health Plan', 'Sentara Community Plan', 'Sentara'] },
  { name: 'Optima Health', tier: Tier.Brand, aliases: ['Optima Health'] },
  { name: 'Passport Health Plan', tier: Tier.Brand, aliases: ['Passport Health Plan', 'Passport by Molina'] },
  { name: 'McLaren Health Plan', tier: Tier.Brand, aliases: ['McLaren Health Plan'] },
  { name: 'Trillium Community Health Plan', tier: Tier.Brand, aliases: ['Trillium Community Health Plan', 'Trillium Health Resources'] },
  { name: 'Mountain Health CO-OP', tier: Tier.Brand, aliases: ['Mountain Health CO-OP', 'Mountain Health Co-op'] },
  { name: 'Montana Health CO-OP', tier: Tier.Brand, aliases: ['Montana Health CO-OP', 'Montana Health CoOp', 'Montana Health Co-op'] },
  { name: 'Fallon Health', tier: Tier.Brand, aliases: ['Fallon Health', 'Fallon Community Health Plan'] },
  { name: 'CDPHP', tier: Tier.Brand, aliases: ['CDPHP', "Capital District Physicians' Health Plan"] },
  { name: 'Independent Health', tier: Tier.Brand, aliases: ['Independent Health'] },
  { name: 'Univera Healthcare', tier: Tier.Brand, aliases: ['Univera Healthcare', 'Univera'] },
  { name: 'Keystone First', tier: Tier.Brand, aliases: ['Keystone First'] },
  { name: 'WellSense Health Plan', tier: Tier.Brand, aliases: ['WellSense Health Plan', 'WellSense', 'BMC HealthNet Plan'] },
  { name: 'Neighborhood Health Plan of Rhode Island', tier: Tier.Brand, aliases: ['Neighborhood Health Plan of Rhode Island', 'Neighborhood Health Plan'] },
  { name: 'Highmark Wholecare', tier: Tier.Brand, aliases: ['Highmark Wholecare', 'Gateway Health'] },
  { name: 'PA Health & Wellness', tier: Tier.Brand, aliases: ['PA Health & Wellness', 'PA Health and Wellness', 'Pennsylvania Health & Wellness'] },
  { name: 'Iowa Total Care', tier: Tier.Brand, aliases: ['Iowa Total Care'] },
  { name: 'Nebraska Total Care', tier: Tier.Brand, aliases: ['Nebraska Total Care'] },
  { name: 'Home State Health', tier: Tier.Brand, aliases: ['Home State Health'] },
  { name: 'Peach State Health Plan', tier: Tier.Brand, aliases: ['Peach State Health Plan', 'Peach State'] },
  { name: 'Magnolia Health', tier: Tier.Brand, aliases: ['Magnolia Health Plan', 'Magnolia Health'] },
  { name: 'Denver Health Medical Plan', tier: Tier.Brand, aliases: ['Denver Health Medical Plan'] },
  { name: 'Rocky Mountain Health Plans', tier: Tier.Brand, aliases: ['Rocky Mountain Health Plans', 'Rocky Mountain Health Plan'] },
  { name: 'Colorado Access', tier: Tier.Brand, aliases: ['Colorado Access'] },
  { name: 'Banner Health Plans', tier: Tier.Brand, aliases: ['Banner Health Plan', 'Banner Health Plans', 'Banner University Family Care', 'Banner Aetna'] },
  { name: 'Mercy Care', tier: Tier.Brand, aliases: ['Mercy Care'] },
  // Regional and Medicaid managed-care plans of Texas, the Mid-Atlantic, the Carolinas, Utah, Arizona and
  // California. (Not "The Health Plan" or "Alliance Health" alone: everyday prose says those words.)
  { name: "Texas Children's Health Plan", tier: Tier.Brand, aliases: ["Texas Children's Health Plan", 'Texas Childrens Health Plan'] },
  { name: "Cook Children's Health Plan", tier: Tier.Brand, aliases: ["Cook Children's Health Plan", 'Cook Childrens Health Plan'] },
  { name: 'Parkland Community Health Plan', tier: Tier.Brand, aliases: ['Parkland Community Health Plan', 'Parkland HEALTHfirst'] },
  { name: 'Driscoll Health Plan', tier: Tier.Brand, aliases: ['Driscoll Health Plan', 'Driscoll Children\'s Health Plan'] },
  { name: 'El Paso Health', tier: Tier.Brand, aliases: ['El Paso Health Plan', 'El Paso Health'] },
  { name: 'Sendero Health Plans', tier: Tier.Brand, aliases: ['Sendero Health Plans', 'Sendero'] },
  { name: 'FirstCare Health Plans', tier: Tier.Brand, aliases: ['FirstCare Health Plans', 'FirstCare'] },
  { name: 'Maryland Physicians Care', tier: Tier.Brand, aliases: ['Maryland Physicians Care'] },
  { name: 'Priority Partners', tier: Tier.Brand, aliases: ['Priority Partners'] },
  { name: 'Johns Hopkins HealthCare', tier: Tier.Brand, aliases: ['Johns Hopkins HealthCare', 'Johns Hopkins EHP', 'Johns Hopkins Employer Health Programs', 'Johns Hopkins Advantage MD'] },
  { name: 'MedStar Family Choice', tier: Tier.Brand, aliases: ['MedStar Family Choice'] },
  { name: 'Virginia Premier', tier: Tier.Brand, aliases: ['Virginia Premier'] },
  { name: 'Carolina Complete Health', tier: Tier.Brand, aliases: ['Carolina Complete Health'] },
  { name: 'Partners Health Management', tier: Tier.Brand, aliases: ['Partners Health Management'] },
  { name: 'Vaya Health', tier: Tier.Brand, aliases: ['Vaya Health'] },
  { name: 'University of Utah Health Plans', tier: Tier.Brand, aliases: ['University of Utah Health Plans', 'U of U Health Plans'] },
  { name: 'Health Choice Arizona', tier: Tier.Brand, aliases: ['Health Choice Arizona'] },
  { name: 'Arizona Complete Health', tier: Tier.Brand, aliases: ['Arizona Complete Health'] },
  { name: 'Care1st Health Plan', tier: Tier.Brand, aliases: ['Care1st Health Plan', 'Care1st'] },
  { name: 'Western Sky Community Care', tier: Tier.Brand, aliases: ['Western Sky Community Care'] },
  { name: 'Moda Health', tier: Tier.Brand, aliases: ['Moda Health'] },
  { name: 'Quartz Health Solutions', tier: Tier.Brand, aliases: ['Quartz Health Solutions', 'Quartz Health'] },
  { name: 'MetroPlusHealth', tier: Tier.Brand, aliases: ['MetroPlusHealth', 'MetroPlus Health Plan', 'MetroPlus'] },
  { name: 'Community Health Plan of Washington', tier: Tier.Brand, aliases: ['Community Health Plan of Washington', 'CHPW'] },
  { name: 'Coordinated Care', tier: Tier.Brand, aliases: ['Coordinated Care'] },
  { name: 'Alameda Alliance for Health', tier: Tier.Brand, aliases: ['Alameda Alliance for Health', 'Alameda Alliance'] },
  { name: 'Santa Clara Family Health Plan', tier: Tier.Brand, aliases: ['Santa Clara Family Health Plan'] },
  { name: 'Valley Health Plan', tier: Tier.Brand, aliases: ['Valley Health Plan'] },
  { name: 'CenCal Health', tier: Tier.Brand, aliases: ['CenCal Health', 'CenCal'] },
  { name: 'Gold Coast Health Plan', tier: Tier.Brand, aliases: ['Gold Coast Health Plan'] },
  { name: 'Kern Family Health Care', tier: Tier.Brand, aliases: ['Kern Family Health Care', 'Kern Health Systems'] },
  { name: 'Health Plan of San Joaquin', tier: Tier.Brand, aliases: ['Health Plan of San Joaquin'] },
  { name: 'CalViva Health', tier: Tier.Brand, aliases: ['CalViva Health', 'CalViva'] },
  { name: 'Imperial Health Plan', tier: Tier.Brand, aliases: ['Imperial Health Plan'] },
  { name: 'Zing Health', tier: Tier.Brand, aliases: ['Zing Health'] },
  { name: 'Blue KC', tier: Tier.Brand, aliases: ['Blue KC', 'BlueKC', 'Blue Cross and Blue Shield of Kansas City', 'Blue Cross Blue Shield of Kansas City', 'BCBS of Kansas City', 'BCBS KC'] },
  { name: 'BlueCare Tennessee', tier: Tier.Brand, aliases: ['BlueCare Tennessee', 'BlueCare Plus', 'BlueCare'] },
  { name: 'Sunflower Health Plan', tier: Tier.Brand, aliases: ['Sunflower Health Plan', 'Sunflower Health'] },
  { name: 'Heritage Health', tier: Tier.Generic, aliases: ['Heritage Health'] },
  // Pacific Northwest and Mountain West: Oregon's coordinated care organisations, Nevada's and Utah's Medicaid plans.
  { name: 'CareOregon', tier: Tier.Brand, aliases: ['CareOregon', 'Care Oregon'] },
  { name: 'Health Share of Oregon', tier: Tier.Brand, aliases: ['Health Share of Oregon'] },
  { name: 'AllCare Health', tier: Tier.Brand, aliases: ['AllCare Health', 'AllCare CCO'] },
  { name: 'Jackson Care Connect', tier: Tier.Brand, aliases: ['Jackson Care Connect'] },
  { name: 'Umpqua Health Alliance', tier: Tier.Brand, aliases: ['Umpqua Health Alliance', 'Umpqua Health'] },
  { name: 'InterCommunity Health Network', tier: Tier.Brand, aliases: ['InterCommunity Health Network', 'IHN-CCO'] },
  { name: 'Yamhill Community Care', tier: Tier.Brand, aliases: ['Yamhill Community Care'] },
  { name: 'Eastern Oregon CCO', tier: Tier.Brand, aliases: ['Eastern Oregon CCO', 'Eastern Oregon Coordinated Care Organization'] },
  { name: 'Cascade Health Alliance', tier: Tier.Brand, aliases: ['Cascade Health Alliance'] },
  { name: 'Advanced Health', tier: Tier.Brand, aliases: ['Advanced Health CCO'] },
  { name: 'Health Plan of Nevada', tier: Tier.Brand, aliases: ['Health Plan of Nevada'] },
  { name: 'SilverSummit Healthplan', tier: Tier.Brand, aliases: ['SilverSummit Healthplan', 'SilverSummit Health Plan', 'SilverSummit'] },
  { name: 'Healthy U', tier: Tier.Brand, aliases: ['Healthy U'] },
  { name: 'Oregon Health Plan', tier: Tier.Generic, aliases: ['Oregon Health Plan'] },
  { name: 'Wyoming EqualityCare', tier: Tier.Generic, aliases: ['EqualityCare', 'Equality Care'] },
  { name: 'Denali KidCare', tier: Tier.Generic, aliases: ['Denali KidCare', 'Denali Kid Care'] },
  // New England and federal plans: Massachusetts' ACO plans, Maine's and Vermont's own, the federal employees' and the military's.
  { name: 'Mass General Brigham Health Plan', tier: Tier.Brand, aliases: ['Mass General Brigham Health Plan', 'Mass General Brigham', 'AllWays Health Partners'] },
  { name: 'Health New England', tier: Tier.Brand, aliases: ['Health New England'] },
  { name: 'Community Health Options', tier: Tier.Brand, aliases: ['Community Health Options'] },
  { name: "Martin's Point Health Care", tier: Tier.Brand, aliases: ["Martin's Point", 'Martins Point'] },
  { name: 'US Family Health Plan', tier: Tier.Brand, aliases: ['US Family Health Plan', 'USFHP'] },
  { name: 'NALC Health Benefit Plan', tier: Tier.Brand, aliases: ['NALC Health Benefit Plan', 'NALC'] },
  { name: 'APWU Health Plan', tier: Tier.Brand, aliases: ['APWU Health Plan', 'APWU'] },
  { name: 'MHBP', tier: Tier.Brand, aliases: ['MHBP', 'Mail Handlers Benefit Plan'] },
  { name: 'Compass Rose Health Plan', tier: Tier.Brand, aliases: ['Compass Rose Health Plan', 'Compass Rose'] },
  { name: 'MaineCare', tier: Tier.Generic, aliases: ['MaineCare'] },
  { name: 'Green Mountain Care', tier: Tier.Generic, aliases: ['Green Mountain Care'] },
  // States' own names for their Medicaid programmes: a managed-care plan's name beats them.
  { name: 'HUSKY Health', tier: Tier.Generic, aliases: ['HUSKY Health', 'HUSKY'] },
  { name: 'TennCare', tier: Tier.Generic, aliases: ['TennCare'] },
  { name: 'SoonerCare', tier: Tier.Generic, aliases: ['SoonerCare'] },
  { name: 'BadgerCare Plus', tier: Tier.Generic, aliases: ['BadgerCare Plus', 'BadgerCare'] },
  { name: 'KanCare', tier: Tier.Generic, aliases: ['KanCare'] },
  { name: 'NJ FamilyCare', tier: Tier.Generic, aliases: ['NJ FamilyCare', 'New Jersey FamilyCare'] },
  { name: 'Healthy Michigan Plan', tier: Tier.Generic, aliases: ['Healthy Michigan Plan', 'Healthy Michigan'] },
  { name: 'ChampVA', tier: Tier.Carrier, aliases: ['CHAMPVA'] },
  { name: 'VA Community Care', tier: Tier.Brand, aliases: ['VA Community Care', 'Veterans Affairs', 'TriWest', 'Optum Serve'] },
  { name: 'Christus Health Plan', tier: Tier.Brand, aliases: ['Christus Health Plan'] },
  { name: 'Avera Health Plans', tier: Tier.Brand, aliases: ['Avera Health Plans'] },
  { name: 'Sanford Health Plan', tier: Tier.Brand, aliases: ['Sanford Health Plan'] },
  { name: 'HealthSCOPE Benefits', tier: Tier.Brand, aliases: ['HealthSCOPE Benefits', 'HealthScope'] },
  { name: 'Trustmark', tier: Tier.Brand, aliases: ['Trustmark'] },
  { name: 'Benefit Administrative Systems', tier: Tier.Brand, aliases: ['Benefit Administrative Systems'] },
  { name: 'Boon-Chapman', tier: Tier.Brand, aliases: ['Boon-Chapman', 'Boon Chapman'] },
  { name: 'Luminare Health', tier: Tier.Brand, aliases: ['Luminare Health', 'Health Care Service Corporation', 'HCSC'] },
  { name: 'WebTPA', tier: Tier.Brand, aliases: ['WebTPA'] },
  { name: 'Imagine360', tier: Tier.Brand, aliases: ['Imagine360'] },
  { name: 'Sana Benefits', tier: Tier.Brand, aliases: ['Sana Benefits'] },
  { name: 'Multiplan', tier: Tier.Vendor, aliases: ['MultiPlan', 'PHCS'] },
  { name: 'First Health', tier: Tier.Vendor, aliases: ['First Health Network'] },
];

interface CompiledAlias {
  entry: PayerEntry;
  /** Letters and digits only, upper-case: the form fuzzy matching compares. */
  compact: string;
  /** Whole-word regex for short aliases. */
  exact: RegExp | null;
  /** Character edits tolerated. */
  maxEdits: number;
  /** maxEdits+1 disjoint pieces of `compact`. */
  pieces: string[];
}

function compactOf(s: string): string {
  return s.toUpperCase().replace(/&/g, 'AND').replace(/[^A-Z0-9]/g, '');
}

/** "Blue Cross Blue Shield of <State>" for every state, in the spellings cards use. */
function stateBlueEntries(): PayerEntry[] {
  const out: PayerEntry[] = [];
  for (const [abbr, state] of Object.entries(US_STATES)) {
    const name = `Blue Cross Blue Shield of ${state}`;
    out.push({
      name,
      tier: Tier.Brand,
      aliases: [
        name,
        `Blue Cross and Blue Shield of ${state}`,
        `BCBS of ${state}`,
        `${state} Blue Cross Blue Shield`,
        `${state} Blue Cross and Blue Shield`,
        `BCBS${abbr}`,
      ],
    });
  }
  return out;
}

function compile(entries: PayerEntry[]): CompiledAlias[] {
  const out: CompiledAlias[] = [];
  for (const entry of entries) {
    for (const raw of entry.aliases) {
      // "=" marks a name whose spelling matters ("Medi-Cal" is not the word "medical").
      const forceExact = raw.startsWith('=');
      const alias = forceExact ? raw.slice(1) : raw;
      const compact = compactOf(alias);
      // Short names are common letter runs: exact whole words only ("KP", "UMR", "IBX"), and an
      // all-capitals short alias must be capitals in the text too ("Kp" is no payer).
      const exact = forceExact || compact.length <= 5;
      const caseSensitive = !forceExact && alias === alias.toUpperCase() && compact.length <= 4;
      // A forced-exact name keeps its separator ("Medi-Cal", "Medi Cal"); others may lose spaces.
      const body = alias
        .split(/\s+/)
        .map((w) => escapeRegExp(w).replace(/-/g, forceExact ? '[-\\s]+' : '[-\\s]?'))
        // Spelling matters, but OCR's l/I/1 are one stroke: "Medi-CaI" is still Medi-Cal.
        .map((w) => (forceExact ? w.replace(/[lI]/gi, '[lI1|]') : w))
        .join(forceExact ? '[-\\s]+' : '\\s*');
      const maxEdits = compact.length >= 14 ? 2 : compact.length >= 8 ? 1 : 0;
      const size = Math.floor(compact.length / (maxEdits + 1));
      const pieces = Array.from({ length: maxEdits + 1 }, (_, k) => compact.slice(k * size, k === maxEdits ? undefined : (k + 1) * size));
      out.push({
        entry,
        compact,
        pieces,
        exact: exact ? new RegExp(`(^|[^A-Za-z0-9])${body}(?=$|[^A-Za-z0-9])`, caseSensitive ? '' : 'i') : null,
        maxEdits,
      });
    }
  }
  return out;
}

// Brand-specific blues come before the per-state generator so an explicit brand alias wins ties.
const ALL_ENTRIES: PayerEntry[] = [...BLUE_BRANDS, ...stateBlueEntries(), ...CARRIERS];
const COMPILED = compile(ALL_ENTRIES);
const FAMILY = new Map(ALL_ENTRIES.filter((e) => e.family).map((e) => [e.name, e.family!]));

/** Every payer, for callers that need the list (e.g. to show the known payers); a printing such as "Cigna Healthcare" is listed as its payer. */
export const KNOWN_PAYERS: readonly string[] = [...new Set(ALL_ENTRIES.filter((e) => !e.family).map((e) => e.name))];

/**
 * Smallest edit distance of `pattern` against any substring of `text` (Sellers' algorithm),
 * with the end position of the best match. Returns null when above `maxEdits`.
 */
function fuzzyFind(text: string, pattern: string, maxEdits: number): { end: number; edits: number } | null {
  if (maxEdits === 0) {
    const i = text.indexOf(pattern);
    return i < 0 ? null : { end: i + pattern.length, edits: 0 };
  }
  const m = pattern.length;
  let prev = new Array<number>(m + 1);
  let cur = new Array<number>(m + 1);
  for (let i = 0; i <= m; i++) prev[i] = i;
  let best: { end: number; edits: number } | null = null;
  for (let j = 1; j <= text.length; j++) {
    cur[0] = 0;
    const c = text.charCodeAt(j - 1);
    for (let i = 1; i <= m; i++) {
      const cost = pattern.charCodeAt(i - 1) === c ? 0 : 1;
      cur[i] = Math.min(prev[i - 1]! + cost, prev[i]! + 1, cur[i - 1]! + 1);
    }
    const d = cur[m]!;
    if (d <= maxEdits && (best === null || d < best.edits)) {
      best = { end: j, edits: d };
      if (d === 0) break;
    }
    [prev, cur] = [cur, prev];
  }
  return best;
}

export interface PayerMatch {
  name: string;
  /** Position in the compacted text (0 = start); earlier means nearer the card's header. */
  position: number;
  edits: number;
}

/** Letters/digits of `text` upper-cased, with each one's index in the original. */
function compactWithMap(text: string): { compact: string; map: number[] } {
  let compact = '';
  const map: number[] = [];
  const upper = text.toUpperCase();
  for (let i = 0; i < upper.length; i++) {
    const ch = upper[i]!;
    if (ch === '&') {
      compact += 'AND';
      map.push(i, i, i);
    } else if ((ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
      compact += ch;
      map.push(i);
    }
  }
  return { compact, map };
}

const isAlnum = (ch: string | undefined): boolean => ch !== undefined && /[A-Za-z0-9]/.test(ch);

/** The words of payers' names (5+ letters), lower-case: what a misspelt payer word is checked against. */
const PAYER_WORDS: readonly string[] = [
  ...new Set(ALL_ENTRIES.flatMap((e) => [e.name, ...e.aliases]).flatMap((n) => n.toLowerCase().split(/[^a-z]+/)).filter((w) => w.length >= 5)),
];
const PAYER_WORD_SET: ReadonlySet<string> = new Set(PAYER_WORDS);

/**
 * A payer's name as written, its misspelt words spelled right when that gives a known payer ("Signa" → "Cigna", "Blue Cross
 * Blue Sheild" → "Shield", "Untied Healthcare" → "United"), one edit per word at most.
 */
export function correctPayerSpelling(value: string): string {
  const corrected = value.replace(/\p{L}{5,}/gu, (word) => {
    const lower = word.toLowerCase();
    if (PAYER_WORD_SET.has(lower)) return word;
    // Same length only: a letter more or less is as often another word ("Medical" is no "Medica").
    const right = PAYER_WORDS.find((w) => w.length === lower.length && withinOneEdit(lower, w));
    if (right === undefined) return word;
    const upper = word === word.toUpperCase();
    return upper ? right.toUpperCase() : /^\p{Lu}/u.test(word) ? right[0]!.toUpperCase() + right.slice(1) : right;
  });
  // Only a correction that makes a name the list knows ("Medical Mutual" is no misspelt "Medica").
  if (corrected === value) return value;
  // The best reading decides: "Blue Cross" spelt right inside "Blue Cross Blue Sheild" is not the name.
  const exactly = (text: string): boolean => findPayers(text)[0]?.edits === 0;
  return exactly(corrected) && !exactly(value) ? corrected : value;
}

/** The text starts with a payer the dictionary knows, spelled exactly ("Humana H5551", "Cigna, member ID ..."). */
export function startsWithKnownPayer(text: string): boolean {
  return findPayers(text).some((p) => p.edits === 0 && p.position === 0);
}

/** Every payer named in `text`, best first. */
/**
 * The same lines and values are asked about many times while one message is read (each rule
 * that names a payer asks again): answers for short texts are kept, a bounded number of them.
 */
const FOUND_PAYERS = new Map<string, readonly PayerMatch[]>();
const FOUND_PAYERS_MAX = 5000;

export function findPayers(text: string): readonly PayerMatch[] {
  if (text.length > 2000) return payersIn(text);
  const known = FOUND_PAYERS.get(text);
  if (known !== undefined) return known;
  if (FOUND_PAYERS.size >= FOUND_PAYERS_MAX) FOUND_PAYERS.clear();
  const found = payersIn(text);
  FOUND_PAYERS.set(text, found);
  return found;
}

function payersIn(text: string): PayerMatch[] {
  const { compact: compactText, map } = compactWithMap(text);
  const hits = new Map<string, { m: PayerMatch; tier: Tier; len: number; compact: string }>();
  for (const alias of COMPILED) {
    let position: number;
    let edits = 0;
    if (alias.exact) {
      const m = alias.exact.exec(text);
      if (!m) continue;
      // Approximate the compacted position so exact and fuzzy hits sort together.
      position = compactOf(text.slice(0, m.index)).length;
    } else {
      // Pigeonhole filter: with k edits, one of k+1 disjoint pieces of the name is intact.
      if (!alias.pieces.some((piece) => compactText.includes(piece))) continue;
      const f = fuzzyFind(compactText, alias.compact, alias.maxEdits);
      if (!f) continue;
      position = Math.max(0, f.end - alias.compact.length);
      edits = f.edits;
      // The match must be whole words in the original ("Health Net" is not in "Health Network");
      // a fuzzy match may be one character short of the word's end.
      const startOrig = map[position]!;
      const endOrig = map[f.end - 1]!;
      const slack = edits > 0 ? 1 : 0;
      if (isAlnum(text[startOrig - 1]) && !(slack && !isAlnum(text[startOrig - 2]))) continue;
      if (isAlnum(text[endOrig + 1]) && !(slack && !isAlnum(text[endOrig + 2]))) continue;
    }
    const prev = hits.get(alias.entry.name);
    const cand = { m: { name: alias.entry.name, position, edits }, tier: alias.entry.tier, len: alias.compact.length, compact: alias.compact };
    // Of one payer's aliases the truest reading counts, then the longest: a misread long spelling
    // in the small print must not hide the exact name in the header.
    if (!prev || edits < prev.m.edits || (edits === prev.m.edits && cand.len > prev.len)) hits.set(alias.entry.name, cand);
  }
  const list = [...hits.values()];
  // A longer name that contains a shorter hit at the same place supersedes it
  // ("Blue Cross Blue Shield of Texas" over "Blue Cross" and "Blue Cross Blue Shield").
  // So does, anywhere on the card, a brand's fuller name beginning with a shorter hit of the same
  // tier ("Highmark Blue Shield" in the licensee line over "Highmark" in the claims address).
  // A longer name read with more edits hides a truer one only when it extends it ("Cigna HeaIthcare"
  // over "Cigna"), not when it is another name ("...of Arkansas" is two edits from "...of Kansas").
  const kept = list.filter(
    (h) =>
      !list.some(
        (o) =>
          o !== h &&
          o.len > h.len &&
          ((o.m.position <= h.m.position && o.m.position + o.len >= h.m.position + h.len && o.tier >= h.tier - 1 && (o.m.edits <= h.m.edits || o.compact.startsWith(h.compact))) ||
            (o.tier === h.tier && o.m.edits <= h.m.edits && o.compact.startsWith(h.compact))),
      ),
  );
  // An exact spelling beats a fuzzy one of the same tier ("ohm BlueCross..." is not Ohio).
  kept.sort((a, b) => b.tier - a.tier || a.m.edits - b.m.edits || a.m.position - b.m.position || b.len - a.len);
  return kept.map((h) => h.m);
}

/**
 * The payer a card or a written payer name refers to, as commonly printed; null when none is
 * recognised. Plan brands beat the network carrier printed beside them, carriers beat generic
 * programme words, and behavioral/pharmacy vendors count only when nothing else is named.
 */
export function findPayer(text: string): string | null {
  return findPayers(text)[0]?.name ?? null;
}

/** The payer a known name is a printing of ("Cigna" for "Cigna Healthcare"); the name itself otherwise. */
export function payerFamily(known: string): string {
  return FAMILY.get(known) ?? known;
}

/** Whether two payer names (e.g. the body's and the card's) name the same payer. */
export function samePayer(a: string, b: string): boolean {
  const pa = findPayer(a);
  const pb = findPayer(b);
  if (pa && pb) return payerFamily(pa) === payerFamily(pb);
  return compactOf(a) === compactOf(b);
}
