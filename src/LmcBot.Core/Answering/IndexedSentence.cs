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
}
