// React access to the open draft's store: narrow selectors only, so an edit re-renders the
// components that show what changed and nothing else.
import { createContext, use } from "react";
import type { TemporalState } from "zundo";
import { useStore } from "zustand";
import type { DraftActions, DraftState, DraftStore } from "./draft-store";

export const DraftStoreContext = createContext<DraftStore | null>(null);

export function useDraftStoreApi(): DraftStore {
  const store = use(DraftStoreContext);
  if (!store) throw new Error("useDraftStore needs a DraftStoreContext above it");
  return store;
}

export function useDraftStore<T>(selector: (state: DraftState) => T): T {
  return useStore(useDraftStoreApi(), selector);
}

export function useDraftActions(): DraftActions {
  return useStore(useDraftStoreApi(), (s) => s.actions);
}

type History = TemporalState<Pick<DraftState, "timeline" | "name">>;

export function useDraftHistory<T>(selector: (state: History) => T): T {
  return useStore(useDraftStoreApi().temporal, selector);
}
