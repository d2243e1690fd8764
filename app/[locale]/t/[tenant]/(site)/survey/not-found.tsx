import { SurveyClosed } from "@/components/surveys/respond/RespondentPage";

/** A survey link that names no survey of this association answers 404 with the survey's own words. */
export default function SurveyNotFound() {
  return <SurveyClosed code="SURVEY_UNAVAILABLE" />;
}
