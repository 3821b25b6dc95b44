namespace LmcBot.Core.Chat;

/// <summary>
/// What an answer rests on: a document, the exact quote from it, and the provenance of the
/// paragraph that holds the quote (grade, source date, original URL, publisher).
/// </summary>
public sealed record Citation(string DocumentId, string Title, string Quote)
{
    /// <summary>official, wire, encyclopedic, article, secondary, or admin (an admin note: unsourced).</summary>
    public string? Grade { get; init; }

    public string? SourceDate { get; init; }

    public string? Url { get; init; }

    public string? Publisher { get; init; }

    /// <summary>One line for a footer: title, grade, date and URL where known.</summary>
    public string SourceLine()
    {
        var parts = new List<string> { Title };
        if (!string.IsNullOrEmpty(Publisher)) parts.Add(Publisher);
        if (!string.IsNullOrEmpty(Grade)) parts.Add(Grade == "admin" ? "admin note, unsourced" : Grade);
        if (!string.IsNullOrEmpty(SourceDate)) parts.Add(SourceDate);
        if (!string.IsNullOrEmpty(Url)) parts.Add(Url);
        return string.Join(" · ", parts);
    }
}
