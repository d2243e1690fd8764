import { pageTitle } from "@/lib/i18n/metadata";
import { PlatformBar } from "@/components/console/PlatformBar";
import ForgotPasswordPage from "../../t/[tenant]/(site)/forgot-password/page";

export const generateMetadata = pageTitle("auth.forgotTitle");

export default async function PlatformForgotPasswordPage(props: Parameters<typeof ForgotPasswordPage>[0]) {
  return (
    <>
      <PlatformBar />
      <ForgotPasswordPage {...props} />
    </>
  );
}
