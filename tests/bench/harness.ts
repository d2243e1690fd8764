import { spawnSync } from "node:child_process";
import http from "node:http";
import path from "node:path";
import { withCheckDigit } from "../../lib/requests/identity";

// What the benchmarks share: plain HTTP with a Host header (it names the association), the
// intake form as a browser reads it, and valid applicants that are never duplicates.

const ROOT = path.resolve(__dirname, "../..");

/** The n-th valid national ID (1 + 8 digits + check digit) and mobile number. */
export function applicant(n: number) {
  const body = `1${String(n).padStart(8, "0")}`;
  return { idNumber: withCheckDigit(body), phone: `05${String(n).padStart(8, "0")}` };
}

/** Node's fetch drops a Host header, and the host names the association: plain http instead. */
export function request(pathname: string, host: string, options: { method?: string; headers?: Record<string, string>; body?: string; port: number }) {
  return new Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }>((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: options.port, path: pathname, method: options.method ?? "GET", headers: { ...options.headers, host } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8"), headers: res.headers }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

export function run(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const result = spawnSync(command, args, { cwd: ROOT, env, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed`);
}

/** Polls `pathname` on `host` until it answers 200; returns the milliseconds waited. */
export async function waitFor(pathname: string, host: string, port: number): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < 2400; i++) {
    try {
      if ((await request(pathname, host, { port })).status === 200) return performance.now() - started;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${host}${pathname} did not answer 200`);
}

/** The form's hidden fields ($ACTION_*) and its support type and channel options. */
export async function readForm(host: string, port: number) {
  const response = await request("/request", host, { port });
  const html = response.body;
  const hidden = [...html.matchAll(/<input type="hidden" name="(\$ACTION_[^"]+)"(?: value="([^"]*)")?/g)].map(([, name, value]) => [
    name,
    (value ?? "").replace(/&quot;/g, '"').replace(/&amp;/g, "&"),
  ]);
  const option = (name: string) => html.match(new RegExp(`<select[^>]*name="${name}"[\\s\\S]*?<option[^>]*value="([^"]+)"`))?.[1];
  const supportType = option("supportTypeKey");
  const channel = option("channelKey");
  const actionId = hidden.find(([name]) => name === "$ACTION_1:0")?.[1].match(/"id":"([0-9a-f]+)"/)?.[1];
  if (hidden.length === 0 || !supportType || !channel || !actionId) throw new Error(`could not read the intake form (HTTP ${response.status}): ${html.slice(0, 300)}`);
  return { hidden: hidden as [string, string][], supportType, channel, actionId };
}

export function multipart(fields: [string, string][], boundary: string) {
  return fields.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
}


/** A valid intake form for the n-th applicant (each has its own national ID and mobile). */
export function intakeFields(n: number, form: { supportType: string; channel: string }, applicantName: string): [string, string][] {
  const person = applicant(n);
  return [
    ["applicantName", applicantName],
    ["idType", "NATIONAL_ID"],
    ["idNumber", person.idNumber],
    ["phone", person.phone],
    ["city", "الحلاه"],
    ["householdSize", "4"],
    ["supportTypeKey", form.supportType],
    ["channelKey", form.channel],
    ["description", "طلب مساعدة لقياس الأداء، نص وصفي كاف للتحقق."],
    ["privacyConsent", "on"],
    ["healthConsent", "on"],
    ["accuracyDeclaration", "on"],
    ["website", ""],
  ];
}

/** The body React posts for a form action with JavaScript: the form's fields, then the arguments
 * (previous state, the form). */
export function actionBody(fields: [string, string][], boundary: string) {
  return multipart([...fields.map(([name, value]): [string, string] => [`_1_${name}`, value]), ["0", JSON.stringify([{}, "$K1"])]], boundary);
}
