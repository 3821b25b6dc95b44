using LmcBot.Core.Chat;

namespace LmcBot.Core.Answering;

/// <summary>A document sentence prepared for full-text fallback answers.</summary>
internal sealed class IndexedSentence(int id, string text, string documentId)
{
    public int Id { get; } = id;
    public string Text { get; } = text;
    public string DocumentId { get; } = documentId;
    public HashSet<int> Entities { get; } = [];
    public HashSet<string> Terms { get; } = new(StringComparer.Ordinal);
    public Citation Citation { get; set; } = null!;
    public int GradeRank { get; set; } = 6;

    private string? _folded;

    /// <summary>The text folded, with spaces around, for phrase checks (worked out on first use, then kept).</summary>
    public string Folded => _folded ??= " " + LmcBot.Core.Text.TextFolding.Fold(Text) + " ";

    private int _latestYear = -1;

    /// <summary>The latest year (1900-2099) it names as a whole word, or 0.</summary>
    public int LatestYear
    {
        get
        {
            if (_latestYear < 0)
                _latestYear = System.Text.RegularExpressions.Regex.Matches(Text, @"\b(19|20)\d\d\b")
                    .Select(m => int.Parse(m.ValueSpan, System.Globalization.CultureInfo.InvariantCulture)).DefaultIfEmpty(0).Max();
            return _latestYear;
        }
    }

    /// <summary>It names a year (1900-2099), as a whole word.</summary>
    public bool HasYear => LatestYear > 0;
}
