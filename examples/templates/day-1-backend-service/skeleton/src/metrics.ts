/**
 * Prometheus metrics in the text exposition format, without dependencies:
 * http_requests_total (counter) and http_request_duration_seconds
 * (histogram), labelled with service, method and code. The alerting rules
 * created by the Day-1 golden path read exactly these series.
 */
const BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

interface Series {
  count: number;
  sum: number;
  buckets: number[];
}

export class Metrics {
  private readonly series = new Map<string, Series>();

  private readonly service: string;

  constructor(service: string) {
    this.service = service;
  }

  observe(method: string, code: number, seconds: number) {
    const key = `${method} ${code}`;
    let s = this.series.get(key);
    if (!s) {
      s = { count: 0, sum: 0, buckets: BUCKETS.map(() => 0) };
      this.series.set(key, s);
    }
    s.count += 1;
    s.sum += seconds;
    BUCKETS.forEach((le, i) => {
      if (seconds <= le) s!.buckets[i] += 1;
    });
  }

  render(): string {
    const lines = [
      '# HELP http_requests_total HTTP requests served.',
      '# TYPE http_requests_total counter',
    ];
    const labels = (method: string, code: string) =>
      `service="${this.service}",method="${method}",code="${code}"`;
    for (const [key, s] of this.series) {
      const [method, code] = key.split(' ');
      lines.push(`http_requests_total{${labels(method, code)}} ${s.count}`);
    }
    lines.push(
      '# HELP http_request_duration_seconds HTTP request durations.',
      '# TYPE http_request_duration_seconds histogram',
    );
    for (const [key, s] of this.series) {
      const [method, code] = key.split(' ');
      BUCKETS.forEach((le, i) => {
        lines.push(
          `http_request_duration_seconds_bucket{${labels(
            method,
            code,
          )},le="${le}"} ${s.buckets[i]}`,
        );
      });
      lines.push(
        `http_request_duration_seconds_bucket{${labels(
          method,
          code,
        )},le="+Inf"} ${s.count}`,
        `http_request_duration_seconds_sum{${labels(method, code)}} ${s.sum}`,
        `http_request_duration_seconds_count{${labels(method, code)}} ${
          s.count
        }`,
      );
    }
    return `${lines.join('\n')}\n`;
  }
}
