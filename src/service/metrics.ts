/** GET /metrics: counters and a duration histogram in Prometheus' text exposition format. */
import type { JobState } from "./schemas.ts";

const DURATION_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300];

export class Metrics {
  private readonly requests = new Map<string, number>();
  private readonly finished = new Map<string, number>();
  private readonly buckets = DURATION_BUCKETS.map(() => 0);
  private durationCount = 0;
  private durationSum = 0;
  private submitted = 0;

  request(method: string, route: string, status: number): void {
    const key = `method="${method}",route="${route}",status="${status}"`;
    this.requests.set(key, (this.requests.get(key) ?? 0) + 1);
  }

  jobSubmitted(): void {
    this.submitted++;
  }

  /** A job this instance ran, by how it ended. */
  jobFinished(state: "completed" | "failed", seconds: number): void {
    this.finished.set(state, (this.finished.get(state) ?? 0) + 1);
    this.durationCount++;
    this.durationSum += seconds;
    DURATION_BUCKETS.forEach((bound, index) => {
      if (seconds <= bound) this.buckets[index] = (this.buckets[index] ?? 0) + 1;
    });
  }

  /** The exposition text; `jobs` are the queue's counts by state (shared by every instance on a Redis queue). */
  render(jobs: Record<JobState, number>): string {
    const lines = [
      "# HELP pygen_jobs Jobs in the queue by state (every instance's jobs on a shared queue).",
      "# TYPE pygen_jobs gauge",
      ...Object.entries(jobs).map(([state, count]) => `pygen_jobs{state="${state}"} ${count}`),
      "# HELP pygen_queue_depth Jobs waiting to run.",
      "# TYPE pygen_queue_depth gauge",
      `pygen_queue_depth ${jobs.queued}`,
      "# HELP pygen_jobs_submitted_total Jobs this instance accepted.",
      "# TYPE pygen_jobs_submitted_total counter",
      `pygen_jobs_submitted_total ${this.submitted}`,
      "# HELP pygen_jobs_finished_total Jobs this instance ran to an end, by outcome.",
      "# TYPE pygen_jobs_finished_total counter",
      ...["completed", "failed"].map((state) => `pygen_jobs_finished_total{state="${state}"} ${this.finished.get(state) ?? 0}`),
      "# HELP pygen_job_duration_seconds Time from a job's start to its end on this instance.",
      "# TYPE pygen_job_duration_seconds histogram",
      ...DURATION_BUCKETS.map((bound, index) => `pygen_job_duration_seconds_bucket{le="${bound}"} ${this.buckets[index]}`),
      `pygen_job_duration_seconds_bucket{le="+Inf"} ${this.durationCount}`,
      `pygen_job_duration_seconds_sum ${this.durationSum}`,
      `pygen_job_duration_seconds_count ${this.durationCount}`,
      "# HELP pygen_http_requests_total HTTP requests by method, route and status.",
      "# TYPE pygen_http_requests_total counter",
      ...[...this.requests].map(([labels, count]) => `pygen_http_requests_total{${labels}} ${count}`),
    ];
    return `${lines.join("\n")}\n`;
  }
}
