namespace LmcBot.Core.Knowledge;

/// <summary>Where a record came from: the shipped <c>knowledge/</c> files, or an admin command.</summary>
public enum KnowledgeOrigin
{
    Shipped,
    Admin,
}
