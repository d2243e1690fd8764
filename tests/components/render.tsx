import { render } from "@testing-library/react";
import { NextIntlClientProvider } from "next-intl";
import type { ReactElement } from "react";
import ar from "@/messages/ar.json";
import en from "@/messages/en.json";

/** Renders a client component inside the app's intl provider, in Arabic by default. */
export function renderIntl(ui: ReactElement, locale: "ar" | "en" = "ar") {
  return render(
    <NextIntlClientProvider locale={locale} messages={locale === "ar" ? ar : en} timeZone="Asia/Riyadh">
      <div dir={locale === "ar" ? "rtl" : "ltr"}>{ui}</div>
    </NextIntlClientProvider>,
  );
}
