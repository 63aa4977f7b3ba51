/** Text with the matched words marked, so the eye finds why an article came up. */
export function Highlighted({ text, words }: { text: string; words: readonly string[] }): React.JSX.Element {
  const usable = [...words].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  if (usable.length === 0) return <>{text}</>;
  const pattern = new RegExp(`(${usable.map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|')})`, 'gu');
  return (
    <>
      {text.split(pattern).map((part, i) =>
        usable.includes(part) ? (
          <mark key={i} className="kb-match">
            {part}
          </mark>
        ) : (
          <span key={i}>{part}</span>
        ),
      )}
    </>
  );
}
