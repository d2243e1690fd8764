import { hijriToGregorian, type YMD } from "../i18n/dates";

// Starting points a new association edits in its settings: a privacy notice written for PDPL
// (the Personal Data Protection Law) and the Saudi public holidays of a Hijri year.

export const DEFAULT_PRIVACY_NOTICE = {
  textAr:
    "تجمع الجمعية بياناتك الواردة في هذا النموذج (الاسم ورقم الهوية والجوال والبريد والمدينة وعدد أفراد الأسرة ووصف الحاجة) لغرض واحد هو دراسة طلبك وتقديم الخدمة والتواصل معك بشأنه، استنادًا إلى موافقتك وفق نظام حماية البيانات الشخصية. لا يطّلع عليها إلا المختصون في الجمعية (مسؤول علاقات المستفيدين والباحث الاجتماعي ولجنة البحث)، ولا تُشارك مع جهة أخرى إلا بموافقتك أو بمقتضى نظام. تُحفظ مدة خدمتك وما تفرضه الأنظمة بعدها. لك أن تطلب الاطلاع على بياناتك أو تصحيحها أو إتلافها أو أن تسحب موافقتك بالتواصل مع الجمعية.",
  textEn:
    "The association collects the data in this form (name, ID number, mobile, e-mail, city, household size and the description of your need) for one purpose: to study your request, provide the service and contact you about it, on the basis of your consent under the Personal Data Protection Law. Only the association's staff who handle requests (the beneficiary-relations officer, the social researcher and the research committee) see it, and it is not shared with anyone else without your consent or a legal obligation. It is kept while you are served and for as long as regulations require afterwards. You may ask to see, correct or delete your data, or withdraw your consent, by contacting the association.",
  healthTextAr:
    "قد يتضمن طلبك معلومات صحية (ومنها الصحة النفسية)، وهي بيانات حساسة. أوافق صراحةً على أن تعالجها الجمعية لدراسة طلبي وتقديم الخدمة فقط.",
  healthTextEn:
    "Your request may include health information (including mental health), which is sensitive data. I explicitly agree that the association processes it only to study my request and provide the service.",
};

type Holiday = { date: string; nameAr: string; nameEn: string };

const iso = ({ year, month, day }: YMD) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

function hijriRange(hijriYear: number, month: number, first: number, last: number, nameAr: string, nameEn: string): Holiday[] {
  const days: Holiday[] = [];
  for (let day = first; day <= last; day++) days.push({ date: iso(hijriToGregorian({ year: hijriYear, month, day })), nameAr, nameEn });
  return days;
}

/** Eid al-Fitr (1–3 Shawwal) and Eid al-Adha (10–12 Dhu al-Hijjah) of a Hijri year, with the
 * Founding Day (22 February) and the National Day (23 September) of the Gregorian years they
 * fall in. Dates follow Umm al-Qura; an association adjusts them when the moon sighting differs. */
export function saudiHolidays(hijriYear: number): Holiday[] {
  const eids = [
    ...hijriRange(hijriYear, 10, 1, 3, "عيد الفطر", "Eid al-Fitr"),
    ...hijriRange(hijriYear, 12, 10, 12, "عيد الأضحى", "Eid al-Adha"),
  ];
  const years = [...new Set(eids.map((h) => Number(h.date.slice(0, 4))))];
  const fixed = years.flatMap((year) => [
    { date: `${year}-02-22`, nameAr: "يوم التأسيس", nameEn: "Founding Day" },
    { date: `${year}-09-23`, nameAr: "اليوم الوطني", nameEn: "National Day" },
  ]);
  return [...eids, ...fixed].sort((a, b) => a.date.localeCompare(b.date));
}
