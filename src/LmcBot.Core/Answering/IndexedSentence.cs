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

    private int _hasYear;

    /// <summary>It names a year (1900-2099), as a whole word.</summary>
    public bool HasYear => (_hasYear == 0 ? _hasYear = System.Text.RegularExpressions.Regex.IsMatch(Text, @"\b(19|20)\d\d\b") ? 1 : -1 : _hasYear) > 0;
}
