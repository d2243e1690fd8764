import { notFound } from "next/navigation";

/** Any path an association's site does not serve. */
export default function UnknownSitePath() {
  notFound();
}
