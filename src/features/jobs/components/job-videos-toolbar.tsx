// Above a job's players: Compare (two or more videos side by side) and what the app adds, such
// as "Download all".
import type { ReactNode } from "react";
import { Link } from "wouter";
import { buttonClassName } from "../../../components/button-class";
import { compareHref, MAX_COMPARED, MIN_COMPARED } from "../../../lib/compare/compare-link";
import type { StreamView } from "./job-detail";

export function JobVideosToolbar({
  jobId,
  views,
  children,
}: {
  jobId: string;
  views: StreamView[];
  children?: ReactNode;
}) {
  const withVideo = views.filter((view) => view.stream.video_url);
  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      <h2 className="mr-auto text-sm font-semibold">
        Videos{" "}
        <span className="font-normal text-zinc-500 dark:text-zinc-400">
          {withVideo.length} of {views.length}
        </span>
      </h2>
      {withVideo.length >= MIN_COMPARED ? (
        <Link
          to={compareHref({
            streamIds: withVideo.map((view) => view.stream.stream_id),
            jobId,
          })}
          title={
            withVideo.length > MAX_COMPARED
              ? `Play the first ${MAX_COMPARED} videos side by side, in sync`
              : "Play the videos side by side, in sync"
          }
          className={`${buttonClassName("secondary")} shrink-0`}
        >
          Compare
        </Link>
      ) : null}
      {children}
    </div>
  );
}
