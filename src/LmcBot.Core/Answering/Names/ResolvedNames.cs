namespace LmcBot.Core.Answering.Names;

/// <summary>Stage 2's result: the question's words with names resolved.</summary>
internal sealed class ResolvedNames
{
    /// <summary>Folded tokens as typed, after native-script names and question words became English.</summary>
    public required string[] Typed { get; init; }

    /// <summary>The same tokens with typos of known words corrected.</summary>
    public required string[] Tokens { get; init; }

    public required List<EntityMention> Mentions { get; init; }

    /// <summary>Words the question writes as names (capitalised mid-sentence) that match nothing known ("Tesla").</summary>
    public required List<string> UnknownNames { get; init; }

    /// <summary>Folded alias texts the question used for its entities when not the canonical name ("mlc").</summary>
    public required List<string> AliasTexts { get; init; }

    /// <summary>Whether a token is a word the knowledge base knows or part of a name.</summary>
    public required Func<string, bool> IsKnownOrName { get; init; }

    /// <summary>The question in English words with every recognised name written canonically: what the sentence model embeds.</summary>
    public required string CanonicalText { get; init; }

    /// <summary>Native-script text was turned into English (names or question words).</summary>
    public bool Translated { get; init; }
}
