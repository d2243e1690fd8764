import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { FormState } from "@/lib/auth/form";
import { renderIntl } from "./render";

let answer: FormState = {};
const received: FormData[] = [];
jest.mock("@/lib/associations/actions", () => {
  const action = async (_state: FormState, form: FormData) => (received.push(form), answer);
  return { registerAssociationAction: action, createAssociationAction: action, setStatusAction: action, addDomainAction: action };
});

import { AssociationForm } from "@/components/console/ConsoleForms";

it("shows each field's localized error and keeps every value typed", async () => {
  renderIntl(<AssociationForm mode="register" exampleHost="your-name.localhost:3000" templates={["qader", "alhilah"]} />);
  await userEvent.type(screen.getByLabelText("اسم الجمعية بالعربية"), "جمعية الاختبار");
  await userEvent.type(screen.getByLabelText("النطاق الفرعي"), "www");
  await userEvent.click(screen.getByRole("radio", { name: /الحلاه/ }));
  answer = {
    fieldErrors: { slug: "validation.slugReserved", adminEmail: "validation.emailInvalid", nameEn: "validation.required" },
    values: { nameAr: "جمعية الاختبار", slug: "www", template: "alhilah", nameEn: "" },
  };
  await userEvent.click(screen.getByRole("button", { name: "أنشئ الجمعية" }));
  await waitFor(() => expect(screen.getByText("هذا النطاق محجوز للمنصة، اختر غيره.")).toBeInTheDocument());
  expect(screen.getByText(/أدخل بريدًا إلكترونيًا صحيحًا/)).toBeInTheDocument();
  expect(screen.getByLabelText("اسم الجمعية بالعربية")).toHaveValue("جمعية الاختبار");
  expect(screen.getByLabelText("النطاق الفرعي")).toHaveValue("www");
  expect(screen.getByRole("radio", { name: /الحلاه/ })).toBeChecked();
  expect(received[0]!.get("template")).toBe("alhilah");
});
