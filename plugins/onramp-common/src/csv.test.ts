import { csvCell, toCsv } from './csv';

describe('CSV', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+SUM(A1)', "'+SUM(A1)"],
    ['-2', "'-2"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
  ])('neutralises the formula cell %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('quotes separators and quotes, and writes numbers as numbers', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell(-2)).toBe('-2');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes a document with CRLF line ends', () => {
    expect(toCsv(['a', 'b'], [['=x', 1]])).toBe("a,b\r\n'=x,1\r\n");
  });
});
