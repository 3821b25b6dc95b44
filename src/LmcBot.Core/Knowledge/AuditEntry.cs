namespace LmcBot.Core.Knowledge;

/// <summary>One change to the knowledge base: who, when, where from, and the record before and after.</summary>
public sealed class AuditEntry
{
    public int Id { get; set; }
    public DateTime At { get; set; }
    public string Platform { get; set; } = "";
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    /// <summary>add, edit, remove, restore, import, undo, sync, sync-conflict.</summary>
    public string Action { get; set; } = "";
    /// <summary>fact or document.</summary>
    public string TargetType { get; set; } = "";
    public string TargetId { get; set; } = "";
    public Fact? FactBefore { get; set; }
    public Fact? FactAfter { get; set; }
    public KnowledgeDocument? DocumentBefore { get; set; }
    public KnowledgeDocument? DocumentAfter { get; set; }
    public string? Note { get; set; }
    /// <summary>The audit entry that undid this one.</summary>
    public int? UndoneBy { get; set; }
    /// <summary>For an undo: the entry it reverted.</summary>
    public int? Undoes { get; set; }
}
