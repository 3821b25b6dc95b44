namespace LmcBot.Core.Answering.Scoring;

/// <summary>
/// The named features the scorer reads, each with the range it takes. Every value is scaled into
/// [0, 1], so a fitted weight says how much a feature moves the log-odds at most, and a candidate's
/// best possible score follows from the weights alone (<see cref="LogisticModel.UpperBound"/>).
/// </summary>
internal static class FeatureSet
{
    public static readonly string[] Names =
    [
        "lexical",            // BM25 of the subject terms over the most the question's terms could give
        "coverage",           // share of the question's known subject words the candidate holds
        "unknown-words",      // subject words neither the knowledge base nor English knows (likely names), /3
        "unknown-english",    // subject words the knowledge base does not know but English does (ordinary words), /3
        "unknown-before-subject", // an unknown word right before a subject word ("ticket price")
        "entities-matched",   // share of the question's entities the candidate names
        "entity-missing",     // it lacks an entity the question requires (or contradicts an ordinal or category)
        "entity-about",       // it is about a question entity (its name, subject or investor)
        "no-entities",        // the question names no entity
        "fuzzy-entity",       // an entity was recognised only through a typo
        "dense",              // cosine similarity to the question (0 when the model did not run)
        "dense-gap",          // how far below the best dense candidate it is
        "dense-top",          // it is the best dense candidate
        "year-match",         // it is dated in a year the question names
        "year-conflict",      // it is dated, but not in any year the question names
        "year-undated",       // the question names a year and it has none
        "number-match",       // it contains a number the question quotes
        "attribute-present",  // it holds the attribute a "what is the X of" question asks for
        "attribute-absent",   // it does not
        "type-match",         // it gives what the question word asks for (a date for when, a figure for how much, a place for where…)
        "type-mismatch",      // it cannot (no date for when, no number for how much)
        "wanted-entity",      // it names an entity of the type "which country / company / city" asks for
        "kind-affinity",      // the question's cue words point at its kind of fact
        "grade",              // its source's grade rank, /6 (0 official … 1 unknown; secondary is 5/6)
        "sentence",           // it is a document sentence, not a typed fact
        "category-conflict",  // it is of another category than the one named ("leaders'" for a ministers' meeting)
        "alias-match",        // its statement uses the alias the question used
        "phrases",            // share of the question's two-word phrases it holds
        "lexical-rank",       // 1 / (1 + its lexical rank); 0 when only dense retrieval found it
        "no-content",         // the question has no subject words (a name or year on its own)
        "introduces",         // it introduces the entity an overview asks about
        "translated",         // the question was written in another script or language
        "content-words",      // how many subject words the question has, /6
        "reason",             // a why-question and it states a reason
        "future",             // the question asks about what comes next and it states a future date
        "recency",            // how recent its latest year is among the dated candidates (0 the oldest, 1 the newest)
        "newest",             // the question asks for the latest and it is among the newest dated candidates
        "rank-margin",        // how far the ranker put it ahead of the runner-up, d / (1 + d); only the first candidate has one
        "rank-score",         // the ranker's share of the first candidate: its softmax over the question's candidates
    ];

    public static int Count => Names.Length;

    public static int IndexOf(string name)
    {
        var i = Array.IndexOf(Names, name);
        return i >= 0 ? i : throw new ArgumentException($"No feature named '{name}'.", nameof(name));
    }

    /// <summary>The features the dense stage provides; the lexical-only model does without them.</summary>
    public static readonly string[] DenseNames = ["dense", "dense-gap", "dense-top"];

    /// <summary>Features only the decide model reads: they exist only once the candidates are ranked.</summary>
    public static readonly string[] DecisionNames = ["rank-margin", "rank-score"];
}
