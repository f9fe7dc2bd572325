/**
 * Pinyin for Chinese text, loaded only when first asked for: pinyin-pro's dictionary costs ~80 ms
 * to import, too much for the first card to wait on.
 */
export async function loadPinyin(): Promise<(zh: string) => string> {
  const { pinyin } = await import('pinyin-pro');
  // pinyin-pro spaces punctuation like a syllable ("tān wèi , kōng"); it reads better attached.
  return (zh) => pinyin(zh, { toneType: 'symbol', nonZh: 'consecutive' })
    .replace(/\s+([,.!?;:)\]，。！？；：、）」』》”’…])/g, '$1')
    .replace(/([(\[（「『《“‘])\s+/g, '$1');
}
