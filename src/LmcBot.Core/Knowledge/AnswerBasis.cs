namespace LmcBot.Core.Knowledge;

/// <summary>
/// What an answer rested on when it was given: the version of each of its facts, or, for an answer quoted from a
/// document's text (no facts), each document's content hash. Compared with the knowledge as it is now, it tells
/// whether the answer has been fixed since.
/// </summary>
public sealed class AnswerBasis
{
    /// <summary>Fact id → the fact's version when the answer was given.</summary>
    public Dictionary<string, int> FactVersions { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Document id → the document's content hash, for an answer that rests on no fact.</summary>
    public Dictionary<string, string> DocumentHashes { get; set; } = new(StringComparer.Ordinal);

    /// <summary>An answer that rests on nothing the knowledge base can edit.</summary>
    public static AnswerBasis None => new();

    /// <summary>
    /// Whether every fact and document the answer rested on is still as it was: false once one was edited (its version
    /// or content changed) or removed (<paramref name="factVersion"/> or <paramref name="documentHash"/> gives null).
    /// </summary>
    public bool StillHolds(Func<string, int?> factVersion, Func<string, string?> documentHash) =>
        FactVersions.All(p => factVersion(p.Key) == p.Value)
        && DocumentHashes.All(p => documentHash(p.Key) == p.Value);
}
