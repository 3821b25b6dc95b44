// TEMPORARY: the dense branch adds this property to KnowledgeIndex.cs. Deleted at merge.
namespace LmcBot.Core.Answering;

public sealed partial class KnowledgeIndex
{
    public Retrieval.DenseKnowledgeIndex Dense { get; private set; } = Retrieval.DenseKnowledgeIndex.Empty;
}
