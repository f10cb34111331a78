import { serviceNameProblem } from './serviceName';

describe('serviceNameProblem', () => {
  it('accepts DNS labels', () => {
    expect(serviceNameProblem('day1-foo')).toBeUndefined();
    expect(serviceNameProblem('a')).toBeUndefined();
    expect(serviceNameProblem(`a${'b'.repeat(62)}`)).toBeUndefined();
  });

  it.each([
    ['', 'Enter a name'],
    ['1abc', 'Lowercase letters'],
    ['Abc', 'Lowercase letters'],
    ['abc-', 'Lowercase letters'],
    ['a_b', 'Lowercase letters'],
    [`a${'b'.repeat(63)}`, 'At most 63 characters'],
  ])('refuses %j', (name, problem) => {
    expect(serviceNameProblem(name)).toContain(problem);
  });
});
