/**
 * Pinyin for Chinese text, loaded only when first asked for: pinyin-pro's dictionary costs ~80 ms
 * to import, too much for the first card to wait on.
 */
export async function loadPinyin(): Promise<(zh: string) => string> {
  const { pinyin } = await import('pinyin-pro');
  return (zh) => pinyin(zh, { toneType: 'symbol', nonZh: 'consecutive' });
}
