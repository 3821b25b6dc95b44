namespace LmcBot.Core.Answering.Retrieval;

/// <summary>
/// One possible answer to a question: a typed fact or a document sentence, with what retrieval found
/// (its lexical and dense scores), the features the scorer reads and the probability it gave.
/// </summary>
internal sealed class Candidate
{
    public Candidate(IndexedFact fact) => Fact = fact;

    public Candidate(IndexedSentence sentence) => Sentence = sentence;

    public IndexedFact? Fact { get; }

    public IndexedSentence? Sentence { get; }

    /// <summary>BM25 over the question's subject terms plus its named entities (retrieval's own ranking).</summary>
    public double Lexical { get; set; }

    /// <summary>Cosine similarity between the question and the candidate's embedded text; null when the model did not run.</summary>
    public double? Dense { get; set; }

    /// <summary>Position in the lexical ranking (0 best), or -1 when only dense retrieval found it.</summary>
    public int LexicalRank { get; set; } = -1;

    /// <summary>The feature values (<see cref="FeatureSet"/> order).</summary>
    public float[] Features { get; set; } = [];

    /// <summary>The fitted probability that this candidate answers the question.</summary>
    public double Probability { get; set; }

    /// <summary>Entities the candidate names.</summary>
    public HashSet<int> Entities => Fact?.Entities ?? Sentence!.Entities;

    /// <summary>Source grade rank (0 best).</summary>
    public int GradeRank => Fact?.GradeRank ?? Sentence!.GradeRank;

    /// <summary>A fact id, or the sentence's document and position.</summary>
    public string Key => Fact?.Fact.Id ?? $"{Sentence!.DocumentId}#{Sentence.Id}";

    public override string ToString() => Fact is not null ? $"fact {Fact.Fact.Id}" : $"sentence {Sentence!.DocumentId}: {Sentence.Text}";
}
