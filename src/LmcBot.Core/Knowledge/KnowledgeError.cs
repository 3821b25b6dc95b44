namespace LmcBot.Core.Knowledge;

/// <summary>One validation problem: the file, the line or fact id, and what is wrong.</summary>
public sealed record KnowledgeError(string File, int? Line, string? Id, string Message)
{
    public override string ToString()
    {
        var where = File;
        if (Line is not null) where += $":{Line}";
        if (Id is not null) where += $" ({Id})";
        return $"{where}: {Message}";
    }
}
