// The open draft's script and its problems, computed once per change for every consumer.
import { createContext, use } from "react";
import type { TimelineCheck } from "../model/problems";

export const TimelineCheckContext = createContext<TimelineCheck | null>(null);

export function useTimelineCheck(): TimelineCheck {
  const check = use(TimelineCheckContext);
  if (!check) throw new Error("useTimelineCheck needs a TimelineCheckContext above it");
  return check;
}
