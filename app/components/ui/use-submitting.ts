import { useNavigation } from "react-router";

/**
 * The fields of the form the page is sending, from the moment it is sent until its answer and the
 * page's data are in; null otherwise (and for a search form, which only reads). React Router shows
 * an action's answer while it reloads the page's data, so a form that waited only while it was
 * being sent came back during that reload, and a second submission then aborted it.
 */
export function usePendingForm(): FormData | null {
  const navigation = useNavigation();
  if (navigation.state === "idle" || !navigation.formData) return null;
  return navigation.formMethod?.toUpperCase() === "GET" ? null : navigation.formData;
}

/** Whether the page is sending a form (`usePendingForm`): its buttons wait. */
export function useSubmitting(): boolean {
  return usePendingForm() !== null;
}
