type Notice = { textAr: string; textEn: string | null; healthTextAr: string | null; healthTextEn: string | null };

/** A privacy notice version as the applicant read it: both languages, each in its own direction,
 * and the health-data paragraph (with an optional heading) when it is shown. */
export function NoticeText({ notice, showHealth = true, healthTitle }: { notice: Notice; showHealth?: boolean; healthTitle?: string }) {
  return (
    <>
      <p lang="ar" dir="rtl" className="whitespace-pre-wrap">{notice.textAr}</p>
      {notice.textEn && <p lang="en" dir="ltr" className="whitespace-pre-wrap">{notice.textEn}</p>}
      {showHealth && notice.healthTextAr && (
        <div className="border-s-4 border-amber-300 ps-3">
          {healthTitle && <h3 className="font-semibold">{healthTitle}</h3>}
          <p lang="ar" dir="rtl" className="whitespace-pre-wrap">{notice.healthTextAr}</p>
          {notice.healthTextEn && <p lang="en" dir="ltr" className="whitespace-pre-wrap">{notice.healthTextEn}</p>}
        </div>
      )}
    </>
  );
}
