// Posts Next.js would answer with a 500: a body over its 1 MB server-action limit, or action
// arguments that are not the JSON React sends. Refused here with 413 or 400 before Next reads them.

/** Next's default `serverActions.bodySizeLimit` (1 MB). */
export const MAX_POST_BYTES = 1024 * 1024;

const TOO_LARGE = "الطلب أكبر من الحد المسموح (١ ميغابايت).\nThe request is larger than allowed (1 MB).\n";
const MALFORMED = "تعذّر قراءة الطلب.\nThe request could not be read.\n";

const refuse = (status: number, text: string) => new Response(text, { status, headers: { "content-type": "text/plain; charset=utf-8" } });

export async function refusedPost(request: Request): Promise<Response | null> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_POST_BYTES) return refuse(413, TOO_LARGE);
  if (!request.headers.get("next-action")) return null;
  try {
    const type = request.headers.get("content-type") ?? "";
    // With a FormData, the arguments' root is the field "0"; otherwise the body is the JSON itself.
    const root = type.startsWith("multipart/form-data") ? (await request.clone().formData()).get("0") : await request.clone().text();
    // React always sends the arguments as a JSON array.
    if (typeof root === "string" && !Array.isArray(JSON.parse(root))) return refuse(400, MALFORMED);
    return null;
  } catch {
    return refuse(400, MALFORMED);
  }
}
