import path from 'node:path';
import { TEMPLATE_DIR } from '../__testUtils__/day1Backend';
import { ExpositionError, parseExposition, parseValue } from './exposition';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('parseExposition (text format 0.0.4)', () => {
  it('reads HELP, TYPE, labels with escapes, special values and timestamps', () => {
    const families = parseExposition(
      lines(
        '# A comment that is not HELP or TYPE',
        '# HELP http_requests_total HTTP requests\\nserved, with a \\\\ backslash.',
        '# TYPE http_requests_total counter',
        'http_requests_total{method="post",code="200"} 1027 1395066363000',
        'http_requests_total{ method = "get" , path="C:\\\\dir\\"q\\"\\nx", } 3',
        '',
        '# TYPE temperature gauge',
        'temperature NaN',
        'temperature{room="a"} +Inf',
        'temperature{room="b"} -Inf',
        'temperature{room="c"} -1.5e-3 -17',
        'temperature{room="d"}\t.5',
        'no_type_line_metric{} 12',
      ),
    );
    expect(families.map(f => [f.name, f.type])).toEqual([
      ['http_requests_total', 'counter'],
      ['temperature', 'gauge'],
      ['no_type_line_metric', 'untyped'],
    ]);
    const [requests, temperature] = families;
    expect(requests.help).toBe('HTTP requests\nserved, with a \\ backslash.');
    expect(requests.samples).toEqual([
      {
        name: 'http_requests_total',
        labels: { method: 'post', code: '200' },
        value: 1027,
        timestamp: 1395066363000,
        line: 4,
      },
      {
        name: 'http_requests_total',
        labels: { method: 'get', path: 'C:\\dir"q"\nx' },
        value: 3,
        timestamp: undefined,
        line: 5,
      },
    ]);
    expect(temperature.samples.map(s => s.value)).toEqual([
      NaN,
      Infinity,
      -Infinity,
      -0.0015,
      0.5,
    ]);
    expect(temperature.samples[3].timestamp).toBe(-17);
  });

  it('groups histogram and summary samples by their suffixes', () => {
    const [histogram, summary] = parseExposition(
      lines(
        '# TYPE http_request_duration_seconds histogram',
        'http_request_duration_seconds_bucket{le="0.1"} 1',
        'http_request_duration_seconds_bucket{le="1"} 2',
        'http_request_duration_seconds_bucket{le="+Inf"} 3',
        'http_request_duration_seconds_sum 4.5',
        'http_request_duration_seconds_count 3',
        '# TYPE rpc_seconds summary',
        'rpc_seconds{quantile="0.5"} 0.2',
        'rpc_seconds{quantile="0.99"} NaN',
        'rpc_seconds_sum 17',
        'rpc_seconds_count 40',
      ),
    );
    expect(histogram.type).toBe('histogram');
    expect(histogram.samples.map(s => s.name)).toEqual([
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_bucket',
      'http_request_duration_seconds_sum',
      'http_request_duration_seconds_count',
    ]);
    expect(summary.samples).toHaveLength(4);
  });

  it("reads what the Day-1 skeleton's /metrics renders", () => {
    const { Metrics } = require(path.join(
      TEMPLATE_DIR,
      'skeleton/src/metrics',
    ));
    const metrics = new Metrics('svc');
    metrics.observe('GET', 200, 0.003);
    metrics.observe('GET', 200, 0.7);
    metrics.observe('POST', 500, 12);
    const [requests, durations] = parseExposition(metrics.render());
    expect(requests.samples.map(s => [s.labels, s.value])).toEqual([
      [{ service: 'svc', method: 'GET', code: '200' }, 2],
      [{ service: 'svc', method: 'POST', code: '500' }, 1],
    ]);
    expect(durations.type).toBe('histogram');
    expect(durations.samples).toHaveLength(2 * 14);
  });

  it('accepts an empty body and declared families without samples', () => {
    expect(parseExposition('')).toEqual([]);
    expect(
      parseExposition(lines('# TYPE a counter', '# HELP b', '# TYPE b gauge')),
    ).toEqual([
      { name: 'a', type: 'counter', samples: [] },
      { name: 'b', type: 'gauge', help: '', samples: [] },
    ]);
  });

  it.each([
    ['1st_metric 1', 1, 'invalid metric name'],
    ['bad-name 1', 1, 'invalid character "-" in the metric name'],
    ['metric', 1, 'missing value'],
    ['metric{}', 1, 'missing value'],
    ['metric abc', 1, 'invalid value abc'],
    ['metric 1 1.5', 1, 'invalid timestamp 1.5'],
    ['metric 1 2 3', 1, 'unexpected text after the timestamp'],
    ['metric{1a="x"} 1', 1, 'invalid label name'],
    ['metric{a:b="x"} 1', 1, 'expected = after label a'],
    ['metric{a=x} 1', 1, 'expected " to open the value of a'],
    ['metric{a="x} 1', 1, 'unterminated value of label a'],
    ['metric{a="\\t"} 1', 1, 'invalid escape \\t in label a'],
    ['metric{a="x" b="y"} 1', 1, 'expected , or } after a label'],
    ['metric{a="x",a="y"} 1', 1, 'duplicate label a'],
  ])('refuses %j naming line %i', (text, line, reason) => {
    expect(() =>
      parseExposition(lines('# TYPE ok gauge', 'ok 1', text)),
    ).toThrow(`line ${line + 2}: ${reason}`);
  });

  it.each([
    [
      ['# TYPE x counter', 'x 1', '# TYPE x counter'],
      3,
      'TYPE of x must come once',
    ],
    [
      ['x 1', '# TYPE x counter'],
      2,
      'TYPE of x must come once, before its samples',
    ],
    [['# TYPE x countr'], 1, 'invalid type countr'],
    [['# TYPE x'], 1, 'invalid type'],
    [['# TYPE 9x gauge'], 1, 'invalid metric name in # TYPE'],
    [['# HELP x a', '# HELP x b'], 2, 'second HELP line for x'],
    [['x 1', 'y 1', 'x 2'], 3, 'metric x appears again after other metrics'],
    [['x 1', 'x 2'], 2, 'duplicate series x'],
    [
      ['# TYPE h histogram', 'h 1'],
      2,
      'histogram h takes _bucket, _sum and _count samples',
    ],
    [
      ['# TYPE h histogram', 'h_bucket 1'],
      2,
      'histogram bucket without an le label',
    ],
    [['# TYPE h histogram', 'h_bucket{le="x"} 1'], 2, 'invalid le x'],
    [
      ['# TYPE h histogram', 'h_bucket{le="1"} 1'],
      2,
      'histogram h has no le="+Inf" bucket',
    ],
    [
      ['# TYPE h histogram', 'h_bucket{le="1"} 5', 'h_bucket{le="+Inf"} 4'],
      3,
      'bucket counts of h must not decrease',
    ],
    [
      ['# TYPE h histogram', 'h_bucket{le="+Inf"} 4', 'h_count 5'],
      3,
      'h_count differs from the le="+Inf" bucket',
    ],
    [
      ['# TYPE h histogram', 'h_sum{le="1"} 4'],
      2,
      'h_sum must not carry an le label',
    ],
    [['# TYPE s summary', 's 1'], 2, 'summary sample without a quantile label'],
    [['# TYPE s summary', 's{quantile="NaN"} 1'], 2, 'invalid quantile NaN'],
    [
      ['# TYPE s summary', 's_sum{quantile="0.5"} 1'],
      2,
      's_sum must not carry a quantile label',
    ],
  ])('refuses %j at line %i', (text, line, reason) => {
    let error: unknown;
    try {
      parseExposition(lines(...text));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ExpositionError);
    expect((error as ExpositionError).line).toBe(line);
    expect((error as Error).message).toContain(`line ${line}: ${reason}`);
  });

  it('requires the final line feed and names a long line shortened', () => {
    expect(() => parseExposition('x 1')).toThrow(
      'line 1: the last line must end with a line feed: "x 1"',
    );
    expect(() => parseExposition(`x ${'9'.repeat(300)}z\n`)).toThrow(/…"$/);
  });

  it('reads values as Go does for the text format', () => {
    expect(parseValue('1e3')).toBe(1000);
    expect(parseValue('-0')).toBe(-0);
    expect(parseValue('Inf')).toBe(Infinity);
    expect(parseValue('nan')).toBeNaN();
    expect(parseValue('0x10')).toBeUndefined();
    expect(parseValue('1_000')).toBeUndefined();
    expect(parseValue('')).toBeUndefined();
  });
});
