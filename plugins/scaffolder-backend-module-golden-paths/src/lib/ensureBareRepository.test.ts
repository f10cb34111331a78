import path from 'node:path';
import { ensureBareRepository, isBareRepository, tempDir } from './git';

describe('ensureBareRepository (real git)', () => {
  it('creates a repository exactly once when writers race', async () => {
    const root = await tempDir('gp-race');
    try {
      const repo = path.join(root.dir, 'nested', 'deployments.git');
      const results = await Promise.all(
        Array.from({ length: 8 }, () => ensureBareRepository(repo, 'main')),
      );
      expect(results.filter(r => r === 'created')).toHaveLength(1);
      expect(results.filter(r => r === 'existing')).toHaveLength(7);
      expect(await isBareRepository(repo)).toBe(true);
      await expect(ensureBareRepository(repo, 'main')).resolves.toBe(
        'existing',
      );
    } finally {
      await root.remove();
    }
  });
});
