import { notFound } from "next/navigation";

/** Any path the platform does not serve. */
export default function UnknownPlatformPath() {
  notFound();
}
