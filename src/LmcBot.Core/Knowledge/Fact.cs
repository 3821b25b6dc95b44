namespace LmcBot.Core.Knowledge;

/// <summary>
/// A typed fact: a kind, its fields, a one-sentence statement used as the answer, and the citation it
/// rests on (document + exact quote, or URL + quote, or an explicit admin note).
/// </summary>
public sealed class Fact
{
    public string Id { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Statement { get; set; } = "";
    /// <summary>Typed fields; a scalar is a one-item list.</summary>
    public Dictionary<string, List<string>> Fields { get; set; } = new(StringComparer.Ordinal);
    public List<string> About { get; set; } = [];
    public List<string> Keywords { get; set; } = [];
    /// <summary>Facts that share a claim are versions of one disputed claim.</summary>
    public string? Claim { get; set; }
    public string? DocumentId { get; set; }
    public string? Quote { get; set; }
    /// <summary>Web page of the quote, for admin facts that cite a URL rather than a stored document.</summary>
    public string? SourceUrl { get; set; }
    /// <summary>No source: shown as an unsourced admin note.</summary>
    public bool AdminNote { get; set; }
    public KnowledgeOrigin Origin { get; set; }
    /// <summary>An admin changed or removed this shipped fact; re-syncs of the files leave it alone.</summary>
    public bool AdminOverride { get; set; }
    /// <summary>Hash of the shipped definition this record was last synced from.</summary>
    public string? ShippedHash { get; set; }
    public int Version { get; set; } = 1;
    public bool Removed { get; set; }
    public DateTime UpdatedAt { get; set; }

    public string? Get(string field) => Fields.TryGetValue(field, out var values) && values.Count > 0 ? values[0] : null;

    public IReadOnlyList<string> GetList(string field) => Fields.TryGetValue(field, out var values) ? values : [];

    /// <summary>The fact's date for ordering: the first date field it has.</summary>
    public string? SortDate()
    {
        foreach (var name in (string[])["date", "year", "opened", "first_run", "launched", "founded", "announced"])
            if (Get(name) is { Length: > 0 } value) return value;
        return null;
    }

    public Fact Clone()
    {
        var copy = (Fact)MemberwiseClone();
        copy.Fields = Fields.ToDictionary(p => p.Key, p => p.Value.ToList(), StringComparer.Ordinal);
        copy.About = [.. About];
        copy.Keywords = [.. Keywords];
        return copy;
    }
}
