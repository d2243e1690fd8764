import { pageTitle } from "@/lib/i18n/metadata";
import { PlatformBar } from "@/components/console/PlatformBar";
import ResetPasswordPage from "../../../t/[tenant]/(site)/reset-password/[token]/page";

export const generateMetadata = pageTitle("auth.resetTitle");

export default async function PlatformResetPasswordPage(props: Parameters<typeof ResetPasswordPage>[0]) {
  return (
    <>
      <PlatformBar />
      <ResetPasswordPage {...props} />
    </>
  );
}
