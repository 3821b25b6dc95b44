namespace LmcBot.Core.Knowledge;

/// <summary>A source a document's paragraphs point at with <c>[^key]</c>.</summary>
public sealed class DocumentSource
{
    public string Key { get; set; } = "";
    public string? Url { get; set; }
    public string Grade { get; set; } = SourceGrade.Article;
    public string? Date { get; set; }
    public string? Publisher { get; set; }
}
