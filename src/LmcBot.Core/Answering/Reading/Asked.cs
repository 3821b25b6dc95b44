namespace LmcBot.Core.Answering.Reading;

/// <summary>What a question asks for: the answer type its question words call for.</summary>
internal enum Asked
{
    /// <summary>Nothing specific: a statement about the subject answers it.</summary>
    What,
    Who,
    When,
    Where,
    HowMany,
    HowMuch,
    Why,
    /// <summary>Every item of a kind ("list the meetings", "which companies").</summary>
    List,
    /// <summary>A name or year on its own ("tell me about Luang Prabang", "what happened in 2024").</summary>
    Overview,
}

/// <summary>Reads <see cref="Asked"/> from an analysed question.</summary>
internal static class AskedReading
{
    public static Asked Of(QuestionAnalysis q)
    {
        var t = q.Tokens;
        bool Has(string w) => Array.IndexOf(t, w) >= 0;
        if (Lexicon.Overlap(q.AllTerms, Lexicon.ReasonCues)) return Asked.Why;
        if (Has("how") && Has("many")) return Asked.HowMany;
        if ((Has("how") && (Has("much") || Has("long") || Has("big") || Has("large"))) || q.AsksQuantity) return Asked.HowMuch;
        if (q.AsksWhen) return Asked.When;
        if (Has("where")) return Asked.Where;
        if (Has("who") || Has("whom") || Has("whose")) return Asked.Who;
        if (Array.Exists(t, Lexicon.ListCues.Contains)) return Asked.List;
        if (q.ContentTerms.Count == 0 && (q.Mentions.Count > 0 || q.Years.Count > 0)) return Asked.Overview;
        if (q.ContentTerms.Count > 0 && q.ContentTerms.All(c => c is "happen" or "news" or "event") && q.Years.Count > 0) return Asked.Overview;
        return Asked.What;
    }
}
