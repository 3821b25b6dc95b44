namespace LmcBot.Core.Knowledge;

/// <summary>Grades of sources, best first, and how answers rank them.</summary>
public static class SourceGrade
{
    public const string Official = "official";
    public const string Wire = "wire";
    public const string Encyclopedic = "encyclopedic";
    public const string Article = "article";
    public const string Secondary = "secondary";
    /// <summary>An admin note without a source.</summary>
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Official, Wire, Encyclopedic, Article, Secondary];

    public static bool IsKnown(string? grade) => grade is not null && All.Contains(grade);

    /// <summary>Lower is better; unknown grades rank last.</summary>
    public static int Rank(string? grade) => grade switch
    {
        Official => 0,
        Wire => 1,
        Encyclopedic => 2,
        Article => 3,
        Admin => 4,
        Secondary => 5,
        _ => 6,
    };

    /// <summary>How a grade reads in an answer.</summary>
    public static string Describe(string? grade) => grade switch
    {
        Official => "official source",
        Wire => "news agency",
        Encyclopedic => "encyclopedic source",
        Article => "the seed article",
        Secondary => "secondary source, unconfirmed",
        Admin => "admin note, unsourced",
        _ => "source",
    };
}
