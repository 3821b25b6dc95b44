using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Answering;

/// <summary>A fact prepared for answering: its terms, the entities it mentions and its resolved citation.</summary>
internal sealed class IndexedFact(int id, Fact fact)
{
    public int Id { get; } = id;
    public Fact Fact { get; } = fact;
    /// <summary>Entities the fact names in its fields, <c>about</c>, or text.</summary>
    public HashSet<int> Entities { get; } = [];
    /// <summary>Term → weight (statement terms weigh more than field values).</summary>
    public Dictionary<string, float> Terms { get; } = new(StringComparer.Ordinal);
    public float Length { get; set; }
    public Citation? Citation { get; set; }
    public int GradeRank { get; set; } = 6;
    /// <summary>Years the fact's date fields name.</summary>
    public HashSet<int> Years { get; } = [];
    /// <summary>The statement folded, with spaces around, for phrase checks.</summary>
    public string FoldedStatement { get; set; } = "";
    /// <summary>
    /// Terms of its <c>type</c> and <c>status</c> fields when its kind's are closed vocabularies (a meeting, a city pair:
    /// <see cref="KnowledgeIndex.CategoricalKinds"/>), which a question may contradict; empty for other kinds.
    /// </summary>
    public HashSet<string> CategoryTerms { get; } = new(StringComparer.Ordinal);
    /// <summary>The terms its kind's categorical fields use (<see cref="KnowledgeIndex.KindCategoryTerms"/>), or null.</summary>
    public HashSet<string>? KindCategories { get; set; }
    /// <summary>The position of its kind in <see cref="FactKind.All"/>, or -1.</summary>
    public int KindIndex { get; set; } = -1;
    /// <summary>Its <c>name</c> and <c>investor</c> fields (first values), what an entity it is about is called.</summary>
    public string? NameField { get; set; }
    public string? InvestorField { get; set; }
    /// <summary>Its <c>subject</c> field (first value): what a figure or note is about.</summary>
    public string? SubjectField { get; set; }
    /// <summary>Its keywords hold "what is": the fact that introduces its subject, which overviews lead with.</summary>
    public bool Introduces { get; set; }
    /// <summary>One of its terms asks for causes (<see cref="Lexicon.ReasonCues"/>).</summary>
    public bool HasReasonTerm { get; set; }
}
