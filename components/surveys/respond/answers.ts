import { answerField, type Question } from "@/lib/surveys/schema";

// The respondent's answers as the form holds them: form field (a_<key>) → the value(s) sent.

export type FormAnswers = Record<string, string | string[]>;

/** The answers echoed by a rejected submission, so nothing the respondent chose is lost. */
export function echoedAnswers(questions: Question[], values: Record<string, string | string[]> | undefined): FormAnswers {
  const out: FormAnswers = {};
  for (const q of questions) {
    const value = values?.[answerField(q.key)];
    if (value === undefined) continue;
    out[answerField(q.key)] = q.type === "MULTIPLE" ? [value].flat() : [value].flat()[0];
  }
  return out;
}

export const isAnswered = (value: string | string[] | undefined) =>
  Array.isArray(value) ? value.length > 0 : typeof value === "string" && value.trim() !== "";

export const countAnswered = (questions: Question[], answers: FormAnswers) =>
  questions.filter((q) => isAnswered(answers[answerField(q.key)])).length;
