import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { SimulateClient } from "../../../api/simulate-client";
import { jobKeys } from "./query-keys";

export function useCancelJob(client: SimulateClient) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => client.cancelJob(jobId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: jobKeys.all }),
  });
}
